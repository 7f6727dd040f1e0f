package lint

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// Options say what Run lints and where it measures.
type Options struct {
	// URL is the real database: its dialect, its current heads (the
	// revisions not yet applied are linted) and, with CountRows, the rows
	// that would break a data-dependent change. Only read.
	URL string
	// DevURL is the scratch database the revisions run on to measure
	// locks and rewrites; it is emptied first and after. Empty: the
	// dialect's in-memory scratch if it has one (SQLite), else documented
	// rules. It also picks the dialect when URL is empty.
	DevURL string
	// Migrations holds the revision files in Directory ("versions").
	Migrations fs.FS
	Directory  string
	// ShowDir is prefixed to revision paths in findings (the project's
	// migrations directory), so file:line opens from the project root.
	ShowDir string
	// Revisions are the revisions to lint; empty: those after Base, or
	// the ones not applied on URL, or (no URL) the whole history.
	Revisions []string
	Base      string
	// CountRows counts offending rows on URL for data-dependent findings.
	CountRows bool
	// Offline lints without any connection: URL (or DevURL) only picks
	// the dialect, the whole history (or what follows Base) is linted, and
	// locks are the dialect's documented rules.
	Offline bool
	// VersionTable is the version table's name on URL (default
	// migrate_version).
	VersionTable string
}

// Run lints the selected revisions: per statement of each, in upgrade
// order, the findings of every rule the revision does not ignore.
func Run(ctx context.Context, o Options) (*Report, error) {
	d, err := pickDialect(o)
	if err != nil {
		return nil, err
	}
	g, err := versions.Load(o.Migrations, orDefault(o.Directory, "versions"))
	if err != nil {
		return nil, err
	}
	var real *sql.DB
	if o.URL != "" && !o.Offline {
		if real, err = openDB(o.URL); err != nil {
			return nil, err
		}
		defer real.Close()
	}
	order, selected, err := selectRevisions(ctx, g, d, real, o)
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	var sc *scratch
	if !o.Offline {
		if sc, err = openScratch(ctx, d, o.DevURL); err != nil {
			return nil, err
		}
	}
	if sc != nil {
		defer sc.close(ctx)
		rep.Measured = true
	} else {
		rep.Note = "no scratch database (--dev-url): locks and rewrites are the dialect's documented rules, not measured"
	}
	l := &linter{d: d, o: o, rep: rep, scratch: sc, real: real, state: metadata.New()}
	for _, r := range order {
		if err := l.revision(ctx, r, selected[r.ID]); err != nil {
			return nil, err
		}
	}
	return rep, nil
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// pickDialect is URL's dialect, else DevURL's.
func pickDialect(o Options) (dialect.Dialect, error) {
	raw := o.URL
	if raw == "" {
		raw = o.DevURL
	}
	if raw == "" {
		return nil, &retort.InputError{Err: errors.New("lint needs a dialect: pass --url (the database the revisions are for) or --dev-url (a scratch database of the same kind)")}
	}
	d, _, err := dialect.Open(raw)
	if err != nil {
		return nil, &retort.InputError{Err: err}
	}
	return d, nil
}

// selectRevisions returns every revision in upgrade order and the ids to
// lint.
func selectRevisions(ctx context.Context, g *versions.Graph, d dialect.Dialect, real *sql.DB, o Options) ([]*versions.Revision, map[string]bool, error) {
	all, err := g.Upgrade(nil, "heads")
	if err != nil {
		return nil, nil, err
	}
	order := make([]*versions.Revision, 0, len(all))
	for _, s := range all {
		if s.Revision != nil {
			order = append(order, s.Revision)
		}
	}
	var pick []versions.Step
	switch {
	case len(o.Revisions) > 0:
		revs, err := g.Resolve(o.Revisions...)
		if err != nil {
			return nil, nil, &retort.InputError{Err: err}
		}
		sel := map[string]bool{}
		for _, r := range revs {
			sel[r.ID] = true
		}
		return order, sel, nil
	case o.Base != "":
		base, err := g.Resolve(o.Base)
		if err != nil {
			return nil, nil, &retort.InputError{Err: fmt.Errorf("--base: %w", err)}
		}
		if pick, err = g.Upgrade([]string{base[0].ID}, "heads"); err != nil {
			return nil, nil, err
		}
	case real != nil:
		vt := versions.VersionTable{Dialect: d, Name: o.VersionTable}
		heads, err := retort.CurrentHeads(ctx, real, vt)
		if err != nil {
			return nil, nil, err
		}
		if pick, err = g.Upgrade(heads, "heads"); err != nil {
			return nil, nil, err
		}
	default:
		pick = all
	}
	sel := map[string]bool{}
	for _, s := range pick {
		if s.Revision != nil {
			sel[s.Revision.ID] = true
		}
	}
	return order, sel, nil
}

// linter carries a run's state from revision to revision.
type linter struct {
	d       dialect.Dialect
	o       Options
	rep     *Report
	scratch *scratch
	real    *sql.DB
	state   *metadata.MetaData // folded history before the current revision
	loaded  bool               // the scratch holds state
}

// revision lints r when selected, and folds it onto the state.
func (l *linter) revision(ctx context.Context, r *versions.Revision, selected bool) error {
	if selected {
		if l.scratch != nil && !l.loaded {
			if err := l.scratch.load(ctx, l.d, l.state); err != nil {
				return err
			}
			l.loaded = true
		}
		if err := l.lintRevision(ctx, r); err != nil {
			return err
		}
	} else if l.loaded {
		if err := l.scratch.replay(ctx, l.d, l.state, r); err != nil {
			return err
		}
	}
	_ = ops.ApplyAll(l.state, r.Upgrade) // execute ops cannot be folded: skipped
	return nil
}

// lintRevision plans r against the state and runs every rule.
func (l *linter) lintRevision(ctx context.Context, r *versions.Revision) error {
	l.rep.Revisions = append(l.rep.Revisions, r.ID)
	shown := path.Join(l.o.ShowDir, r.Path)
	refs := opPositions(l.o.Migrations, shown, r)
	rl := &revLint{l: l, r: r, refs: refs, created: map[string]bool{}, firstBlocking: -1, inTx: r.Transactional && l.d.Capabilities().TransactionalDDL}
	state := l.state.Clone()
	for i, op := range r.Upgrade {
		if err := rl.op(ctx, state, i, op); err != nil {
			return err
		}
		_ = ops.Apply(state, op)
	}
	rl.finish()
	return nil
}

// keep drops the findings a revision or op ignores.
func keep(fs []Finding, at opRef) []Finding {
	return slices.DeleteFunc(fs, func(f Finding) bool { return at.ignore[f.Rule] || at.ignore["all"] })
}
