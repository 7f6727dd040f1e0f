package mysql

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Normalize returns a copy of m as MySQL or MariaDB gives it back after
// Plan created it, which is what Inspect reads:
//   - tables sorted by name; uniques, indexes, foreign keys and checks of a
//     table sorted by name;
//   - types rendered and read back (timestamptz is timestamp, uuid is
//     char(36), jsonb is json, interval is varchar(64), int(11) is integer);
//   - each enum column gets its own enum named "<table>_<column>" (MySQL
//     has no enum objects, only inline ENUM types), and unused enums go;
//   - unnamed constraints and indexes get the names Plan and the server
//     give them (the naming convention first; then the first column for
//     indexes and uniques, "<table>_ibfk_<n>" for foreign keys); the
//     primary key has no name (MySQL calls every one PRIMARY);
//   - unique indexes are unique constraints (the same thing on MySQL);
//     index methods other than fulltext and spatial (btree, hash, gin, ...)
//     are dropped: InnoDB builds a B-tree for all of them;
//   - defaults and check expressions in canonical spelling, "restrict" as
//     the empty (default) action, an explicit "no action" kept (the
//     catalog reports it apart), no deferrable foreign keys;
//   - charsets and collations as Inspect reads them (normalizeCharsets).
//
// Normalize is idempotent, so it may be applied to a reflection as well.
func (d *Dialect) Normalize(m *metadata.MetaData) *metadata.MetaData {
	if m == nil {
		return nil
	}
	c := m.Clone()
	_ = c.ApplyNamingConvention() // names it cannot derive stay empty, as Plan leaves them
	enums := enumLookup(m)
	c.Enums = nil
	slices.SortStableFunc(c.Tables, compareTables)
	for _, t := range c.Tables {
		for _, e := range normalizeTable(t, enums) {
			if c.Enum(e.Schema, e.Name) == nil {
				c.Enums = append(c.Enums, e)
			}
		}
	}
	slices.SortStableFunc(c.Enums, func(a, b *metadata.Enum) int {
		return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
	})
	normalizeViews(c)
	normalizeRoutines(c)
	dialect.NormalizeEventOrder(c)
	return c
}

func compareTables(a, b *metadata.Table) int {
	return cmp.Or(cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.Name, b.Name))
}

// enumLookup returns the values of m's enums by schema and name.
func enumLookup(m *metadata.MetaData) enumSource {
	return func(schema, name string) ([]string, bool) {
		if s, n, ok := strings.Cut(name, "."); ok {
			schema, name = s, n // enum(billing.currency)
		}
		if e := m.Enum(schema, name); e != nil {
			return e.Values, true
		}
		if e := m.Enum("", name); e != nil {
			return e.Values, true
		}
		return nil, false
	}
}

// enumName is the name reflection gives the inline enum of a column.
func enumName(table, column string) string { return table + "_" + column }

// normalizeTable normalises t in place and returns the enums its columns use.
func normalizeTable(t *metadata.Table, enums enumSource) []*metadata.Enum {
	var out []*metadata.Enum
	for _, col := range t.Columns {
		col.Identity, col.Sequence = "", nil // PostgreSQL's kinds of autoincrement
		if e := normalizeColumn(t, col, enums); e != nil {
			out = append(out, e)
		}
	}
	if pk := t.PrimaryKey; pk != nil {
		pk.Name = ""
		for _, name := range pk.Columns {
			if col := t.Column(name); col != nil {
				col.Nullable = false
			}
		}
	}
	normalizeIndexes(t)
	nameForeignKeys(t)
	for _, fk := range t.ForeignKeys {
		fk.OnDelete, fk.OnUpdate = canonicalAction(fk.OnDelete), canonicalAction(fk.OnUpdate)
		if fk.RefSchema == t.Schema {
			fk.RefSchema = ""
		}
		fk.Deferrable, fk.InitiallyDeferred = false, false
	}
	nameChecks(t)
	for _, ck := range t.Checks {
		ck.Expression = canonicalExpr(ck.Expression)
	}
	hideImplicitFKIndexes(t)
	normalizeCharsets(t)
	tidy(t)
	return out
}

// tidy puts a table's unique constraints and indexes in the server's key
// order (sortKeys), its foreign keys and checks by name, and makes empty
// lists nil, as both Normalize and Inspect leave them.
func tidy(t *metadata.Table) {
	sortKeys(t)
	sortByName(t.ForeignKeys, func(fk *metadata.ForeignKey) string { return fk.Name })
	sortByName(t.Checks, func(c *metadata.Check) string { return c.Name })
	if len(t.Uniques) == 0 {
		t.Uniques = nil
	}
	if len(t.Indexes) == 0 {
		t.Indexes = nil
	}
	if len(t.ForeignKeys) == 0 {
		t.ForeignKeys = nil
	}
	if len(t.Checks) == 0 {
		t.Checks = nil
	}
	if len(t.Columns) == 0 {
		t.Columns = nil
	}
}

// normalizeColumn maps a column's type and default to what the server
// reports, returning the enum its type now names, if any.
func normalizeColumn(t *metadata.Table, col *metadata.Column, enums enumSource) *metadata.Enum {
	var enum *metadata.Enum
	typ := col.Type.For("mysql")
	if typ.Kind != metadata.EnumKind || enums != nil {
		if sqlType, err := typeSQL(typ, t.Schema, enums); err == nil {
			ct, values := canonicalType(sqlType)
			if ct.Kind == metadata.EnumKind {
				ct.EnumName = enumName(t.Name, col.Name)
				enum = &metadata.Enum{Schema: t.Schema, Name: ct.EnumName, Values: values}
			}
			typ = ct
		}
	}
	col.Type = typ
	col.Default = canonicalDefault(col.Default, typ)
	return enum
}

// normalizeIndexes turns unique column indexes into unique constraints and
// names what the server would name.
func normalizeIndexes(t *metadata.Table) {
	kept := t.Indexes[:0]
	for _, ix := range t.Indexes {
		ix.Using = strings.ToLower(ix.Using)
		if ix.Using != "fulltext" && ix.Using != "spatial" {
			ix.Using = "" // InnoDB builds a B-tree for any other method
		}
		keys := ix.KeyList()
		for i := range keys {
			keys[i].OpClass, keys[i].Collation, keys[i].Nulls = "", "", "" // MySQL has none of these
			if keys[i].Expression != "" {
				keys[i].Expression = canonicalExpr(keys[i].Expression)
			}
		}
		ix.SetKeys(keys)
		if ix.Unique && len(ix.Expressions) == 0 && ix.Using == "" && ix.Where == "" && ix.Keys == nil && ix.Comment == "" {
			t.Uniques = append(t.Uniques, &metadata.Unique{Name: ix.Name, Columns: ix.Columns})
			continue
		}
		kept = append(kept, ix)
	}
	t.Indexes = kept
	taken := map[string]bool{"primary": true}
	for _, u := range t.Uniques {
		taken[strings.ToLower(u.Name)] = true
	}
	for _, ix := range t.Indexes {
		taken[strings.ToLower(ix.Name)] = true
	}
	for _, u := range t.Uniques {
		if u.Name == "" && len(u.Columns) > 0 {
			u.Name = serverIndexName(u.Columns[0], taken)
		}
	}
	for _, ix := range t.Indexes {
		if ix.Name == "" && len(ix.Columns) > 0 {
			ix.Name = serverIndexName(ix.Columns[0], taken)
		}
	}
}

// nameChecks names unnamed checks <table>_chk_<n>, MySQL 8's own
// scheme, which Plan writes out so that MariaDB (CONSTRAINT_<n>) agrees.
func nameChecks(t *metadata.Table) {
	taken := map[string]bool{}
	for _, c := range t.Checks {
		taken[strings.ToLower(c.Name)] = true
	}
	n := 0
	for _, c := range t.Checks {
		if c.Name != "" {
			continue
		}
		for {
			n++
			name := fmt.Sprintf("%s_chk_%d", t.Name, n)
			if !taken[strings.ToLower(name)] {
				c.Name = name
				taken[strings.ToLower(name)] = true
				break
			}
		}
	}
}

// nameForeignKeys names unnamed foreign keys <table>_ibfk_<n>, n their
// place in the table's list, MySQL's scheme; Plan writes the name out, so
// that the index the server makes behind the key is named after it too.
func nameForeignKeys(t *metadata.Table) {
	for i, fk := range t.ForeignKeys {
		if fk.Name == "" {
			fk.Name = fmt.Sprintf("%s_ibfk_%d", t.Name, i+1)
		}
	}
}

// serverIndexName is the name MySQL gives an unnamed index: its first
// column, then column_2, column_3, ... when taken.
func serverIndexName(column string, taken map[string]bool) string {
	name := column
	for i := 2; taken[strings.ToLower(name)]; i++ {
		name = fmt.Sprintf("%s_%d", column, i)
	}
	taken[strings.ToLower(name)] = true
	return name
}

// hideImplicitFKIndexes drops the indexes MySQL creates by itself behind
// foreign keys: plain, over exactly the key's columns and named after the
// key, the name the server gives the index it adds for a key with a
// CONSTRAINT name (Plan names every key). Any other index is the user's,
// part of the model, whatever its columns: an index the server named after
// the first column of an unnamed key (<table>_ibfk_<n>) cannot be told
// from one a user named so (mysqldump writes both as KEY), and it must be
// created again as a KEY, or the server makes one named after the key.
func hideImplicitFKIndexes(t *metadata.Table) {
	if len(t.ForeignKeys) == 0 {
		return
	}
	kept := t.Indexes[:0]
	for _, ix := range t.Indexes {
		if !isImplicitFKIndex(t, ix) {
			kept = append(kept, ix)
		}
	}
	t.Indexes = kept
}

func isImplicitFKIndex(t *metadata.Table, ix *metadata.Index) bool {
	if ix.Unique || len(ix.Expressions) > 0 || ix.Using != "" || ix.Where != "" {
		return false
	}
	for _, fk := range t.ForeignKeys {
		if strings.EqualFold(fk.Name, ix.Name) && slices.Equal(fk.Columns, ix.Columns) {
			return true
		}
	}
	return false
}

// canonicalAction spells a referential action as reflection does:
// RESTRICT is InnoDB's default, which REFERENTIAL_CONSTRAINTS reports for
// both an omitted action and RESTRICT, so both are the empty action; an
// explicit NO ACTION is reported as such (SHOW CREATE TABLE prints it), so
// it is kept.
func canonicalAction(a string) string {
	a = strings.ToLower(strings.Join(strings.Fields(a), " "))
	if a == metadata.Restrict {
		return ""
	}
	return a
}

func sortByName[T any](s []*T, name func(*T) string) {
	slices.SortStableFunc(s, func(a, b *T) int { return cmp.Compare(name(a), name(b)) })
}
