package autogen

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// sequences creates the schema's new sequences, drops those gone, and
// renames one where a sequence is gone, another with the same options is
// new, and a column default that read the old one reads the new one in the
// target: a release that renamed the sequence behind an id column (a drop
// and a create would number new rows from the start again). A sequence
// whose options changed is dropped and created, with a warning.
func (c *comparer) sequences() {
	var added, gone []*metadata.Sequence
	for _, s := range c.target.Sequences {
		old := c.current.Sequence(s.Schema, s.Name)
		switch {
		case old == nil:
			added = append(added, s)
		case !s.SameOptions(old):
			c.p.warnf("sequence %s: options changed; autogenerate drops and creates it, which restarts it: edit the revision to keep its value",
				s.QualifiedName())
			c.p.dropSequences = append(c.p.dropSequences, dropSequence(old))
			c.p.createSequences = append(c.p.createSequences, &ops.CreateSequence{Sequence: s.Clone()})
		}
	}
	for _, s := range c.current.Sequences {
		if c.target.Sequence(s.Schema, s.Name) == nil {
			gone = append(gone, s)
		}
	}
	renamed := map[*metadata.Sequence]bool{}
	for _, old := range gone {
		for _, s := range added {
			if !renamed[s] && s.Schema == old.Schema && s.SameOptions(old) && c.defaultsMoved(old, s) {
				renamed[s], renamed[old] = true, true
				c.p.renameSequences = append(c.p.renameSequences,
					&ops.RenameSequence{Schema: old.Schema, SequenceName: old.Name, NewName: s.Name})
				break
			}
		}
	}
	for _, s := range added {
		if !renamed[s] {
			c.p.createSequences = append(c.p.createSequences, &ops.CreateSequence{Sequence: s.Clone()})
		}
	}
	for i := len(gone) - 1; i >= 0; i-- {
		if !renamed[gone[i]] {
			c.p.dropSequences = append(c.p.dropSequences, dropSequence(gone[i]))
		}
	}
}

func dropSequence(s *metadata.Sequence) *ops.DropSequence {
	return &ops.DropSequence{Schema: s.Schema, SequenceName: s.Name, Sequence: s.Clone()}
}

// defaultsMoved reports whether some column's default reads sequence old
// in the current schema and, with that name replaced by s's, is the same
// column's default in the target, reading s.
func (c *comparer) defaultsMoved(old, s *metadata.Sequence) bool {
	for _, t := range c.target.Tables {
		cur := c.current.Table(t.Schema, t.Name)
		if cur == nil {
			continue
		}
		for _, col := range t.Columns {
			oc := cur.Column(col.Name)
			if oc == nil || !defaultReads(c.d, oc.Default, old.Name) || !defaultReads(c.d, col.Default, s.Name) {
				continue
			}
			if strings.ReplaceAll(oc.Default, old.Name, s.Name) == col.Default {
				return true
			}
		}
	}
	return false
}

// defaultReads reports whether default def reads the sequence named name,
// as d reads defaults (dialect.SequenceReader); never where it has none.
func defaultReads(d dialect.Dialect, def, name string) bool {
	sr, ok := d.(dialect.SequenceReader)
	if !ok {
		return false
	}
	_, n, ok := sr.DefaultSequence(def)
	return ok && n == name
}

// identityChanged reports whether two autoincrement columns number rows
// differently: their identity kinds differ, or both are serial with
// different sequences. An unsaid kind the dialect's Normalize left unsaid
// (SQLite's: either spelling) matches any; PostgreSQL's Normalize says BY
// DEFAULT.
func identityChanged(col, old *metadata.Column) bool {
	if !col.AutoIncrement || !old.AutoIncrement || col.Identity == "" || old.Identity == "" {
		return false
	}
	if col.Identity != old.Identity {
		return true
	}
	return col.Identity == metadata.IdentitySerial && !col.Sequence.Equal(old.Sequence)
}

// sequenceOrZero is a column's sequence for alter_column: the empty
// sequence stands for the one PostgreSQL gives a serial column.
func sequenceOrZero(s *metadata.Sequence) *metadata.Sequence {
	if s == nil {
		return &metadata.Sequence{}
	}
	return s.Clone()
}

// undeclaredSequence returns an error naming the first column of the
// target whose default reads a sequence of the target's schemas that the
// target does not have, where the revision would set that default (the
// column is new, or its default changes) or drop that sequence (the
// database has it): the upgrade would succeed and the first INSERT fail.
// A default left as it is, reading a sequence neither side has, is not the
// revision's doing.
func (c *comparer) undeclaredSequence() error {
	sr, ok := c.d.(dialect.SequenceReader)
	if !ok {
		return nil
	}
	schemas := map[string]bool{}
	for _, t := range c.target.Tables {
		schemas[t.Schema] = true
	}
	for _, t := range c.target.Tables {
		cur := c.current.Table(t.Schema, t.Name)
		for _, col := range t.Columns {
			schema, name, reads := sr.DefaultSequence(col.Default)
			if !reads {
				continue
			}
			if schema == "" {
				schema = t.Schema
			}
			unchanged := false
			if cur != nil {
				if oc := cur.Column(col.Name); oc != nil && oc.Default == col.Default {
					unchanged = true
				}
			}
			if !schemas[schema] || c.target.Sequence(schema, name) != nil || unchanged && c.current.Sequence(schema, name) == nil {
				continue
			}
			return fmt.Errorf("autogen: table %s, column %s: the default %s reads sequence %s, which the schema does not have; declare it under sequences: (name: %s), or the first INSERT would fail",
				t.QualifiedName(), col.Name, col.Default, name, name)
		}
	}
	return nil
}
