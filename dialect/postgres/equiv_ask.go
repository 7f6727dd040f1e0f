package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Ask puts every pair into scratch temporary tables in one transaction
// that is rolled back, and reads back what the catalog made of each side:
// defaults as columns' defaults (pg_get_expr), checks as constraints
// (pg_get_constraintdef), index expressions and predicates as indexes of
// a copy of the table. The two catalog texts are then compared by the
// offline rules: what PostgreSQL prints the same is the same. Nothing is
// evaluated (a default may call a function with side effects, such as
// nextval). Four statements in all
// (BEGIN, the DDL batch, one SELECT, ROLLBACK), whatever the number of
// pairs; a pair the database rejects fails the batch (the caller keeps the
// offline verdicts).
func (p Postgres) Ask(ctx context.Context, db dialect.TxBeginner, pairs []dialect.Pair) ([]dialect.Verdict, error) {
	b := &askBatch{p: p, tables: map[*metadata.Table]string{}}
	for i, pr := range pairs {
		b.add(i, pr)
	}
	if len(b.defCols) > 0 {
		b.ddl = append(b.ddl, "CREATE TEMPORARY TABLE "+scratchPrefix+"d ("+strings.Join(b.defCols, ", ")+") ON COMMIT DROP")
	}
	out := make([]dialect.Verdict, len(pairs))
	for i := range out {
		out[i] = dialect.Undecided
	}
	if len(b.ddl) == 0 {
		return out, nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback() //nolint:errcheck // rolled back on purpose: nothing is kept
	if _, err := tx.ExecContext(ctx, strings.Join(b.ddl, ";\n")); err != nil {
		return nil, fmt.Errorf("postgres: rendering the declared expressions: %w", err)
	}
	rows, err := tx.QueryContext(ctx, b.query())
	if err != nil {
		return nil, fmt.Errorf("postgres: reading the catalog's text: %w", err)
	}
	defer rows.Close()
	text := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		text[k] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i, pr := range pairs {
		out[i] = b.verdict(i, pr, text)
	}
	return out, nil
}

// askBatch collects the DDL and the keys of one Ask.
type askBatch struct {
	p       Postgres
	ddl     []string
	tables  map[*metadata.Table]string // current table -> its scratch copy
	defCols []string                   // columns of the defaults table
}

const scratchPrefix = "retort_equiv_"

// copyOf returns the scratch copy of t (columns only, no constraints).
func (b *askBatch) copyOf(t *metadata.Table) (string, bool) {
	if name, ok := b.tables[t]; ok {
		return name, name != ""
	}
	name := fmt.Sprintf("%st%d", scratchPrefix, len(b.tables))
	var cols []string
	for _, c := range t.Columns {
		typ, err := b.p.TypeSQL(c.Type)
		if err != nil {
			b.tables[t] = ""
			return "", false
		}
		cols = append(cols, b.p.QuoteIdent(c.Name)+" "+typ)
	}
	b.ddl = append(b.ddl, "CREATE TEMPORARY TABLE "+name+" ("+strings.Join(cols, ", ")+") ON COMMIT DROP")
	b.tables[t] = name
	return name, true
}

// add renders pair i.
func (b *askBatch) add(i int, pr dialect.Pair) {
	tb := pr.Current.Table
	if tb == nil {
		return
	}
	switch pr.Target.Kind {
	case dialect.ExprDefault:
		if pr.Current.Column == nil || pr.Target.SQL == "" || pr.Current.SQL == "" {
			return
		}
		typ, err := b.p.TypeSQL(pr.Current.Column.Type)
		if err != nil {
			return
		}
		b.defCols = append(b.defCols,
			fmt.Sprintf("t%d %s DEFAULT %s", i, typ, pr.Target.SQL), fmt.Sprintf("c%d %s DEFAULT %s", i, typ, pr.Current.SQL))
	case dialect.ExprCheck:
		name, ok := b.copyOf(tb)
		if !ok {
			return
		}
		b.ddl = append(b.ddl, fmt.Sprintf("ALTER TABLE %[1]s ADD CONSTRAINT t%[2]d CHECK (%[3]s), ADD CONSTRAINT c%[2]d CHECK (%[4]s)",
			name, i, pr.Target.SQL, pr.Current.SQL))
	case dialect.ExprIndex, dialect.ExprPredicate:
		name, ok := b.copyOf(tb)
		if !ok || pr.Target.SQL == "" || pr.Current.SQL == "" {
			return
		}
		for _, side := range []struct{ tag, sql string }{{"t", pr.Target.SQL}, {"c", pr.Current.SQL}} {
			ix := fmt.Sprintf("%six_%s%d", scratchPrefix, side.tag, i)
			if pr.Target.Kind == dialect.ExprIndex {
				b.ddl = append(b.ddl, fmt.Sprintf("CREATE INDEX %s ON %s ((%s))", ix, name, side.sql))
			} else {
				b.ddl = append(b.ddl, fmt.Sprintf("CREATE INDEX %s ON %s (%s) WHERE %s", ix, name,
					b.p.QuoteIdent(tb.Columns[0].Name), side.sql))
			}
		}
	}
}

// query reads back every scratch object's catalog text as (key, text).
func (b *askBatch) query() string {
	q := `SELECT k.conname::text, pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
 WHERE c.relnamespace = pg_my_temp_schema() AND c.relname LIKE 'retort\_equiv\_%' AND k.contype = 'c'
UNION ALL SELECT 'd' || a.attname, pg_get_expr(d.adbin, d.adrelid) FROM pg_attrdef d JOIN pg_class c ON c.oid = d.adrelid
 JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum
 WHERE c.relnamespace = pg_my_temp_schema() AND c.relname = 'retort_equiv_d'
UNION ALL SELECT i.relname::text, coalesce(pg_get_expr(x.indexprs, x.indrelid), '') || coalesce(pg_get_expr(x.indpred, x.indrelid), '')
 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
 WHERE i.relnamespace = pg_my_temp_schema() AND i.relname LIKE 'retort\_equiv\_ix\_%'`
	return q
}

// verdict compares the catalog's two texts of pair i.
func (b *askBatch) verdict(i int, pr dialect.Pair, text map[string]string) dialect.Verdict {
	var tk, ck string
	switch pr.Target.Kind {
	case dialect.ExprDefault:
		tk, ck = fmt.Sprintf("dt%d", i), fmt.Sprintf("dc%d", i)
	case dialect.ExprCheck:
		tk, ck = fmt.Sprintf("t%d", i), fmt.Sprintf("c%d", i)
	default:
		tk, ck = fmt.Sprintf("%six_t%d", scratchPrefix, i), fmt.Sprintf("%six_c%d", scratchPrefix, i)
	}
	a, okA := text[tk]
	c, okC := text[ck]
	if !okA || !okC {
		return dialect.Undecided
	}
	if pr.Target.Kind == dialect.ExprCheck {
		a, c = strings.TrimPrefix(a, "CHECK "), strings.TrimPrefix(c, "CHECK ")
	}
	if a == c {
		return dialect.Same
	}
	if v := dialect.JudgeSQL(a, c, canonRules, nil); v == dialect.Same {
		return v
	}
	return dialect.Different
}
