package sqlite

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// build turns the catalog rows into a model and warnings.
func (c *catalog) build() *dialect.Inspection {
	out := &dialect.Inspection{MetaData: metadata.New()}
	warn := func(format string, args ...any) {
		out.Warnings = append(out.Warnings, fmt.Sprintf(format, args...))
	}
	enums := enumSet{}
	var indexes []objectRow
	for _, o := range c.objects {
		switch {
		case strings.HasPrefix(o.name, "sqlite_"):
			// sqlite_sequence, sqlite_stat1, sqlite_autoindex_*: internal.
		case o.typ == "view": // read by buildViews
		case o.typ == "trigger": // read by buildTriggers
		case o.typ == "index":
			if o.sql != "" {
				indexes = append(indexes, o)
			}
		case o.typ != "table" || o.listType == "shadow":
			// Shadow tables belong to their virtual table.
		case o.listType == "virtual" || strings.HasPrefix(strings.ToUpper(o.sql), "CREATE VIRTUAL"):
			warn("sqlite: virtual table %q is not modelled; it is left as it is", o.name)
		default:
			if t := c.table(o, &enums, warn); t != nil {
				out.MetaData.AddTable(t)
			}
		}
	}
	for _, o := range indexes {
		t := out.MetaData.Table("", o.table)
		if t == nil {
			continue // an index of a table not modelled
		}
		ix, err := indexFromSQL(o.sql)
		if err != nil {
			warn("sqlite: index %q: %v; it is left out", o.name, err)
			continue
		}
		t.Indexes = append(t.Indexes, ix)
	}
	out.MetaData.Enums = enums.list(warn)
	c.buildViews(out.MetaData, warn)
	c.buildTriggers(out.MetaData, warn)
	fillImplicitRefColumns(out.MetaData)
	widenAutoincrementKeys(out.MetaData)
	return out
}

// table builds one table from its rows and its parsed SQL.
func (c *catalog) table(o objectRow, enums *enumSet, warn func(string, ...any)) *metadata.Table {
	rows := c.columns[o.name]
	_, hasUniques := c.uniques[o.name]
	_, hasFKs := c.fks[o.name]
	if len(rows) == 0 || !hasUniques || !hasFKs || !c.still[o.name] {
		warn("sqlite: %s", dialect.DroppedWarning("", o.name))
		return nil
	}
	pt, err := parseCreateTable(o.sql)
	if err != nil {
		warn("sqlite: table %q: constraint names, checks and AUTOINCREMENT are not read: %v", o.name, err)
		pt = &parsedTable{}
	}
	if o.withoutRowid || pt.WithoutRowid {
		warn("sqlite: table %q is WITHOUT ROWID, which the model does not hold; a recreate makes it an ordinary table", o.name)
	}
	if o.strict || pt.Strict {
		warn("sqlite: table %q is STRICT, which the model does not hold; a recreate makes it an ordinary table", o.name)
	}
	t := &metadata.Table{Name: o.name}
	enumCols := map[string]string{}
	for _, ck := range pt.Checks {
		if name, values, ok := enumFromCheck(ck); ok {
			enumCols[strings.ToLower(ck.Column)] = name
			enums.add(name, values, o.name)
			continue
		}
		t.Checks = append(t.Checks, &metadata.Check{Name: ck.Name, Expression: ck.Expr})
	}
	var pkCols []columnRow
	for _, r := range rows {
		if r.hidden != 0 && r.hidden != 2 && r.hidden != 3 {
			continue // a virtual table's hidden column
		}
		col := &metadata.Column{Name: r.name, Type: declaredType(r.typ), Nullable: !r.notNull}
		if r.hidden == 2 || r.hidden == 3 {
			col.Generated = generatedOf(pt, r.name, r.hidden == 3)
			if col.Generated == nil {
				warn("sqlite: table %q: generated column %q: its expression could not be read from the CREATE TABLE; it was left out, and a recreate of the table would drop it", o.name, r.name)
				continue
			}
		}
		if e, ok := enumCols[strings.ToLower(r.name)]; ok {
			col.Type = metadata.EnumType(e)
		}
		if r.dflt.Valid {
			col.Default = reflectedDefault(r.dflt.String)
		}
		for _, pc := range pt.Columns {
			if strings.EqualFold(pc.Name, r.name) && pc.AutoIncrement {
				// SQLite takes AUTOINCREMENT only on INTEGER PRIMARY KEY,
				// in any letter case: it is the canonical integer.
				col.AutoIncrement = true // the keyword: the kind is unsaid, as Normalize leaves it
				col.Type = metadata.IntegerType
			}
		}
		if r.pk > 0 {
			pkCols = append(pkCols, r)
		}
		t.Columns = append(t.Columns, col)
	}
	if len(pkCols) > 0 {
		sort.SliceStable(pkCols, func(i, j int) bool { return pkCols[i].pk < pkCols[j].pk })
		t.PrimaryKey = &metadata.PrimaryKey{}
		for _, r := range pkCols {
			t.PrimaryKey.Columns = append(t.PrimaryKey.Columns, r.name)
		}
		if pt.PrimaryKey != nil {
			t.PrimaryKey.Name = pt.PrimaryKey.Name
			t.PrimaryKey.Unnamed = pt.PrimaryKey.Name == ""
		}
		if c := t.Column(t.PrimaryKey.Columns[0]); rowidAlias(t, c) {
			c.Nullable = false // the rowid is never NULL
		}
	}
	t.Uniques = c.tableUniques(o.name, pt)
	t.ForeignKeys = c.tableForeignKeys(o.name, pt)
	keepClauseOrders(t, pt)
	return t
}

// keepClauseOrders gives each column of t the order its CREATE TABLE
// writes its NOT NULL, DEFAULT and column PRIMARY KEY in, when the writer
// would not write the same (see columnSQL): another order, a PRIMARY KEY
// on a column that needs none there, a rowid column without NOT NULL.
func keepClauseOrders(t *metadata.Table, pt *parsedTable) {
	forced := inlinePrimaryKey(t)
	for _, pc := range pt.Columns {
		c := t.Column(pc.Name)
		if c == nil {
			continue
		}
		pk := t.PrimaryKey
		onColumn := pk != nil && len(pk.Columns) == 1 && pk.Columns[0] == c.Name
		has := map[string]bool{metadata.ClauseNotNull: !c.Nullable, metadata.ClauseDefault: c.Default != "",
			metadata.ClausePrimaryKey: onColumn && slices.Contains(pc.Clauses, metadata.ClausePrimaryKey)}
		var written, canonical []string
		for _, k := range pc.Clauses {
			if has[k] && !slices.Contains(written, k) {
				written = append(written, k)
			}
		}
		for _, k := range metadata.ClauseKinds {
			if slices.Contains(written, k) {
				canonical = append(canonical, k)
			}
		}
		declared := has[metadata.ClausePrimaryKey] && forced == nil
		bare := len(written) > 0 && !slices.Contains(pc.Clauses, metadata.ClauseNotNull) &&
			(rowidAlias(t, c) || forced != nil && onColumn)
		if !slices.Equal(written, canonical) || declared || bare {
			c.ClauseOrder = written
		}
	}
}

// reflectedDefault is a column's default as Inspect reports it. An
// explicit DEFAULT NULL is kept: pragma_table_info reports it only when
// the CREATE TABLE text writes it, and SQLite keeps that text.
func reflectedDefault(dflt string) string {
	return normalDefault(dflt)
}

// tableUniques returns the UNIQUE constraints of a table, in the order of
// its SQL, with the names the SQL gives them.
func (c *catalog) tableUniques(table string, pt *parsedTable) []*metadata.Unique {
	var byIndex []*metadata.Unique
	seen := map[string]*metadata.Unique{}
	for _, r := range c.uniques[table] {
		u := seen[r.index]
		if u == nil {
			u = &metadata.Unique{}
			seen[r.index] = u
			byIndex = append(byIndex, u)
		}
		u.Columns = append(u.Columns, r.column)
	}
	var out []*metadata.Unique
	used := map[*metadata.Unique]bool{}
	for _, pu := range pt.Uniques {
		for _, u := range byIndex {
			if !used[u] && sameNames(u.Columns, pu.Columns) {
				used[u] = true
				u.Name = pu.Name
				out = append(out, u)
				break
			}
		}
	}
	for _, u := range byIndex {
		if !used[u] {
			out = append(out, u)
		}
	}
	return out
}

// tableForeignKeys returns the foreign keys of a table in the order its SQL
// declares them (a cycle's keys are created with their tables, see
// Dialect.ForwardReferences), with the names, deferrability and explicit NO ACTION its SQL gives them
// (pragma_foreign_key_list says NO ACTION for an omitted action too).
func (c *catalog) tableForeignKeys(table string, pt *parsedTable) []*metadata.ForeignKey {
	var byID []*metadata.ForeignKey
	ids := map[int]*metadata.ForeignKey{}
	for _, r := range c.fks[table] {
		fk := ids[r.id]
		if fk == nil {
			fk = &metadata.ForeignKey{RefTable: r.refTable, OnDelete: action(r.onDelete), OnUpdate: action(r.onUpdate)}
			ids[r.id] = fk
			byID = append(byID, fk)
		}
		fk.Columns = append(fk.Columns, r.from)
		if r.to.Valid {
			fk.RefColumns = append(fk.RefColumns, r.to.String)
		}
	}
	var out []*metadata.ForeignKey
	used := map[*metadata.ForeignKey]bool{}
	for _, pf := range pt.ForeignKeys {
		for _, fk := range byID {
			if !used[fk] && sameNames(fk.Columns, pf.Columns) && strings.EqualFold(fk.RefTable, pf.RefTable) {
				used[fk] = true
				fk.Name, fk.Deferrable, fk.InitiallyDeferred = pf.Name, pf.Deferrable, pf.InitiallyDeferred
				fk.Unnamed = pf.Name == ""
				fk.OnDelete, fk.OnUpdate = written(fk.OnDelete, pf.OnDelete), written(fk.OnUpdate, pf.OnUpdate)
				out = append(out, fk)
				break
			}
		}
	}
	for _, fk := range byID {
		if !used[fk] {
			out = append(out, fk)
		}
	}
	return out
}

// action maps pragma_foreign_key_list's action to the model's; NO ACTION
// is the model's empty default (written reads an explicit one).
func action(a string) string {
	a = strings.ToLower(a)
	if a == metadata.NoAction {
		return ""
	}
	return a
}

// written is the action the pragma reports (reflected), or an explicit NO
// ACTION when the SQL spells one out (asWritten, from the parser).
func written(reflected, asWritten string) string {
	if reflected == "" && asWritten == metadata.NoAction {
		return metadata.NoAction
	}
	return reflected
}

// fillImplicitRefColumns gives "REFERENCES parent" without columns the
// parent's primary key columns, as SQLite does.
func fillImplicitRefColumns(m *metadata.MetaData) {
	for _, t := range m.Tables {
		for _, fk := range t.ForeignKeys {
			if len(fk.RefColumns) > 0 && fk.RefColumns[0] != "" {
				continue
			}
			fk.RefColumns = nil
			if p := tableFold(m, fk.RefTable); p != nil && p.PrimaryKey != nil {
				fk.RefColumns = append([]string(nil), p.PrimaryKey.Columns...)
			}
		}
	}
}

// tableFold finds a table by name the way SQLite does, ignoring ASCII case.
func tableFold(m *metadata.MetaData, name string) *metadata.Table {
	if t := m.Table("", name); t != nil {
		return t
	}
	for _, t := range m.Tables {
		if strings.EqualFold(t.Name, name) {
			return t
		}
	}
	return nil
}

// sameNames compares two column lists as SQLite compares names.
func sameNames(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i], b[i]) {
			return false
		}
	}
	return true
}

// generatedOf is the generation of column name as the parsed CREATE TABLE
// writes it (hidden says STORED or VIRTUAL), or nil when the parse did not
// find it.
func generatedOf(pt *parsedTable, name string, stored bool) *metadata.Generated {
	for _, pc := range pt.Columns {
		if strings.EqualFold(pc.Name, name) && pc.Generated && pc.GeneratedExpr != "" {
			return &metadata.Generated{Expression: pc.GeneratedExpr, Stored: stored}
		}
	}
	return nil
}
