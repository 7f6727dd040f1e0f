package lint

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// revLint is the lint of one revision.
type revLint struct {
	l       *linter
	r       *versions.Revision
	refs    []opRef
	created map[string]bool
	inTx    bool
	// what the revision holds, for the revision-wide rules
	ddl, data     bool
	firstData     int
	lockTimeout   bool
	firstBlocking int
}

// op lints one op: its static rules, then each planned statement's
// measured (or documented) locks, then offending rows.
func (rl *revLint) op(ctx context.Context, state *metadata.MetaData, i int, op ops.Op) error {
	at := rl.refs[i]
	c := &opContext{at: at, state: state, created: rl.created, inTx: rl.inTx}
	fs := staticFindings(c, rl.executeFor(op))
	rl.note(i, op)
	t, hasTable := ops.TableOf(op)
	stmts, err := rl.plan(state, op)
	if err != nil {
		return fmt.Errorf("%s:%d: planning %s: %w", at.file, at.line, op.Name(), err)
	}
	rl.l.rep.Statements += len(stmts)
	if _, ok := op.(*ops.CreateTable); ok && hasTable {
		rl.created[key(t)] = true
	}
	for _, st := range stmts {
		p, measured := rl.probe(ctx, op, st, &fs, at)
		if hasTable && rl.created[key(t)] {
			continue
		}
		fs = append(fs, lockFindings(op, st, p, measured, at)...)
		if p.BlocksWrites && rl.firstBlocking < 0 {
			rl.firstBlocking = i
		}
	}
	if rl.l.o.CountRows && rl.l.real != nil {
		rl.l.countRows(ctx, state, op, fs)
	}
	rl.l.rep.Findings = append(rl.l.rep.Findings, keep(fs, at)...)
	return nil
}

// plan is op's statements; a call (Go code) and rows from a file have
// none that lint can run.
func (rl *revLint) plan(state *metadata.MetaData, op ops.Op) ([]dialect.Statement, error) {
	switch o := op.(type) {
	case *ops.Call:
		return nil, nil
	case *ops.BulkInsert:
		if o.File != "" {
			return nil, nil
		}
	case *ops.BulkDelete:
		if o.File != "" {
			return nil, nil
		}
	}
	return rl.l.d.Plan(state, []ops.Op{op})
}

// executeFor narrows an execute to this dialect's text.
func (rl *revLint) executeFor(op ops.Op) ops.Op {
	e, ok := op.(*ops.Execute)
	if !ok || len(e.PerDialect) == 0 {
		return op
	}
	return &ops.Execute{SQL: e.PerDialect[rl.l.d.Name()]}
}

// note records what the op is, for the revision-wide rules.
func (rl *revLint) note(i int, op ops.Op) {
	data := false
	switch o := rl.executeFor(op).(type) {
	case *ops.BulkInsert, *ops.BulkDelete:
		data = true
	case *ops.Execute:
		f := factsOf(o.SQL)
		rl.lockTimeout = rl.lockTimeout || f.lockTimeout
		rl.ddl = rl.ddl || f.ddl
		data = f.dml
	case *ops.Call:
		data = true
	default:
		rl.ddl = true
	}
	if data && !rl.data {
		rl.data, rl.firstData = true, i
	}
}

// probe measures st on the scratch database, or asks the dialect's
// documented rules. A statement the scratch refuses is a finding.
func (rl *revLint) probe(ctx context.Context, op ops.Op, st dialect.Statement, fs *[]Finding, at opRef) (dialect.Probe, bool) {
	lp, ok := rl.l.d.(dialect.LockProber)
	if !ok {
		return dialect.Probe{}, false
	}
	if rl.l.scratch == nil {
		return lp.DocumentedProbe(op), false
	}
	p, err := lp.ProbeStatement(ctx, rl.l.scratch.db, st)
	if err != nil {
		f := newFinding(UnmeasuredStatement, at, fmt.Sprintf("the scratch database refused the statement: %v", err))
		f.Statement = st.SQL
		*fs = append(*fs, f)
		return lp.DocumentedProbe(op), false
	}
	return p, true
}

// lockFindings turn one statement's probe into blocking findings.
func lockFindings(op ops.Op, st dialect.Statement, p dialect.Probe, measured bool, at opRef) []Finding {
	var out []Finding
	add := func(id, msg string) {
		f := newFinding(id, at, msg)
		f.Statement, f.Measured = st.SQL, measured
		out = append(out, f)
	}
	how := "documented"
	if measured {
		how = "measured"
	}
	locks := describeLocks(p)
	_, isIndex := op.(*ops.CreateIndex)
	switch {
	case len(p.Rewritten) > 0:
		add(TableRewrite, fmt.Sprintf("rewrites table %s under %s (%s)", strings.Join(p.Rewritten, ", "), locks, how))
	case isIndex && p.BlocksWrites:
		add(IndexBlocksWrites, fmt.Sprintf("builds the index under %s: writes wait (%s)", locks, how))
	case len(p.Scanned) > 0 && p.BlocksWrites:
		add(ValidationScan, fmt.Sprintf("scans %s to validate under %s (%s)", strings.Join(p.Scanned, ", "), locks, how))
	case p.BlocksWrites || p.BlocksReads:
		add(BlockingLock, fmt.Sprintf("takes %s (%s); set lock_timeout", locks, how))
	}
	return out
}

func describeLocks(p dialect.Probe) string {
	var parts []string
	for _, l := range p.Locks {
		if p.Algorithm != "" {
			parts = append(parts, "ALGORITHM="+l.Mode+" on "+l.Relation)
		} else {
			parts = append(parts, l.Mode+" on "+l.Relation)
		}
	}
	if len(parts) == 0 {
		return "no table lock"
	}
	return strings.Join(parts, ", ")
}

// finish adds the revision-wide rules: mixed DDL and data outside a
// transaction, and blocking statements without a lock timeout.
func (rl *revLint) finish() {
	var out []Finding
	if !rl.inTx && rl.ddl && rl.data {
		out = append(out, keep([]Finding{newFinding(MixedDDLData, rl.refs[rl.firstData], "")}, rl.refs[rl.firstData])...)
	}
	if rl.firstBlocking >= 0 && !rl.lockTimeout {
		at := rl.refs[rl.firstBlocking]
		out = append(out, keep([]Finding{newFinding(MissingLockTimeout, at, "")}, at)...)
	}
	rl.l.rep.Findings = append(rl.l.rep.Findings, out...)
}
