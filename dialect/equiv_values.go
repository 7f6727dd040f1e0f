package dialect

import (
	"context"
	"fmt"
	"strings"
)

// ValueAsk says how a database evaluates pairs of defaults in a scratch
// table (see [AskDefaultValues]).
type ValueAsk struct {
	// Create begins the scratch table's definition ("CREATE TEMPORARY
	// TABLE retort_equiv_d"); Insert fills one row with every default;
	// Drop, when set, removes the table before the rollback (MySQL).
	Create, Insert, Drop string
	// Same compares two columns by value: "%s IS %s", "%s <=> %s".
	Same string
	// Column renders the definition of the scratch column name holding
	// sql as the default of the pair's column, or false when it cannot.
	Column func(name string, p Pair, sql string) (string, bool)
}

// AskDefaultValues answers the default pairs by value: each side becomes
// the default of a column of a scratch table, in a transaction rolled
// back; one row of defaults is inserted and the columns compared, in a
// fixed number of statements (BEGIN, CREATE, INSERT, SELECT, [DROP],
// ROLLBACK) whatever the number of pairs. Other pairs are Undecided.
func AskDefaultValues(ctx context.Context, db TxBeginner, pairs []Pair, a ValueAsk) ([]Verdict, error) {
	out := make([]Verdict, len(pairs))
	var cols, cmps []string
	var asked []int
	for i, p := range pairs {
		out[i] = Undecided
		if p.Target.Kind != ExprDefault || p.Current.Column == nil || p.Target.SQL == "" || p.Current.SQL == "" {
			continue
		}
		t, okT := a.Column(fmt.Sprintf("t%d", i), p, p.Target.SQL)
		c, okC := a.Column(fmt.Sprintf("c%d", i), p, p.Current.SQL)
		if !okT || !okC {
			continue
		}
		cols = append(cols, t, c)
		cmps = append(cmps, "CASE WHEN "+fmt.Sprintf(a.Same, fmt.Sprintf("t%d", i), fmt.Sprintf("c%d", i))+" THEN 1 ELSE 0 END")
		asked = append(asked, i)
	}
	if len(asked) == 0 {
		return out, nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // rolled back on purpose: nothing is kept
	if _, err := tx.ExecContext(ctx, a.Create+" ("+strings.Join(cols, ", ")+")"); err != nil {
		return nil, fmt.Errorf("rendering the declared defaults: %w", err)
	}
	if _, err := tx.ExecContext(ctx, a.Insert); err != nil {
		return nil, fmt.Errorf("evaluating the declared defaults: %w", err)
	}
	row := make([]any, len(asked))
	same := make([]int, len(asked))
	for i := range row {
		row[i] = &same[i]
	}
	from := strings.Fields(a.Create)
	if err := tx.QueryRowContext(ctx, "SELECT "+strings.Join(cmps, ", ")+" FROM "+from[len(from)-1]).Scan(row...); err != nil {
		return nil, fmt.Errorf("comparing the declared defaults: %w", err)
	}
	if a.Drop != "" {
		if _, err := tx.ExecContext(ctx, a.Drop); err != nil {
			return nil, err
		}
	}
	for j, i := range asked {
		out[i] = Different
		if same[j] == 1 {
			out[i] = Same
		}
	}
	return out, nil
}
