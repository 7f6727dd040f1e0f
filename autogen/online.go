package autogen

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// ErrNoOnlineForms is returned by [Online] for a dialect with no online
// forms (SQLite, whose every change takes the database's write lock).
var ErrNoOnlineForms = errors.New("this database has no online forms of schema changes; autogenerate without --online")

// Stage is one revision of an online change: its ops, and whether they run
// in the revision's transaction. Stages chain: each follows the one before.
type Stage struct {
	Ops []ops.Op
	// Downgrade is the exact reverse of Ops, without algorithm: and lock:
	// (ops.WithoutMode).
	Downgrade     []ops.Op
	Transactional bool
	// Label says what the stage does, for its revision's message.
	Label string
}

// Online rewrites ops, as Compare returned them, into their online forms
// (the dialect's [dialect.OnlineRewriter]) and splits them into the
// revisions one transaction cannot hold: indexes dropped CONCURRENTLY
// first, on their own; then every other change, constraints added NOT
// VALID among them; then indexes built CONCURRENTLY, on their own; then
// the validate_constraint of each NOT VALID constraint. Empty stages are
// left out, so a change with no such ops is one stage. Ops on a table the
// same list creates are kept as they are: the table is new and empty, and
// no one waits for it.
func Online(d dialect.Dialect, list []ops.Op) ([]Stage, error) {
	rw, ok := d.(dialect.OnlineRewriter)
	if !ok {
		return nil, fmt.Errorf("autogen: %s: %w", d.Name(), ErrNoOnlineForms)
	}
	created := map[ops.TableRef]bool{}
	for _, o := range list {
		if c, ok := o.(*ops.CreateTable); ok {
			created[ops.TableRef{Schema: c.Table.Schema, Table: c.Table.Name}] = true
		}
	}
	stages := []Stage{
		{Label: "drop indexes concurrently"},
		{Transactional: true, Label: "the changes"},
		{Label: "build indexes concurrently"},
		{Transactional: true, Label: "validate constraints"},
	}
	for _, o := range list {
		forms := []ops.Op{o}
		if ref, ok := ops.TableOf(o); !ok || !created[ref] {
			forms = rw.OnlineForm(o)
		}
		for _, f := range forms {
			s := stageOf(f)
			stages[s].Ops = append(stages[s].Ops, f)
		}
	}
	var out []Stage
	for _, s := range stages {
		if len(s.Ops) == 0 {
			continue
		}
		down, err := Downgrade(s.Ops)
		if err != nil {
			return nil, err
		}
		for i, o := range down {
			down[i] = ops.WithoutMode(o)
		}
		s.Downgrade = down
		out = append(out, s)
	}
	return out, nil
}

// stageOf is the index in Online's stages of the stage o belongs to.
func stageOf(o ops.Op) int {
	switch o := o.(type) {
	case *ops.DropIndex:
		if o.Concurrently {
			return 0
		}
	case *ops.CreateIndex:
		if o.Concurrently {
			return 2
		}
	case *ops.ValidateConstraint:
		return 3
	}
	return 1
}

// StageMessage is the message of stage k (from 0) of n: the change's
// message, and when there are several stages, which one this is.
func StageMessage(message string, k, n int, s Stage) string {
	if n < 2 {
		return message
	}
	return fmt.Sprintf("%s (online %d/%d: %s)", message, k+1, n, s.Label)
}
