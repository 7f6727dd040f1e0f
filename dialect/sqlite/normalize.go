package sqlite

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Normalize returns a copy of m as Inspect reads it back after m is created
// on SQLite: no schemas and no comments; types through their declared name
// and back (see types.go); smallint and bigint autoincrement keys as
// integer, autoincrement dropped where SQLite cannot have it; primary key
// columns not nullable; defaults, index expressions and check expressions
// in the spelling SQLite returns; NO ACTION as the empty default; implicit
// referenced columns spelled out; and only the enums some column uses, in
// the order columns first use them (SQLite keeps an enum only in its
// columns' CHECKs).
func (*Dialect) Normalize(m *metadata.MetaData) *metadata.MetaData {
	out := m.Clone()
	if out == nil {
		return nil
	}
	var used []string
	seen := map[string]bool{}
	for _, t := range out.Tables {
		normalTable(out, t)
		for _, c := range t.Columns {
			if c.Type.Kind == metadata.EnumKind && !seen[c.Type.EnumName] {
				seen[c.Type.EnumName] = true
				used = append(used, c.Type.EnumName)
			}
		}
	}
	enums := make([]*metadata.Enum, 0, len(used))
	for _, name := range used {
		if e := m.Enum("", name); e != nil {
			c := e.Clone()
			c.Schema = ""
			enums = append(enums, c)
		} else if e := anySchemaEnum(m, name); e != nil {
			c := e.Clone()
			c.Schema = ""
			enums = append(enums, c)
		}
	}
	out.Enums = enums
	return out
}

func anySchemaEnum(m *metadata.MetaData, name string) *metadata.Enum {
	for _, e := range m.Enums {
		if e.Name == name {
			return e
		}
	}
	return nil
}

// normalTable normalises one table of m in place.
func normalTable(m *metadata.MetaData, t *metadata.Table) {
	t.Schema = ""
	t.Comment = ""
	inline := inlinePrimaryKey(t)
	for _, c := range t.Columns {
		c.Comment = ""
		c.AutoIncrement = false
		c.Type = normalType(c.Type)
		c.Default = reflectedDefault(defaultSQL(c.Default))
		if inline != nil && inline.Columns[0] == c.Name {
			c.AutoIncrement = true
			c.Type = metadata.IntegerType
		}
	}
	if pk := t.PrimaryKey; pk != nil {
		for _, name := range pk.Columns {
			if c := t.Column(name); c != nil {
				c.Nullable = false
			}
		}
	}
	for _, ck := range t.Checks {
		ck.Expression = strings.TrimSpace(ck.Expression)
	}
	for _, fk := range t.ForeignKeys {
		fk.RefSchema = ""
		fk.OnDelete = action(fk.OnDelete)
		fk.OnUpdate = action(fk.OnUpdate)
		if !fk.Deferrable {
			fk.InitiallyDeferred = false
		}
		if len(fk.RefColumns) == 0 {
			if p := tableFold(m, fk.RefTable); p != nil && p.PrimaryKey != nil {
				fk.RefColumns = append([]string(nil), p.PrimaryKey.Columns...)
			}
		}
	}
	for _, ix := range t.Indexes {
		ix.Using = ""
		ix.Where = strings.TrimSpace(ix.Where)
		for i, e := range ix.Expressions {
			ix.Expressions[i] = normalIndexExpr(indexExprSQL(e))
		}
	}
}
