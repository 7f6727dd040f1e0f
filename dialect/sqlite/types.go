package sqlite

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// SQLite keeps a column's declared type as written and derives only an
// affinity from it, so Retort declares readable names that reflection maps
// back to exactly the canonical type they came from (see [declaredType]).
// timestamptz is declared TIMESTAMPTZ, jsonb JSONB: the name is the only
// place the distinction can live.

// TypeSQL renders t (its "sqlite" variant first) as a declared type. An enum
// is TEXT; its CHECK is part of the column definition (see columnSQL).
func (*Dialect) TypeSQL(t metadata.Type) (string, error) { return typeSQL(t) }

func typeSQL(t metadata.Type) (string, error) {
	t = t.For(Name)
	switch t.Kind {
	case metadata.SmallInt:
		return "SMALLINT", nil
	case metadata.Integer:
		return "INTEGER", nil
	case metadata.BigInt:
		return "BIGINT", nil
	case metadata.Boolean:
		return "BOOLEAN", nil
	case metadata.Varchar, metadata.Char, metadata.VarBinary:
		if t.Length <= 0 {
			return "", fmt.Errorf("sqlite: type %s needs a positive length", t.Kind)
		}
		return fmt.Sprintf("%s(%d)", strings.ToUpper(string(t.Kind)), t.Length), nil
	case metadata.Text:
		return "TEXT", nil
	case metadata.Numeric:
		switch {
		case t.Precision == 0:
			return "NUMERIC", nil
		case t.Scale == 0:
			return fmt.Sprintf("NUMERIC(%d)", t.Precision), nil
		}
		return fmt.Sprintf("NUMERIC(%d,%d)", t.Precision, t.Scale), nil
	case metadata.Real:
		return "REAL", nil
	case metadata.Double:
		return "DOUBLE", nil
	case metadata.Date:
		return "DATE", nil
	case metadata.Time:
		return "TIME", nil
	case metadata.Timestamp:
		return "TIMESTAMP", nil
	case metadata.TimestampTZ:
		return "TIMESTAMPTZ", nil
	case metadata.Interval:
		return "INTERVAL", nil
	case metadata.UUID:
		return "UUID", nil
	case metadata.JSON:
		return "JSON", nil
	case metadata.JSONB:
		return "JSONB", nil
	case metadata.Blob:
		return "BLOB", nil
	case metadata.EnumKind:
		if t.EnumName == "" {
			return "", fmt.Errorf("sqlite: enum type without an enum name")
		}
		return "TEXT", nil
	case metadata.Native:
		text := strings.TrimSpace(t.Native)
		if text == "" {
			return "", fmt.Errorf("sqlite: empty native type")
		}
		if strings.ContainsAny(text, `"'`+"`;") {
			// A declared type is a sequence of names: a quote or a
			// semicolon would end it and start something else.
			return "", fmt.Errorf("sqlite: native type %q: quotes and semicolons are not allowed in a type", text)
		}
		return text, nil
	}
	return "", fmt.Errorf("sqlite: unknown type kind %q", t.Kind)
}

// declaredType maps a declared column type back to the model. SQLite keeps
// the declared text as written, and a dump shows it, so only the text
// [typeSQL] renders for a canonical type (INTEGER, VARCHAR(20),
// TIMESTAMP) reads as that type; any other text (INT, integer, DATETIME,
// CHARACTER(20), INT(11), "unsigned big int") is a native type kept as
// written, so that the column rebuilds with the same declaration, and
// [Dialect.EquivalentTypes] compares them, case aside. Folding INT into INTEGER would turn an
// INT PRIMARY KEY into a rowid alias, a different table. A column declared
// without a type has BLOB affinity and reads as blob. It never fails.
func declaredType(decl string) metadata.Type {
	text := strings.Join(strings.Fields(decl), " ")
	if text == "" {
		return metadata.BlobType
	}
	native := metadata.NativeType(text)
	base, args, ok := splitDeclared(strings.ToUpper(text))
	if !ok {
		return native
	}
	kind, known := declaredKinds[base]
	if !known {
		return native
	}
	t := metadata.Type{Kind: kind}
	switch kind {
	case metadata.Varchar, metadata.Char, metadata.VarBinary:
		if len(args) != 1 || args[0] <= 0 {
			return native
		}
		t.Length = args[0]
	case metadata.Numeric:
		if len(args) > 2 || (len(args) > 0 && args[0] <= 0) || (len(args) == 2 && args[1] == 0) {
			return native // NUMERIC(10,0) renders as NUMERIC(10): not the same text
		}
		if len(args) > 0 {
			t.Precision = args[0]
		}
		if len(args) > 1 {
			t.Scale = args[1]
		}
	default:
		if len(args) > 0 {
			return native
		}
	}
	if sql, err := typeSQL(t); err != nil || sql != text {
		return native
	}
	return t
}

// declaredKinds maps the base names typeSQL renders to their kinds.
var declaredKinds = map[string]metadata.Kind{
	"SMALLINT": metadata.SmallInt, "INTEGER": metadata.Integer, "BIGINT": metadata.BigInt,
	"BOOLEAN": metadata.Boolean, "VARCHAR": metadata.Varchar, "CHAR": metadata.Char,
	"VARBINARY": metadata.VarBinary, "TEXT": metadata.Text, "NUMERIC": metadata.Numeric,
	"REAL": metadata.Real, "DOUBLE": metadata.Double, "DATE": metadata.Date, "TIME": metadata.Time,
	"TIMESTAMP": metadata.Timestamp, "TIMESTAMPTZ": metadata.TimestampTZ, "INTERVAL": metadata.Interval,
	"UUID": metadata.UUID, "JSON": metadata.JSON, "JSONB": metadata.JSONB, "BLOB": metadata.Blob,
}

// sameDeclared reports whether two types declare the same text on SQLite,
// letter case and spacing aside.
func sameDeclared(a, b metadata.Type) bool {
	x, errA := typeSQL(a)
	y, errB := typeSQL(b)
	if errA != nil || errB != nil {
		return false
	}
	return strings.EqualFold(strings.Join(strings.Fields(x), " "), strings.Join(strings.Fields(y), " "))
}

// splitDeclared splits "NUMERIC(10, 2)" into "NUMERIC" and [10 2]. Only
// non-negative whole numbers are accepted as arguments, and nothing may
// follow the closing parenthesis.
func splitDeclared(s string) (base string, args []int, ok bool) {
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return s, nil, true
	}
	if !strings.HasSuffix(s, ")") {
		return "", nil, false
	}
	base = strings.TrimSpace(s[:open])
	for _, a := range strings.Split(s[open+1:len(s)-1], ",") {
		n, err := strconv.Atoi(strings.TrimSpace(a))
		if err != nil || n < 0 {
			return "", nil, false
		}
		args = append(args, n)
	}
	return base, args, true
}

// normalType is the type Inspect gives back for a column created with t.
func normalType(t metadata.Type) metadata.Type {
	if v := t.For(Name); v.Kind == metadata.EnumKind {
		return v
	}
	decl, err := typeSQL(t)
	if err != nil {
		return t.For(Name)
	}
	return declaredType(decl)
}
