package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"sort"

	"github.com/retortdb/retort/dialect"
)

// Inspect reads the catalog in six queries, whatever the number of
// tables: the schema's SQL, pragma_table_list, then pragma_table_xinfo,
// pragma_index_list with pragma_index_info, and pragma_foreign_key_list,
// each joined with sqlite_schema so that one query covers every table,
// and last the table names again. The CREATE TABLE and
// CREATE INDEX text is parsed for what the pragmas do not report:
// constraint names, CHECK expressions, AUTOINCREMENT, deferrable keys,
// expression and partial index definitions.

const (
	// schemaQuery lists every object with its SQL, in creation order.
	schemaQuery = `SELECT type, name, tbl_name, coalesce(sql, '') FROM main.sqlite_schema ORDER BY rowid`

	// tableListQuery says which tables are virtual, shadow tables of a
	// virtual table, WITHOUT ROWID or STRICT. It is a query of its own:
	// joined with sqlite_schema, SQLite would list every table once per
	// object.
	tableListQuery = `SELECT name, type, wr, strict FROM pragma_table_list WHERE schema = 'main'`

	// userTables restricts the pragma queries to ordinary tables.
	userTables = `m.type = 'table' AND m.name NOT LIKE 'sqlite\_%' ESCAPE '\' AND coalesce(m.sql, '') NOT LIKE 'CREATE VIRTUAL%'`

	// columnsQuery reads every column of every table. The queries below
	// order by m.rowid only, which the scan of sqlite_schema gives for
	// free; the order within a table (here p.cid) is read as a column and
	// checked in Go (sortRows), since ordering by it too made SQLite sort
	// every table's rows in a temporary B-tree.
	columnsQuery = `SELECT m.name, p.name, coalesce(p.type, ''), p."notnull", p.dflt_value, p.pk, p.hidden, p.cid
FROM main.sqlite_schema AS m
JOIN pragma_table_xinfo(m.name, 'main') AS p
WHERE ` + userTables + `
ORDER BY m.rowid`

	// uniquesQuery reads the columns of the indexes behind UNIQUE
	// constraints (origin 'u'); CREATE INDEX indexes are read from their
	// SQL. The LEFT JOINs give every table a row, so that a table dropped
	// after the first query is seen missing here rather than read as a
	// table without constraints.
	uniquesQuery = `SELECT m.name, il.name, ii.name, il.seq, ii.seqno
FROM main.sqlite_schema AS m
LEFT JOIN pragma_index_list(m.name, 'main') AS il ON il.origin = 'u'
LEFT JOIN pragma_index_info(il.name, 'main') AS ii
WHERE ` + userTables + `
ORDER BY m.rowid`

	// foreignKeysQuery reads every foreign key of every table; every table
	// has a row, as in uniquesQuery.
	foreignKeysQuery = `SELECT m.name, f.id, f."table", f."from", f."to", f.on_update, f.on_delete, f.seq
FROM main.sqlite_schema AS m
LEFT JOIN pragma_foreign_key_list(m.name, 'main') AS f
WHERE ` + userTables + `
ORDER BY m.rowid`

	// tablesAgainQuery lists the tables once more after every other
	// query: a table it no longer lists was dropped during the inspection.
	tablesAgainQuery = `SELECT m.name FROM main.sqlite_schema AS m WHERE ` + userTables
)

// Inspect reads the main database through q. SQLite has no schemas:
// opts.Schemas must be empty or ["main"].
//
// Given a *sql.DB, Inspect reads in one transaction (BEGIN ... COMMIT on
// one connection), so every query sees the same database; writers wait
// for it (or, in WAL mode, are not seen). Given a *sql.Conn or *sql.Tx,
// it reads in whatever transaction the caller holds. Either way a table
// that a later query no longer finds (dropped between two queries outside
// a transaction) is left out with a warning, not returned half read.
func (d *Dialect) Inspect(ctx context.Context, q dialect.Queryer, opts dialect.InspectOptions) (*dialect.Inspection, error) {
	for _, s := range opts.Schemas {
		if s != "" && s != "main" {
			return nil, fmt.Errorf("sqlite: schema %q: SQLite has no schemas (ATTACHed databases are not read); leave schemas empty", s)
		}
	}
	var c catalog
	var readErr error
	err := dialect.ReadConsistent(ctx, q, nil, func(q dialect.Queryer) error {
		readErr = c.read(ctx, q)
		return readErr
	})
	switch {
	case readErr != nil:
		return nil, readErr
	case err != nil:
		return nil, fmt.Errorf("sqlite: %w", err)
	}
	return c.build(), nil
}

// catalog holds the rows of the six queries.
type catalog struct {
	objects []objectRow
	columns map[string][]columnRow
	uniques map[string][]uniqueRow
	fks     map[string][]fkRow
	still   map[string]bool // the tables listed again, last
}

type objectRow struct {
	typ, name, table, sql string
	listType              string
	withoutRowid, strict  bool
}

type columnRow struct {
	name, typ string
	notNull   bool
	dflt      sql.NullString
	pk        int
	hidden    int
	cid       int // the order in the table
}

type uniqueRow struct {
	index, column string
	seq, seqno    int // the order: seq descending, then seqno
}

type fkRow struct {
	id, seq            int // the order: id descending, then seq
	refTable, from     string
	to                 sql.NullString
	onUpdate, onDelete string
}

// read runs the six catalog queries. The scan targets of each query are
// declared once, outside its row function: taken by address for Scan, a
// variable declared per row escapes to the heap, an allocation each.
func (c *catalog) read(ctx context.Context, q dialect.Queryer) error {
	c.columns = map[string][]columnRow{}
	c.uniques = map[string][]uniqueRow{}
	c.fks = map[string][]fkRow{}
	for _, step := range []func(context.Context, dialect.Queryer) error{
		c.readObjects, c.readColumns, c.readUniques, c.readForeignKeys, c.readStill,
	} {
		if err := step(ctx, q); err != nil {
			return err
		}
	}
	sortRows(c.columns, func(a, b columnRow) bool { return a.cid < b.cid })
	sortRows(c.uniques, func(a, b uniqueRow) bool { return a.seq > b.seq || a.seq == b.seq && a.seqno < b.seqno })
	sortRows(c.fks, func(a, b fkRow) bool { return a.id > b.id || a.id == b.id && a.seq < b.seq })
	return nil
}

// sortRows puts each table's rows in the order less gives, where SQLite
// did not already return them in it (it does: the check costs a pass).
func sortRows[R any](byTable map[string][]R, less func(a, b R) bool) {
	for _, rows := range byTable {
		if !sort.SliceIsSorted(rows, func(i, j int) bool { return less(rows[i], rows[j]) }) {
			sort.SliceStable(rows, func(i, j int) bool { return less(rows[i], rows[j]) })
		}
	}
}

// readObjects reads sqlite_schema and pragma_table_list.
func (c *catalog) readObjects(ctx context.Context, q dialect.Queryer) error {
	var o objectRow
	err := query(ctx, q, "schema", schemaQuery, func(rows *sql.Rows) error {
		err := rows.Scan(&o.typ, &o.name, &o.table, &o.sql)
		c.objects = append(c.objects, o)
		return err
	})
	if err != nil {
		return err
	}
	lists := map[string]objectRow{}
	var l objectRow
	err = query(ctx, q, "table list", tableListQuery, func(rows *sql.Rows) error {
		err := rows.Scan(&l.name, &l.listType, &l.withoutRowid, &l.strict)
		lists[l.name] = l
		return err
	})
	if err != nil {
		return err
	}
	for i, o := range c.objects {
		if l, ok := lists[o.name]; ok && o.typ == "table" {
			c.objects[i].listType, c.objects[i].withoutRowid, c.objects[i].strict = l.listType, l.withoutRowid, l.strict
		}
	}
	return nil
}

// readColumns reads every column of every table.
func (c *catalog) readColumns(ctx context.Context, q dialect.Queryer) error {
	var t string
	var r columnRow
	return query(ctx, q, "columns", columnsQuery, func(rows *sql.Rows) error {
		err := rows.Scan(&t, &r.name, &r.typ, &r.notNull, &r.dflt, &r.pk, &r.hidden, &r.cid)
		c.columns[t] = append(c.columns[t], r)
		return err
	})
}

// readUniques reads the columns of the UNIQUE constraints' indexes.
func (c *catalog) readUniques(ctx context.Context, q dialect.Queryer) error {
	var t string
	var index, column sql.NullString
	var seq, seqno sql.NullInt64
	return query(ctx, q, "unique constraints", uniquesQuery, func(rows *sql.Rows) error {
		if err := rows.Scan(&t, &index, &column, &seq, &seqno); err != nil {
			return err
		}
		if _, seen := c.uniques[t]; !seen {
			c.uniques[t] = []uniqueRow{}
		}
		if index.Valid && column.Valid {
			c.uniques[t] = append(c.uniques[t], uniqueRow{index.String, column.String, int(seq.Int64), int(seqno.Int64)})
		}
		return nil
	})
}

// readForeignKeys reads every foreign key of every table.
func (c *catalog) readForeignKeys(ctx context.Context, q dialect.Queryer) error {
	var t string
	var id, seq sql.NullInt64
	var refTable, from, to, onUpdate, onDelete sql.NullString
	return query(ctx, q, "foreign keys", foreignKeysQuery, func(rows *sql.Rows) error {
		if err := rows.Scan(&t, &id, &refTable, &from, &to, &onUpdate, &onDelete, &seq); err != nil {
			return err
		}
		if _, seen := c.fks[t]; !seen {
			c.fks[t] = []fkRow{}
		}
		if id.Valid {
			r := fkRow{id: int(id.Int64), seq: int(seq.Int64), refTable: refTable.String, from: from.String, to: to, onUpdate: onUpdate.String, onDelete: onDelete.String}
			c.fks[t] = append(c.fks[t], r)
		}
		return nil
	})
}

// readStill lists the tables again, last.
func (c *catalog) readStill(ctx context.Context, q dialect.Queryer) error {
	c.still = map[string]bool{}
	var t string
	return query(ctx, q, "tables again", tablesAgainQuery, func(rows *sql.Rows) error {
		err := rows.Scan(&t)
		c.still[t] = true
		return err
	})
}

// query runs one catalog query and calls scan for each row.
func query(ctx context.Context, q dialect.Queryer, what, text string, scan func(*sql.Rows) error) error {
	rows, err := q.QueryContext(ctx, text)
	if err != nil {
		return fmt.Errorf("sqlite: reading %s: %w", what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("sqlite: reading %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: reading %s: %w", what, err)
	}
	return nil
}
