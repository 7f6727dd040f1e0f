package sqlite

import (
	"context"

	"github.com/retortdb/retort/dialect"
)

// Ask answers default pairs by value: both sides become defaults of
// columns of the pair's type in a scratch TEMP table, in a transaction
// rolled back; one row is inserted and the columns compared with IS, so
// that the column's affinity applies as it does to real rows. SQLite
// keeps checks and index expressions as written, so the database has
// nothing to add there: those pairs stay Undecided.
func (d *Dialect) Ask(ctx context.Context, db dialect.TxBeginner, pairs []dialect.Pair) ([]dialect.Verdict, error) {
	return dialect.AskDefaultValues(ctx, db, pairs, dialect.ValueAsk{
		Create: "CREATE TEMP TABLE retort_equiv_d",
		Insert: "INSERT INTO retort_equiv_d DEFAULT VALUES",
		Same:   "%s IS %s",
		Column: func(name string, p dialect.Pair, sql string) (string, bool) {
			typ, err := typeSQL(p.Current.Column.Type)
			if err != nil {
				return "", false
			}
			return quote(name) + " " + typ + " DEFAULT " + defaultSQL(sql), true
		},
	})
}
