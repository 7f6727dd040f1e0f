package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// alterColumn renders one statement per change, in an order PostgreSQL
// accepts whatever the combination: type, nullability, the old default
// dropped before an identity is added, identity, the new default, comment,
// and the rename last (so every earlier statement names the old column).
func (p Postgres) alterColumn(m *metadata.MetaData, o *ops.AlterColumn) ([]dialect.Statement, error) {
	tbl := p.table(o.TableRef)
	col := p.QuoteIdent(o.ColumnName)
	alter := "ALTER TABLE " + tbl + " ALTER COLUMN " + col + " "
	attrs, err := p.alterAttributes(m, o)
	if err != nil {
		return nil, err
	}
	if o.Generated != nil {
		if attrs != nil {
			return nil, fmt.Errorf("%s.%s: alter_column changes the generation and the attributes; split it into two alter_column ops", o.Table, o.ColumnName)
		}
		return p.regenerate(m, o)
	}
	var out []string
	if o.Type == nil && o.Collation != nil {
		s, err := p.recollate(m, o)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if o.Type != nil {
		typ, err := p.TypeSQL(*o.Type)
		if err != nil {
			return nil, err
		}
		// A type change without COLLATE gives the column the new type's
		// default collation: say the one it keeps.
		if coll := alteredCollation(m, o); coll != "" {
			typ += " COLLATE " + p.QuoteIdent(coll)
		}
		// A default typed by the old type may not cast to the new one
		// (text to an enum, say): drop it around the change, and set it
		// again unless the op sets its own. Within a family PostgreSQL
		// converts the default itself and keeps it as it was written
		// (''::character varying stays so when varchar becomes text),
		// which is what a database changed by hand holds.
		old := p.currentDefault(m, o)
		if old != "" && sameFamily(existingType(m, o), *o.Type) {
			old = ""
		}
		if old != "" {
			out = append(out, alter+"DROP DEFAULT")
		}
		out = append(out, alter+"TYPE "+typ+" USING "+col+"::"+typ)
		if old != "" && o.Default == nil && (o.AutoIncrement == nil || !*o.AutoIncrement) {
			out = append(out, alter+"SET DEFAULT "+old)
		}
	}
	if o.Nullable != nil {
		if *o.Nullable {
			out = append(out, alter+"DROP NOT NULL")
		} else if !o.Online {
			out = append(out, alter+"SET NOT NULL")
		}
	}
	if o.AutoIncrement == nil && (o.Identity != nil || o.Sequence != nil) {
		out = append(out, p.identityChange(m, o)...)
	}
	if o.AutoIncrement != nil {
		if *o.AutoIncrement {
			if o.Default == nil {
				out = append(out, alter+"DROP DEFAULT")
			}
			if o.Nullable == nil && !p.notNull(m, o) {
				out = append(out, alter+"SET NOT NULL")
			}
			out = append(out, p.numbering(m, o)...)
		} else if existingIdentity(m, o) == metadata.IdentitySerial {
			seq := &metadata.Column{Name: o.ColumnName, Sequence: existingSequence(m, o)}
			out = append(out, alter+"DROP DEFAULT", "DROP SEQUENCE "+p.qname(o.Schema, ownedName(o.Table, seq)))
		} else {
			out = append(out, alter+"DROP IDENTITY IF EXISTS")
		}
	}
	if o.Default != nil {
		if *o.Default == "" {
			out = append(out, alter+"DROP DEFAULT")
		} else {
			out = append(out, alter+"SET DEFAULT "+*o.Default)
		}
	}
	res := stmts(out...)
	if o.Online && o.Nullable != nil && !*o.Nullable {
		res = append(res, p.safeSetNotNull(o)...)
	}
	res = append(res, attrs...)
	if o.Comment != nil {
		s, err := p.comment("COLUMN "+tbl+"."+col, *o.Comment)
		if err != nil {
			return nil, err
		}
		res = append(res, s...)
	}
	if o.NewName != "" && o.NewName != o.ColumnName {
		res = append(res, stmts("ALTER TABLE "+tbl+" RENAME COLUMN "+col+" TO "+p.QuoteIdent(o.NewName))...)
	}
	return res, nil
}

// numbering renders what makes a column autoincrement: an identity of
// the op's kind, or a serial column's sequence, default and OWNED BY.
func (p Postgres) numbering(m *metadata.MetaData, o *ops.AlterColumn) []string {
	c := &metadata.Column{Name: o.ColumnName, AutoIncrement: true, Sequence: o.Sequence}
	if o.Identity != nil {
		c.Identity = *o.Identity
	}
	if cur := alteredColumn(m, o); cur != nil {
		c.Type = cur.Type
	}
	if o.Type != nil {
		c.Type = *o.Type
	}
	alter := "ALTER TABLE " + p.table(o.TableRef) + " ALTER COLUMN " + p.QuoteIdent(o.ColumnName) + " "
	if !isSerial(c) {
		return []string{alter + "ADD GENERATED " + generated(c.Identity) + " AS IDENTITY"}
	}
	before, after := p.serialParts(o.TableRef, c)
	out := []string{before[0].SQL, alter + "SET DEFAULT " + p.nextval(o.Schema, ownedName(o.Table, c))}
	return append(out, after[0].SQL)
}

// families are the kinds among which PostgreSQL converts a column's
// default along with its type.
var families = map[metadata.Kind]int{
	metadata.Char: 1, metadata.Varchar: 1, metadata.Text: 1,
	metadata.SmallInt: 2, metadata.Integer: 2, metadata.BigInt: 2,
	metadata.Numeric: 3, metadata.Real: 3, metadata.Double: 3,
	metadata.Timestamp: 4, metadata.TimestampTZ: 4,
}

// sameFamily reports whether a change from a to b keeps the column's
// default convertible by PostgreSQL itself (a nil a: not known).
func sameFamily(a *metadata.Type, b metadata.Type) bool {
	if a == nil {
		return false
	}
	fa, fb := families[typeOf(*a).Kind], families[typeOf(b).Kind]
	return fa != 0 && fa == fb
}

// existingType is the altered column's type before the op, or nil.
func existingType(m *metadata.MetaData, o *ops.AlterColumn) *metadata.Type {
	if o.ExistingType != nil {
		return o.ExistingType
	}
	if c := alteredColumn(m, o); c != nil {
		return &c.Type
	}
	return nil
}

// currentDefault returns the altered column's server default before the op.
func (p Postgres) currentDefault(m *metadata.MetaData, o *ops.AlterColumn) string {
	if o.ExistingDefault != nil {
		return *o.ExistingDefault
	}
	if c := alteredColumn(m, o); c != nil {
		return c.Default
	}
	return ""
}

// notNull reports whether the altered column is already NOT NULL, as an
// identity column must be.
func (p Postgres) notNull(m *metadata.MetaData, o *ops.AlterColumn) bool {
	if o.ExistingNullable != nil {
		return !*o.ExistingNullable
	}
	if c := alteredColumn(m, o); c != nil {
		return !c.Nullable
	}
	return false
}

func (p Postgres) enumValues(values []string) (string, error) {
	lits := make([]string, len(values))
	for i, v := range values {
		l, err := p.Literal(v)
		if err != nil {
			return "", err
		}
		lits[i] = l
	}
	return strings.Join(lits, ", "), nil
}

func (p Postgres) createEnum(e *metadata.Enum) ([]dialect.Statement, error) {
	vals, err := p.enumValues(e.Values)
	if err != nil {
		return nil, fmt.Errorf("enum %s: %w", e.Name, err)
	}
	return stmts("CREATE TYPE " + p.qname(e.Schema, e.Name) + " AS ENUM (" + vals + ")"), nil
}

func (p Postgres) addEnumValue(o *ops.AlterEnumAddValue) ([]dialect.Statement, error) {
	sql := "ALTER TYPE " + p.qname(o.Schema, o.EnumName) + " ADD VALUE "
	for _, part := range []struct{ kw, v string }{{"", o.Value}, {" BEFORE ", o.Before}, {" AFTER ", o.After}} {
		if part.v == "" {
			continue
		}
		l, err := p.Literal(part.v)
		if err != nil {
			return nil, err
		}
		sql += part.kw + l
	}
	return stmts(sql), nil
}

// dropEnumValue recreates the enum without the value, as PostgreSQL has
// no DROP VALUE: rename the type away, create it anew, move every column
// using it over through text (which fails, rolling back, if a row still
// holds the value), and drop the old type. A column's default is dropped
// and set again around the move, since it is typed by the old enum.
func (p Postgres) dropEnumValue(m *metadata.MetaData, o *ops.AlterEnumDropValue) ([]dialect.Statement, error) {
	e := m.Enum(o.Schema, o.EnumName)
	if e == nil {
		return nil, fmt.Errorf("enum %s is not in the schema the earlier revisions make, so its other values are unknown", o.EnumName)
	}
	var keep []string
	for _, v := range e.Values {
		if v != o.Value {
			keep = append(keep, v)
		}
	}
	vals, err := p.enumValues(keep)
	if err != nil {
		return nil, err
	}
	oldName := truncate(o.EnumName+"_retort_old", 63)
	typ := p.qname(o.Schema, o.EnumName)
	out := []string{
		"ALTER TYPE " + typ + " RENAME TO " + p.QuoteIdent(oldName),
		"CREATE TYPE " + typ + " AS ENUM (" + vals + ")",
	}
	for _, t := range m.Tables {
		for _, c := range t.Columns {
			ct := typeOf(c.Type)
			if ct.Kind != metadata.EnumKind || ct.EnumName != qualify(o.Schema, o.EnumName) {
				continue
			}
			alter := "ALTER TABLE " + p.qname(t.Schema, t.Name) + " ALTER COLUMN " + p.QuoteIdent(c.Name) + " "
			if c.Default != "" {
				out = append(out, alter+"DROP DEFAULT")
			}
			out = append(out, alter+"TYPE "+typ+" USING "+p.QuoteIdent(c.Name)+"::text::"+typ)
			if c.Default != "" {
				out = append(out, alter+"SET DEFAULT "+c.Default)
			}
		}
	}
	out = append(out, "DROP TYPE "+p.qname(o.Schema, oldName))
	return stmts(out...), nil
}

// truncate shortens a name to n bytes without splitting a character.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
