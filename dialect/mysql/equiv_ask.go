package mysql

import (
	"context"

	"github.com/retortdb/retort/dialect"
)

// Ask answers default pairs by value: both sides (ON UPDATE left to the
// offline rules) become defaults of columns of the pair's type in a
// scratch TEMPORARY table, in a transaction rolled back; one row is
// inserted and the columns compared with <=> as bytes (BINARY: no
// collation folds 'a' and 'A' or pads 'x '). Checks stay Undecided
// (MariaDB keeps no catalog text of a temporary table's checks to compare).
func (d *Dialect) Ask(ctx context.Context, db dialect.TxBeginner, pairs []dialect.Pair) ([]dialect.Verdict, error) {
	verdicts, err := dialect.AskDefaultValues(ctx, db, pairs, dialect.ValueAsk{
		Create: "CREATE TEMPORARY TABLE retort_equiv_d",
		Insert: "INSERT INTO retort_equiv_d () VALUES ()",
		Drop:   "DROP TEMPORARY TABLE retort_equiv_d",
		Same:   "BINARY %s <=> BINARY %s",
		Column: func(name string, p dialect.Pair, sql string) (string, bool) {
			t := p.Current.Column.Type
			typ, err := typeSQL(t, "", nil)
			if err != nil {
				return "", false
			}
			value, _ := splitOnUpdate(sql)
			return d.QuoteIdent(name) + " " + typ + " NULL DEFAULT " + defaultSQL(value, t, typ), true
		},
	})
	if err != nil {
		return nil, err
	}
	for i, p := range pairs { // the value agrees; ON UPDATE is judged offline
		if verdicts[i] == dialect.Same && p.Target.Kind == dialect.ExprDefault {
			_, tu := splitOnUpdate(p.Target.SQL)
			_, cu := splitOnUpdate(p.Current.SQL)
			if tu != cu && dialect.JudgeSQL(tu, cu, canonRules, nil) != dialect.Same {
				verdicts[i] = dialect.Different
			}
		}
	}
	return verdicts, nil
}
