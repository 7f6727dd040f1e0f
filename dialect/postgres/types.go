package postgres

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/metadata"
)

// TypeSQL renders a type: each canonical type as its nearest PostgreSQL
// type (blob and varbinary(n) as bytea, double as double precision), an
// enum as its quoted type name, a native type or variant verbatim.
func (p Postgres) TypeSQL(t metadata.Type) (string, error) {
	t = typeOf(t)
	switch t.Kind {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Boolean, metadata.Text,
		metadata.Real, metadata.Date, metadata.Time, metadata.Timestamp, metadata.TimestampTZ,
		metadata.Interval, metadata.UUID, metadata.JSON, metadata.JSONB:
		return string(t.Kind), nil
	case metadata.Double:
		return "double precision", nil
	case metadata.Varchar, metadata.Char:
		if t.Length <= 0 {
			return "", fmt.Errorf("postgresql: %s needs a length", t.Kind)
		}
		return t.String(), nil
	case metadata.Numeric:
		return t.String(), nil
	case metadata.Blob, metadata.VarBinary:
		return "bytea", nil
	case metadata.EnumKind:
		if t.EnumName == "" {
			return "", fmt.Errorf("postgresql: enum type without a name")
		}
		schema, name := splitEnumName(t.EnumName)
		return p.qname(schema, name), nil
	case metadata.Native:
		if strings.TrimSpace(t.Native) == "" {
			return "", fmt.Errorf("postgresql: empty native type")
		}
		return t.Native, nil
	}
	return "", fmt.Errorf("postgresql: unknown type kind %q", t.Kind)
}

// splitEnumName splits an enum column's qualified name (schema.name, or
// name for the default schema) as metadata spells it.
func splitEnumName(q string) (schema, name string) {
	if s, n, ok := strings.Cut(q, "."); ok {
		return s, n
	}
	return "", q
}

// qualify joins schema and name as metadata does.
func qualify(schema, name string) string {
	if schema == "" {
		return name
	}
	return schema + "." + name
}

// formatTypes maps format_type's spellings onto the canonical vocabulary.
var formatTypes = map[string]metadata.Kind{
	"smallint": metadata.SmallInt, "integer": metadata.Integer, "bigint": metadata.BigInt,
	"boolean": metadata.Boolean, "text": metadata.Text, "real": metadata.Real,
	"double precision": metadata.Double, "date": metadata.Date,
	"time without time zone": metadata.Time, "timestamp without time zone": metadata.Timestamp,
	"timestamp with time zone": metadata.TimestampTZ, "interval": metadata.Interval,
	"uuid": metadata.UUID, "json": metadata.JSON, "jsonb": metadata.JSONB, "bytea": metadata.Blob,
	"numeric": metadata.Numeric,
}

var sizedTypeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(character varying|character|numeric)\((\d+)(?:,(\d+))?\)$`)
})

// fromFormatType reads a type as format_type prints it back into the
// vocabulary; what has no canonical form stays native, in that spelling.
func fromFormatType(text string) metadata.Type {
	if k, ok := formatTypes[text]; ok {
		return metadata.Type{Kind: k}
	}
	if m := sizedTypeRE().FindStringSubmatch(text); m != nil {
		a, _ := strconv.Atoi(m[2])
		b, _ := strconv.Atoi(m[3])
		switch m[1] {
		case "character varying":
			return metadata.VarcharType(a)
		case "character":
			return metadata.CharType(a)
		case "numeric":
			return metadata.NumericType(a, b)
		}
	}
	return metadata.NativeType(text)
}
