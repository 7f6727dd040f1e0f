package mysql

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// ErrEnumNeedsModel is returned by [Dialect.TypeSQL] for enum(name): MySQL
// writes an enum's values inline, and TypeSQL alone does not know them. Plan
// renders enum columns from the model it is given.
var ErrEnumNeedsModel = errors.New("mysql: an enum column is rendered inline with its values, which only the model knows; plan the column with its model")

// enumSource returns the values of the model enum name (schema, name).
type enumSource func(schema, name string) ([]string, bool)

// TypeSQL renders a column type, its "mysql" variant first. enum(name)
// needs the model's values and fails with [ErrEnumNeedsModel]; Plan renders
// enum columns itself.
func (*Dialect) TypeSQL(t metadata.Type) (string, error) {
	return typeSQL(t, "", nil)
}

// typeSQL renders t; enums looks up enum values in the schema of the table.
func typeSQL(t metadata.Type, schema string, enums enumSource) (string, error) {
	t = t.For("mysql")
	switch t.Kind {
	case metadata.Native:
		if strings.TrimSpace(t.Native) == "" {
			return "", fmt.Errorf("mysql: empty native type")
		}
		if base, _, _ := splitColumnType(t.Native); foreignNative[base] || strings.HasSuffix(strings.TrimSpace(t.Native), "]") {
			return "", fmt.Errorf("mysql: type %q is PostgreSQL's, not MySQL's; give the column a variant for mysql, as in variants: {mysql: varchar(45)}", t.Native)
		}
		return t.Native, nil
	case metadata.EnumKind:
		if enums == nil {
			return "", ErrEnumNeedsModel
		}
		values, ok := enums(schema, t.EnumName)
		if !ok {
			return "", fmt.Errorf("mysql: enum(%s) is not declared in the model; add it under enums:", t.EnumName)
		}
		return enumSQL(values)
	case metadata.Varchar, metadata.Char, metadata.VarBinary:
		if t.Length <= 0 {
			return "", fmt.Errorf("mysql: %s needs a length", t.Kind)
		}
		return fmt.Sprintf("%s(%d)", t.Kind, t.Length), nil
	case metadata.Numeric:
		if t.Precision == 0 {
			return "decimal(65,30)", nil
		}
		return fmt.Sprintf("decimal(%d,%d)", t.Precision, t.Scale), nil
	}
	if s, ok := canonicalSQL[t.Kind]; ok {
		return s, nil
	}
	return "", fmt.Errorf("mysql: type %q has no MySQL rendering", t.String())
}

// foreignNative are native types of PostgreSQL that MySQL lacks, refused
// at plan time with a hint rather than by the server.
var foreignNative = map[string]bool{
	"bigserial": true, "serial": true, "smallserial": true, "serial2": true, "serial4": true, "serial8": true,
	"bytea": true, "inet": true, "cidr": true, "macaddr": true, "macaddr8": true, "money": true,
	"tsvector": true, "tsquery": true, "xml": true, "timetz": true, "time with time zone": true,
	"citext": true, "hstore": true, "ltree": true, "oid": true, "regclass": true, "regconfig": true,
	"jsonpath": true, "int4range": true, "int8range": true, "numrange": true, "tsrange": true,
	"tstzrange": true, "daterange": true, "txid_snapshot": true, "pg_lsn": true, "varbit": true,
	"bit varying": true, "box": true, "circle": true, "lseg": true, "path": true, "line": true,
}

// canonicalSQL renders the kinds without parameters.
var canonicalSQL = map[metadata.Kind]string{
	metadata.SmallInt:    "smallint",
	metadata.Integer:     "int",
	metadata.BigInt:      "bigint",
	metadata.Boolean:     "tinyint(1)",
	metadata.Text:        "longtext",
	metadata.Real:        "float",
	metadata.Double:      "double",
	metadata.Date:        "date",
	metadata.Time:        "time(6)",
	metadata.Timestamp:   "datetime(6)",
	metadata.TimestampTZ: "datetime(6)",
	metadata.Interval:    "varchar(64)",
	metadata.UUID:        "char(36)",
	metadata.JSON:        "json",
	metadata.JSONB:       "json",
	metadata.Blob:        "longblob",
}

// enumSQL renders ENUM('a','b') with each value a string literal.
func enumSQL(values []string) (string, error) {
	if len(values) == 0 {
		return "", fmt.Errorf("mysql: an enum needs at least one value")
	}
	var b strings.Builder
	b.WriteString("enum(")
	for i, v := range values {
		if i > 0 {
			b.WriteByte(',')
		}
		lit, err := literals.String(v)
		if err != nil {
			return "", err
		}
		b.WriteString(lit)
	}
	b.WriteByte(')')
	return b.String(), nil
}

// fsp returns the fractional-second precision a rendered temporal type
// has (datetime(6) -> 6), or -1 when it is not a datetime, timestamp or time.
func fsp(sqlType string) int {
	s := strings.ToLower(sqlType)
	for _, base := range []string{"datetime", "timestamp", "time"} {
		if !strings.HasPrefix(s, base) {
			continue
		}
		rest := strings.TrimSpace(s[len(base):])
		if rest == "" {
			return 0
		}
		if strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") {
			if n, err := strconv.Atoi(rest[1 : len(rest)-1]); err == nil {
				return n
			}
		}
		return 0
	}
	return -1
}

// canonicalType maps a column type as the server spells it
// (information_schema.COLUMNS.COLUMN_TYPE, or a native type of a model)
// onto the vocabulary. It returns an enum's values with Kind enum and no
// name: the caller names it. Types without a canonical twin come back as
// native text, lower case (set and enum values keep their case).
func canonicalType(columnType string) (metadata.Type, []string) {
	raw := strings.TrimSpace(columnType)
	base, args, rest := splitColumnType(raw)
	switch base {
	case "enum":
		return metadata.Type{Kind: metadata.EnumKind}, parseEnumValues(raw)
	case "set":
		return metadata.NativeType(raw), nil
	}
	native := func() metadata.Type {
		return metadata.NativeType(strings.ToLower(strings.Join(strings.Fields(raw), " ")))
	}
	n := func(i int) int {
		if i >= len(args) {
			return 0
		}
		v, _ := strconv.Atoi(args[i])
		return v
	}
	switch base {
	case "tinyint", "smallint", "mediumint", "int", "integer", "bigint":
		return integerType(base, args, rest)
	case "bool", "boolean":
		return metadata.BooleanType, nil
	case "decimal", "numeric", "dec", "fixed":
		switch {
		case rest != "":
			return native(), nil
		case len(args) == 0:
			return metadata.NumericType(10, 0), nil // MySQL's default precision
		case n(0) == 65 && n(1) == 30:
			return metadata.NumericType(0, 0), nil
		}
		return metadata.NumericType(n(0), n(1)), nil
	case "float":
		switch {
		case rest != "" || len(args) > 1:
			return native(), nil
		case len(args) == 1 && n(0) > 24:
			return metadata.DoubleType, nil
		}
		return metadata.RealType, nil
	case "double", "double precision", "real":
		if rest != "" || len(args) > 0 {
			return native(), nil
		}
		return metadata.DoubleType, nil
	case "char", "character":
		if len(args) == 0 {
			return metadata.CharType(1), nil
		}
		return metadata.CharType(n(0)), nil
	case "varchar", "character varying":
		return metadata.VarcharType(n(0)), nil
	case "varbinary":
		return metadata.VarBinaryType(n(0)), nil
	case "longtext":
		return metadata.TextType, nil // what text renders: TEXT (64 KiB) stays native
	case "longblob":
		return metadata.BlobType, nil // what blob renders: BLOB (64 KiB) stays native
	case "json":
		return metadata.JSONType, nil
	case "date":
		return metadata.DateType, nil
	case "time":
		if rest == "" && len(args) == 1 && n(0) == 6 {
			return metadata.TimeType, nil // what time renders; time(0..5) stays native
		}
	case "datetime":
		if rest == "" && len(args) == 1 && n(0) == 6 {
			return metadata.TimestampType, nil // what timestamp renders; datetime(0..5) stays native
		}
	case "uuid":
		return metadata.NativeType("uuid"), nil // MariaDB 10.7's own type; the canonical uuid renders char(36)
	case "year":
		return metadata.NativeType("year"), nil
	}
	return native(), nil
}

// integerType maps the integer types: tinyint(1) is boolean; a display
// width is dropped where it is the server's default for the type (MariaDB
// shows int(11), int(10) unsigned; MySQL 8 shows none) and kept where
// someone asked for another (int(5), int(11) unsigned), so that the column
// rebuilds as it was. Unsigned and zerofill types stay native.
func integerType(base string, args []string, rest string) (metadata.Type, []string) {
	if base == "integer" {
		base = "int"
	}
	width := ""
	if len(args) == 1 && args[0] != defaultWidth(base, rest) {
		width = "(" + args[0] + ")"
	}
	if rest == "" {
		switch {
		case base == "tinyint" && len(args) == 1 && args[0] == "1":
			return metadata.BooleanType, nil
		case width != "":
			return metadata.NativeType(base + width), nil
		case base == "smallint":
			return metadata.SmallIntType, nil
		case base == "int":
			return metadata.IntegerType, nil
		case base == "bigint":
			return metadata.BigIntType, nil
		}
		return metadata.NativeType(base), nil
	}
	if strings.Contains(rest, "zerofill") && len(args) > 0 {
		return metadata.NativeType(fmt.Sprintf("%s(%s) %s", base, args[0], rest)), nil
	}
	return metadata.NativeType(base + width + " " + rest), nil
}

// defaultWidth is the display width MariaDB gives an integer type declared
// without one (the digits of its range, and a sign).
func defaultWidth(base, rest string) string {
	signed := map[string]string{"tinyint": "4", "smallint": "6", "mediumint": "9", "int": "11", "bigint": "20"}
	unsigned := map[string]string{"tinyint": "3", "smallint": "5", "mediumint": "8", "int": "10", "bigint": "20"}
	if strings.Contains(rest, "unsigned") {
		return unsigned[base]
	}
	return signed[base]
}

// splitColumnType splits "decimal(10,2) unsigned" into "decimal",
// ["10" "2"] and "unsigned", lower case; an enum's or set's arguments are
// left to parseEnumValues.
func splitColumnType(s string) (base string, args []string, rest string) {
	open := strings.IndexByte(s, '(')
	if open < 0 {
		f := strings.Fields(strings.ToLower(s))
		if len(f) >= 2 && (f[0]+" "+f[1] == "double precision" || f[0]+" "+f[1] == "character varying") {
			return f[0] + " " + f[1], nil, strings.Join(f[2:], " ")
		}
		if len(f) == 0 {
			return "", nil, ""
		}
		return f[0], nil, strings.Join(f[1:], " ")
	}
	base = strings.ToLower(strings.Join(strings.Fields(s[:open]), " "))
	if base == "enum" || base == "set" {
		return base, nil, ""
	}
	end := strings.IndexByte(s[open:], ')')
	if end < 0 {
		return base, nil, ""
	}
	end += open
	for _, a := range strings.Split(s[open+1:end], ",") {
		args = append(args, strings.TrimSpace(a))
	}
	return base, args, strings.ToLower(strings.Join(strings.Fields(s[end+1:]), " "))
}

// parseEnumValues reads the values of enum('a','b') as MySQL and MariaDB
// show them: quotes inside doubled, backslashes escaped.
func parseEnumValues(s string) []string {
	open := strings.IndexByte(s, '(')
	if open < 0 {
		return nil
	}
	var values []string
	var cur strings.Builder
	in := false
	for i := open + 1; i < len(s); i++ {
		c := s[i]
		switch {
		case !in && c == '\'':
			in = true
			cur.Reset()
		case in && c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(unescape(s[i]))
		case in && c == '\'' && i+1 < len(s) && s[i+1] == '\'':
			cur.WriteByte('\'')
			i++
		case in && c == '\'':
			in = false
			values = append(values, cur.String())
		case in:
			cur.WriteByte(c)
		}
	}
	return values
}

// unescape reads the character after a backslash in a MySQL string literal.
func unescape(c byte) byte {
	switch c {
	case '0':
		return 0
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	case 'Z':
		return 26
	}
	return c
}
