package autogen

import (
	"context"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Defaults, checks, index expressions and partial-index predicates are
// compared by meaning when the dialect implements dialect.Equivalence: its
// documented offline rules first, then, in CompareOnline, the database's
// own answer for every pair the rules cannot decide (one batch per run).
// The rules' Same and Different stand: a value compared on the server can
// agree by coincidence (datetime('now', 'localtime') on a server in UTC),
// a rule cannot. A pair neither can decide is no change but a note, once per object;
// Options.Strict makes it a change. A dialect without Equivalence compares
// defaults exactly and SQL text loosely (looseSQL).

// answerKey names one question: the same pair in the same place.
type answerKey struct {
	kind                  dialect.ExprKind
	table, column         string
	targetSQL, currentSQL string
}

func keyOf(p dialect.Pair) answerKey {
	k := answerKey{kind: p.Target.Kind, targetSQL: p.Target.SQL, currentSQL: p.Current.SQL}
	if p.Target.Table != nil {
		k.table = p.Target.Table.QualifiedName()
	}
	if p.Target.Column != nil {
		k.column = p.Target.Column.Name
	}
	return k
}

// sameExpr judges one pair. object names the object for a note; byName is
// set when the two were matched by name (an undecided pair found while
// matching by definition is simply not a match, and noted nowhere).
func (c *comparer) sameExpr(object string, target, current dialect.Expr, byName bool) bool {
	if target.SQL == current.SQL {
		return true
	}
	eq, ok := c.d.(dialect.Equivalence)
	if !ok {
		if target.Kind == dialect.ExprDefault {
			return false
		}
		return looseSQL(target.SQL) == looseSQL(current.SQL)
	}
	v := eq.Equivalent(target, current)
	if v == dialect.Undecided { // what the rules decide stands; the database settles the rest
		p := dialect.Pair{Target: target, Current: current}
		if a, ok := c.answers[keyOf(p)]; ok && a != dialect.Undecided {
			v = a
		} else if c.collect != nil {
			c.collect[keyOf(p)] = p
		}
	}
	switch v {
	case dialect.Same:
		return true
	case dialect.Undecided:
		if !byName || c.opts.Strict {
			return false
		}
		c.note(object, "%s: cannot tell whether %s %q and %q mean the same; not reported as a change (--strict reports it)",
			object, target.Kind, target.SQL, current.SQL)
		return true
	}
	return false
}

// note records a note once per object.
func (c *comparer) note(object, format string, args ...any) {
	if c.noted[object] {
		return
	}
	if c.noted == nil {
		c.noted = map[string]bool{}
	}
	c.noted[object] = true
	c.p.notes = append(c.p.notes, fmt.Sprintf(format, args...))
}

// sameDefault compares two columns' server defaults.
func (c *comparer) sameDefault(t *metadata.Table, col, old *metadata.Column) bool {
	return c.sameExpr(t.QualifiedName()+"."+col.Name,
		dialect.Expr{Kind: dialect.ExprDefault, Table: t, Column: col, SQL: col.Default},
		dialect.Expr{Kind: dialect.ExprDefault, Table: t, Column: old, SQL: old.Default}, true)
}

// sameType compares two column types after Normalize: equal, one type on
// the dialect's database (Equivalence), or the same once alone in a
// one-column table (sameTypeHere).
func (c *comparer) sameType(t *metadata.Table, col, old *metadata.Column) bool {
	if col.Type.Equal(old.Type) {
		return true
	}
	if eq, ok := c.d.(dialect.Equivalence); ok && eq.EquivalentTypes(col.Type, old.Type) {
		return true
	}
	return c.sameTypeHere(t, col, old)
}

// CompareOnline is Compare with the database asked, where the dialect can
// (dialect.EquivalenceAsker), about every default, check, index expression
// and predicate whose spellings its offline rules cannot decide: all
// of them at once, in one batch, in a transaction rolled back. Should the
// database fail to answer, the offline verdicts stand and a note says so.
func CompareOnline(ctx context.Context, db dialect.TxBeginner, target, current *metadata.MetaData, d dialect.Dialect, opts Options) (*Result, error) {
	asker, ok := d.(dialect.EquivalenceAsker)
	if !ok || db == nil {
		return Compare(target, current, d, opts)
	}
	collect := map[answerKey]dialect.Pair{}
	res, err := compare(target, current, d, opts, nil, collect)
	if err != nil || len(collect) == 0 {
		return res, err
	}
	pairs := make([]dialect.Pair, 0, len(collect))
	for _, p := range collect {
		pairs = append(pairs, p)
	}
	verdicts, err := asker.Ask(ctx, db, pairs)
	if err != nil {
		res.Notes = append(res.Notes, fmt.Sprintf("the database could not be asked whether spellings mean the same (%v); compared by the offline rules", err))
		return res, nil
	}
	answers := make(map[answerKey]dialect.Verdict, len(pairs))
	for i, p := range pairs {
		if i < len(verdicts) {
			answers[keyOf(p)] = verdicts[i]
		}
	}
	return compare(target, current, d, opts, answers, nil)
}

// autoIncrementSatisfied reports whether old, which does not say
// autoincrement, numbers rows as col asks on this database
// (dialect.AutoIncrementEquivalence: SQLite's rowid alias).
func (c *comparer) autoIncrementSatisfied(cur *metadata.Table, col, old *metadata.Column) bool {
	ae, ok := c.d.(dialect.AutoIncrementEquivalence)
	return ok && col.AutoIncrement && !old.AutoIncrement && ae.AutoIncrementSatisfied(cur, col, old)
}
