package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/retortdb/retort/metadata"
	"github.com/stretchr/testify/require"
)

// TestInspectHandWritten is issue 4's must-show 3 for SQLite: tables
// written by hand in SQLite's own spellings reflect into the right
// defaults and keys, and (issue 22) into their declared types as SQLite
// reports them: only Retort's own spellings are canonical types, any
// other (INT, DATETIME, DECIMAL(10, 2)) is kept as written so that the
// table rebuilds with the same declarations.
func TestInspectHandWritten(t *testing.T) {
	t.Parallel()
	type col struct {
		name, typ, def string
		nullable, auto bool
	}
	cases := []struct {
		name string
		sql  string
		cols []col
		pk   []string
		// check inspects the rest of the table.
		check func(t *testing.T, tb *metadata.Table)
	}{
		{
			name: "autoincrement key and affinity spellings",
			sql: `CREATE TABLE users (
				id INTEGER PRIMARY KEY AUTOINCREMENT,
				age INT,
				big INT8,
				small INT2,
				email VARCHAR(20) NOT NULL,
				nick CHARACTER VARYING(12),
				code NCHAR(3),
				bio CLOB,
				created DATETIME DEFAULT CURRENT_TIMESTAMP,
				updated datetime(6) default (datetime('now')),
				flag BOOLEAN DEFAULT FALSE,
				ratio DOUBLE PRECISION,
				price DECIMAL(10, 2) DEFAULT 0.00,
				width INT(11) DEFAULT -1,
				raw,
				note TEXT DEFAULT 'it''s'
			)`,
			pk: []string{"id"},
			cols: []col{
				{name: "id", typ: "integer", auto: true},
				{name: "age", typ: "INT", nullable: true},
				{name: "big", typ: "INT8", nullable: true},
				{name: "small", typ: "INT2", nullable: true},
				{name: "email", typ: "varchar(20)"},
				{name: "nick", typ: "CHARACTER VARYING(12)", nullable: true},
				{name: "code", typ: "NCHAR(3)", nullable: true},
				{name: "bio", typ: "CLOB", nullable: true},
				{name: "created", typ: "DATETIME", def: "CURRENT_TIMESTAMP", nullable: true},
				{name: "updated", typ: "datetime(6)", def: "datetime('now')", nullable: true},
				{name: "flag", typ: "boolean", def: "FALSE", nullable: true},
				{name: "ratio", typ: "DOUBLE PRECISION", nullable: true},
				{name: "price", typ: "DECIMAL(10, 2)", def: "0.00", nullable: true},
				{name: "width", typ: "INT(11)", def: "-1", nullable: true},
				{name: "raw", typ: "blob", nullable: true},
				{name: "note", typ: "text", def: "'it''s'", nullable: true},
			},
		},
		{
			name: "bracket, backtick and quoted names, named constraints",
			sql: "CREATE TABLE [order items] (\n" +
				"  [item id] integer NOT NULL,\n" +
				"  `Order` bigint NOT NULL CONSTRAINT \"fk order\" REFERENCES orders(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,\n" +
				"  \"qty\" smallint CHECK (qty > 0), -- a comment ) with a paren\n" +
				"  /* block, comment */ sku text COLLATE NOCASE UNIQUE,\n" +
				"  CONSTRAINT [pk items] PRIMARY KEY ([item id], `Order`),\n" +
				"  CONSTRAINT uq_sku_qty UNIQUE (sku, qty),\n" +
				"  CONSTRAINT \"ck \"\"odd\"\"\" CHECK ( qty < 1000 )\n" +
				")",
			pk: []string{"item id", "Order"},
			cols: []col{
				{name: "item id", typ: "integer"},
				{name: "Order", typ: "bigint"},
				{name: "qty", typ: "smallint", nullable: true},
				{name: "sku", typ: "text", nullable: true},
			},
			check: func(t *testing.T, tb *metadata.Table) {
				require.Equal(t, "pk items", tb.PrimaryKey.Name)
				require.Len(t, tb.ForeignKeys, 1)
				fk := tb.ForeignKeys[0]
				require.Equal(t, metadata.ForeignKey{Name: "fk order", Columns: []string{"Order"}, RefTable: "orders",
					RefColumns: []string{"id"}, OnDelete: "cascade", Deferrable: true, InitiallyDeferred: true}, *fk)
				require.Equal(t, []*metadata.Unique{{Columns: []string{"sku"}}, {Name: "uq_sku_qty", Columns: []string{"sku", "qty"}}}, tb.Uniques)
				require.Equal(t, []*metadata.Check{{Expression: "qty > 0"}, {Name: `ck "odd"`, Expression: "qty < 1000"}}, tb.Checks)
			},
		},
		{
			name: "implicit referenced key and indexes",
			sql: `CREATE TABLE lines (id integer primary key, order_id int references orders, body text, n int);
				CREATE UNIQUE INDEX ix_lines_order ON lines (order_id, n) WHERE body IS NOT NULL;
				CREATE INDEX "ix lower" ON lines (lower(body), n DESC)`,
			pk: []string{"id"},
			cols: []col{
				{name: "id", typ: "integer"},
				{name: "order_id", typ: "INT", nullable: true},
				{name: "body", typ: "text", nullable: true},
				{name: "n", typ: "INT", nullable: true},
			},
			check: func(t *testing.T, tb *metadata.Table) {
				require.Equal(t, []string{"id"}, tb.ForeignKeys[0].RefColumns)
				require.Equal(t, []*metadata.Index{
					{Name: "ix_lines_order", Columns: []string{"order_id", "n"}, Unique: true, Where: "body IS NOT NULL"},
					{Name: "ix lower", Expressions: []string{"lower(body)", "n DESC"}},
				}, tb.Indexes)
			},
		},
		{
			name: "enum check written by Retort",
			sql:  `CREATE TABLE moods (m TEXT NOT NULL DEFAULT 'ok' CONSTRAINT "enum_mood" CHECK ("m" IN ('happy', 'ok')))`,
			cols: []col{{name: "m", typ: "enum(mood)", def: "'ok'"}},
			check: func(t *testing.T, tb *metadata.Table) {
				require.Empty(t, tb.Checks, "the enum's CHECK is not a model check")
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			db := freshDB(t)
			_, err := db.Exec(`CREATE TABLE orders (id INTEGER PRIMARY KEY)`)
			require.NoError(t, err)
			for _, s := range strings.Split(tc.sql, ";") {
				_, err := db.Exec(s)
				require.NoError(t, err, s)
			}
			in := inspect(t, db)
			require.Empty(t, in.Warnings)
			tb := in.MetaData.Tables[1]
			var got []col
			for _, c := range tb.Columns {
				got = append(got, col{name: c.Name, typ: c.Type.String(), def: c.Default, nullable: c.Nullable, auto: c.AutoIncrement})
			}
			require.Equal(t, tc.cols, got)
			if tc.pk != nil {
				require.Equal(t, tc.pk, tb.PrimaryKey.Columns)
			}
			if tc.check != nil {
				tc.check(t, tb)
			}
		})
	}
}

// TestInspectWarnings: objects the model cannot hold are one warning line
// each, internal tables are hidden, and a generated column is read with
// its expression.
func TestInspectWarnings(t *testing.T) {
	t.Parallel()
	db := freshDB(t)
	for _, s := range []string{
		`CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, a INT, b INT GENERATED ALWAYS AS (a * 2))`,
		`CREATE TABLE w (k TEXT PRIMARY KEY) WITHOUT ROWID`,
		`CREATE VIEW v AS SELECT * FROM t`,
		`CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END`,
		`CREATE VIRTUAL TABLE docs USING fts5(body)`,
		`INSERT INTO t (a) VALUES (1)`,
		`ANALYZE`,
	} {
		_, err := db.Exec(s)
		require.NoError(t, err, s)
	}
	in := inspect(t, db)
	var names []string
	for _, tb := range in.MetaData.Tables {
		names = append(names, tb.Name)
	}
	require.Equal(t, []string{"t", "w"}, names, "no sqlite_sequence, sqlite_stat1 or fts5 shadow tables")
	require.Equal(t, []string{"a"}, []string{in.MetaData.Tables[0].Columns[1].Name})
	require.Len(t, in.MetaData.Tables[0].Columns, 3, "the generated column is modelled")
	require.Equal(t, &metadata.Generated{Expression: "a * 2"}, in.MetaData.Tables[0].Columns[2].Generated)
	require.Len(t, in.Warnings, 2, "%q", in.Warnings)
	require.NotNil(t, in.MetaData.View("", "v"), "the view is modelled, not a warning")
	require.Len(t, in.MetaData.Triggers, 1, "the trigger is modelled, not a warning")
	require.Equal(t, "CREATE TRIGGER tr AFTER INSERT ON t BEGIN SELECT 1; END", in.MetaData.Triggers[0].Definition)
	require.False(t, anyContains(in.Warnings, "generated"), "%q", in.Warnings)
	for _, want := range []string{`"w" is WITHOUT ROWID`, `virtual table "docs"`} {
		require.True(t, anyContains(in.Warnings, want), "a warning mentions %s: %q", want, in.Warnings)
	}
}

func anyContains(list []string, part string) bool {
	for _, s := range list {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// countingQueryer counts the queries an inspect issues.
type countingQueryer struct {
	db *sql.DB
	n  atomic.Int64
}

func (q *countingQueryer) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	q.n.Add(1)
	return q.db.QueryContext(ctx, query, args...)
}

// TestInspectQueryCount is issue 4's must-show 2: inspecting 20 tables and
// 400 tables takes the same number of queries.
func TestInspectQueryCount(t *testing.T) {
	t.Parallel()
	counts := map[int]int64{}
	for _, n := range []int{20, 400} {
		db := freshDB(t)
		var b strings.Builder
		b.WriteString("BEGIN;")
		for i := range n {
			fmt.Fprintf(&b, "CREATE TABLE t%d (id INTEGER PRIMARY KEY, p INT REFERENCES t0(id), u TEXT UNIQUE, CHECK (p > 0));", i)
			fmt.Fprintf(&b, "CREATE INDEX ix%d ON t%d (p);", i, i)
		}
		b.WriteString("COMMIT;")
		_, err := db.Exec(b.String())
		require.NoError(t, err)
		q := &countingQueryer{db: db}
		in := inspect(t, q)
		require.Len(t, in.MetaData.Tables, n)
		counts[n] = q.n.Load()
	}
	t.Logf("queries: %v", counts)
	require.Equal(t, counts[20], counts[400])
	require.Equal(t, int64(6), counts[20])
}
