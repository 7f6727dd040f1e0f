package sqlite

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Normalize returns a copy of m as Inspect reads it back after m is created
// on SQLite: no schemas and no comments; types through their declared name
// and back (see types.go); an autoincrement key as integer (or as the type of
// the columns that refer to it, see widenAutoincrementKeys), autoincrement
// dropped where SQLite cannot have it; primary key columns not nullable;
// defaults, index expressions and check expressions in the spelling SQLite
// returns; an explicit NO ACTION kept (SQLite keeps the text that spells
// it); foreign keys sorted by name, with implicit referenced columns spelled out; and only the enums some
// column uses, in the order columns first use them (SQLite keeps an enum
// only in its columns' CHECKs).
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
	widenAutoincrementKeys(out)
	normalizeViews(out)
	normalizeRoutines(out)
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
		kind := c.Identity
		c.Identity, c.Sequence = "", nil // PostgreSQL's kinds mean the default
		c.AutoIncrement = false
		c.Type = normalType(c.Type)
		c.Default = reflectedDefault(defaultSQL(c.Default))
		if inline != nil && inline.Columns[0] == c.Name {
			// As Inspect reads it back: the keyword is autoincrement;
			// without it (identity: rowid) the column is the rowid.
			c.Type = metadata.IntegerType
			// Inspect leaves the kind unsaid (autoincrement: true is the
			// keyword); a declared keyword stays declared, for comparison.
			switch kind {
			case metadata.IdentityRowid:
			case metadata.IdentityAutoincrement:
				c.AutoIncrement, c.Identity = true, kind
			default:
				c.AutoIncrement = true
			}
		}
	}
	if pk := t.PrimaryKey; pk != nil && (pk.Unnamed || pk.Name == "") {
		pk.Name, pk.Unnamed = "", true // written without CONSTRAINT name, and so read back
	}
	if pk := t.PrimaryKey; pk != nil && len(pk.Columns) == 1 {
		if c := t.Column(pk.Columns[0]); c != nil && rowidAlias(t, c) {
			c.Nullable = false // the rowid; other keys' columns may hold NULL
		}
	}
	for _, ck := range t.Checks {
		ck.Expression = strings.TrimSpace(ck.Expression)
	}
	for _, fk := range t.ForeignKeys {
		fk.RefSchema = ""
		if fk.Unnamed || fk.Name == "" {
			fk.Name, fk.Unnamed = "", true
		}
		fk.OnDelete = strings.ToLower(fk.OnDelete)
		fk.OnUpdate = strings.ToLower(fk.OnUpdate)
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

// widenAutoincrementKeys gives an autoincrement primary key the integer
// type of the columns that refer to it (bigint, or smallint). SQLite forces
// the key's declared type to INTEGER (a 64-bit rowid), so a bigint or
// smallint key reads back as integer; the columns that refer to it would
// then disagree with it, which a model may not do. Inspect and Normalize
// apply the same rule, so they agree. Should the referring columns differ,
// bigint wins over smallint.
func widenAutoincrementKeys(m *metadata.MetaData) {
	rank := map[metadata.Kind]int{metadata.Integer: 0, metadata.SmallInt: 1, metadata.BigInt: 2}
	for _, t := range m.Tables {
		for _, fk := range t.ForeignKeys {
			parent := tableFold(m, fk.RefTable)
			if parent == nil || parent.PrimaryKey == nil || len(parent.PrimaryKey.Columns) != 1 {
				continue
			}
			key := parent.Column(parent.PrimaryKey.Columns[0])
			if key == nil || !key.AutoIncrement {
				continue
			}
			if _, ok := rank[key.Type.Kind]; !ok {
				continue
			}
			for i, col := range fk.Columns {
				if i >= len(fk.RefColumns) || !strings.EqualFold(fk.RefColumns[i], key.Name) {
					continue
				}
				if c := t.Column(col); c != nil {
					if r, ok := rank[c.Type.Kind]; ok && r > rank[key.Type.Kind] {
						key.Type = metadata.Type{Kind: c.Type.Kind}
					}
				}
			}
		}
	}
}
