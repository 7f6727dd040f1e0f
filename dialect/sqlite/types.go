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

// declaredNames maps a declared type's base name (upper case, single
// spaces, without parameters) to the canonical kind it reads back as. Names
// not listed are native types.
var declaredNames = map[string]metadata.Kind{
	"SMALLINT": metadata.SmallInt, "INT2": metadata.SmallInt,
	"INT": metadata.Integer, "INTEGER": metadata.Integer, "INT4": metadata.Integer,
	"BIGINT": metadata.BigInt, "INT8": metadata.BigInt,
	"BOOLEAN": metadata.Boolean, "BOOL": metadata.Boolean,
	"VARCHAR": metadata.Varchar, "CHARACTER VARYING": metadata.Varchar, "VARYING CHARACTER": metadata.Varchar,
	"CHAR": metadata.Char, "CHARACTER": metadata.Char,
	"TEXT":    metadata.Text,
	"NUMERIC": metadata.Numeric, "DECIMAL": metadata.Numeric,
	"REAL": metadata.Real, "FLOAT4": metadata.Real,
	"DOUBLE": metadata.Double, "DOUBLE PRECISION": metadata.Double, "FLOAT8": metadata.Double,
	"DATE": metadata.Date,
	"TIME": metadata.Time, "TIME WITHOUT TIME ZONE": metadata.Time,
	"TIMESTAMP": metadata.Timestamp, "DATETIME": metadata.Timestamp, "TIMESTAMP WITHOUT TIME ZONE": metadata.Timestamp,
	"TIMESTAMPTZ": metadata.TimestampTZ, "TIMESTAMP WITH TIME ZONE": metadata.TimestampTZ,
	"INTERVAL":  metadata.Interval,
	"UUID":      metadata.UUID,
	"JSON":      metadata.JSON,
	"JSONB":     metadata.JSONB,
	"BLOB":      metadata.Blob,
	"VARBINARY": metadata.VarBinary,
}

// declaredType maps a declared column type back to the model: the inverse
// of typeSQL, plus the spellings people write by hand (INT, DATETIME,
// CHARACTER VARYING(20), INT(11)). A column declared without a type has
// BLOB affinity and reads as blob. Anything else is a native type, lower
// case. It never fails.
func declaredType(decl string) metadata.Type {
	text := strings.Join(strings.Fields(decl), " ")
	if text == "" {
		return metadata.BlobType
	}
	native := metadata.NativeType(strings.ToLower(text))
	base, args, ok := splitDeclared(strings.ToUpper(text))
	if !ok {
		return native
	}
	kind, known := declaredNames[base]
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
		if len(args) > 2 || (len(args) > 0 && args[0] <= 0) {
			return native
		}
		if len(args) > 0 {
			t.Precision = args[0]
		}
		if len(args) > 1 {
			t.Scale = args[1]
		}
	case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Timestamp:
		// INT(11), BIGINT(20), DATETIME(6): widths and precisions that
		// SQLite ignores.
		if len(args) > 1 {
			return native
		}
	default:
		if len(args) > 0 {
			return native
		}
	}
	return t
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
