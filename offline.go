package retort

import (
	"fmt"
	"io"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/versions"
)

// SQL writes the script of a run to w, touching no database: from the
// heads in from (none: the base) to target, upgrading or downgrading
// (versions.Up or versions.Down). The script creates the version table,
// wraps each revision in BEGIN/COMMIT as the transaction mode says, and
// moves the version rows. Statements that need a live database (a
// replayed query, a call op) are written as comments.
func (r *Runner) SQL(w io.Writer, from []string, target string, dir versions.Direction) error {
	steps, err := r.steps(dir, from, target)
	if err != nil {
		return err
	}
	m, err := r.modelAt(from)
	if err != nil {
		return err
	}
	plan, err := r.plan(m, from, steps)
	if err != nil {
		return err
	}
	s := &script{r: r, w: w}
	s.line("-- Retort %s: %s -> %s (%s)", dir, orBase(from), target, r.opts.Dialect.Name())
	s.preamble()
	s.line("%s;\n", r.vt.CreateSQL())
	return s.steps(plan)
}

// StampSQL writes the version-table statements of a stamp from the heads
// in from to targets.
func (r *Runner) StampSQL(w io.Writer, from, targets []string) error {
	steps, err := r.graph.Stamp(from, targets)
	if err != nil {
		return err
	}
	plan, err := r.plan(nil, from, steps)
	if err != nil {
		return err
	}
	s := &script{r: r, w: w}
	s.line("%s;\n", r.vt.CreateSQL())
	return s.steps(plan)
}

// preamble writes the dialect's session statements (dialect.ScriptPreamble).
func (s *script) preamble() {
	if sp, ok := s.r.opts.Dialect.(dialect.ScriptPreamble); ok {
		for _, st := range sp.ScriptPreamble() {
			s.line("%s;", st)
		}
	}
}

// script writes statements to w, remembering the first write error.
type script struct {
	r   *Runner
	w   io.Writer
	err error
}

func (s *script) line(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.w, format+"\n", args...)
	}
}

func (s *script) steps(plan []*plannedStep) error {
	tx := s.r.transactional()
	all := tx && s.r.opts.Transaction == All
	if all {
		s.before(plan...)
		s.line("BEGIN;\n")
	}
	for _, p := range plan {
		s.line("-- %s", p.step)
		inTx := tx && !all && p.transactional()
		if !all {
			s.before(p)
		}
		if inTx {
			s.line("BEGIN;\n")
		}
		for _, u := range p.units {
			if u.call != nil {
				s.line("-- call %s: Go code, run by the migrate binary only\n", u.call.Function)
				continue
			}
			if u.batch != nil {
				s.line("-- %s %s: one statement here; the migrate binary runs it in batches of %d rows and resumes after a crash\n", u.batch.op.Name(), u.batch.table, u.batch.size)
				s.stmt(dialect.Statement{SQL: u.batch.body, Op: u.op})
				continue
			}
			if u.file != nil {
				if err := s.file(p, u); err != nil {
					return fmt.Errorf("%s: bulk_insert from %s: %w", p.step, u.file.File, err)
				}
				continue
			}
			if u.del != nil {
				if err := s.deleteFile(p, u); err != nil {
					return fmt.Errorf("%s: bulk_delete from %s: %w", p.step, u.del.File, err)
				}
				continue
			}
			for _, st := range u.stmts {
				if st.NoTransaction && (inTx || all) {
					// As the runner does: commit, run it alone, begin again.
					s.line("COMMIT;\n")
					s.stmt(st)
					s.line("BEGIN;\n")
					continue
				}
				s.stmt(st)
			}
		}
		lines, err := s.r.vt.Script(p.changes)
		if err != nil {
			return err
		}
		for _, l := range lines {
			s.line("%s;\n", l)
		}
		if inTx {
			s.line("COMMIT;\n")
		}
		if !all {
			s.after(p)
		}
	}
	if all {
		s.line("COMMIT;\n")
		s.after(plan...)
	}
	return s.err
}

func (s *script) before(plan ...*plannedStep) {
	for _, p := range plan {
		for _, st := range p.before {
			s.stmt(st)
		}
	}
}

func (s *script) after(plan ...*plannedStep) {
	for _, p := range plan {
		for _, st := range p.after {
			s.stmt(st)
		}
	}
}

// stmt writes one statement with its arguments inlined.
func (s *script) stmt(st dialect.Statement) {
	text, err := dialect.Inline(s.r.opts.Dialect, st)
	if err != nil && s.err == nil {
		s.err = err
		return
	}
	text = strings.TrimRight(strings.TrimSpace(text), ";")
	switch {
	case st.ExecRows:
		s.line("-- the statements this query returns must run here (needs a live database):\n-- %s\n", strings.ReplaceAll(text, "\n", "\n-- "))
	case st.FailIfRows:
		s.line("-- check: must return no rows\n%s;\n", text)
	default:
		s.line("%s", dialect.Terminate(s.r.opts.Dialect, text))
	}
}

// orBase joins heads, or says base.
func orBase(heads []string) string {
	if len(heads) == 0 {
		return "base"
	}
	return strings.Join(heads, ", ")
}
