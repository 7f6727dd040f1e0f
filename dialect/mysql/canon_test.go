package mysql

import (
	"database/sql"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retortdb/retort/metadata"
)

func TestCanonicalDefault(t *testing.T) {
	cases := []struct {
		name string
		def  string
		typ  metadata.Type
		want string
	}{
		{"null", "NULL", metadata.IntegerType, ""},
		{"mariadb null", "null", metadata.VarcharType(5), ""},
		{"number", "0", metadata.IntegerType, "0"},
		{"decimal zeros", "0.00", metadata.NumericType(10, 2), "0"},
		{"decimal", "1.50", metadata.NumericType(10, 2), "1.5"},
		{"quoted number", "'0'", metadata.BigIntType, "0"},
		{"bool true", "true", metadata.BooleanType, "true"},
		{"bool 1", "1", metadata.BooleanType, "true"},
		{"bool 0", "'0'", metadata.BooleanType, "false"},
		{"string", "'x'", metadata.VarcharType(5), "'x'"},
		{"backslash quote", `'it\'s'`, metadata.VarcharType(5), "'it''s'"},
		{"current_timestamp()", "current_timestamp()", metadata.TimestampType, "CURRENT_TIMESTAMP"},
		{"current_timestamp(6)", "current_timestamp(6)", metadata.TimestampType, "CURRENT_TIMESTAMP"},
		{"now()", "now()", metadata.TimestampTZType, "CURRENT_TIMESTAMP"},
		{"on update", "current_timestamp(6) on update current_timestamp(6)", metadata.TimestampType, "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"},
		{"expression", "(UUID())", metadata.UUIDType, "uuid()"},
		{"postgres uuid", "gen_random_uuid()", metadata.UUIDType, "uuid()"},
		{"curdate", "curdate()", metadata.DateType, "CURRENT_DATE"},
		{"text literal in parens", "('x')", metadata.TextType, "'x'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, canonicalDefault(tc.def, tc.typ))
		})
	}
}

func TestCanonicalExpr(t *testing.T) {
	cases := map[string]string{
		"length(title) > 0":          "length(title) > 0",
		"octet_length(`title`) > 0":  "length(title) > 0",
		"(`qty` >= 0)":               "qty >= 0",
		"`a` <> 'it\\'s' AND b != 2": "a <> 'it''s' and b <> 2",
		"`first name` IS NOT NULL":   "`first name` is not null",
		"status IN ('a','b')":        "status in ('a', 'b')",
		"`Price`>0":                  "Price > 0",
		"LOWER(`email`)":             "lower(email)",
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			assert.Equal(t, want, canonicalExpr(in))
			assert.Equal(t, want, canonicalExpr(want), "idempotent")
		})
	}
}

func TestDefaultSQL(t *testing.T) {
	cases := []struct {
		def, sqlType string
		typ          metadata.Type
		want         string
	}{
		{"CURRENT_TIMESTAMP", "datetime(6)", metadata.TimestampTZType, "CURRENT_TIMESTAMP(6)"},
		{"now()", "datetime", metadata.NativeType("datetime"), "CURRENT_TIMESTAMP"},
		{"CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP", "datetime(6)", metadata.TimestampType, "CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)"},
		{"'x'", "varchar(5)", metadata.VarcharType(5), "'x'"},
		{"'x'", "longtext", metadata.TextType, "('x')"},
		{"0", "int", metadata.IntegerType, "0"},
		{"false", "tinyint(1)", metadata.BooleanType, "false"},
		{"uuid()", "char(36)", metadata.UUIDType, "(uuid())"},
		{"(uuid())", "char(36)", metadata.UUIDType, "(uuid())"},
		{"(gen_random_uuid())", "char(36)", metadata.UUIDType, "(uuid())"},
		{"CURRENT_DATE", "date", metadata.DateType, "(CURRENT_DATE)"},
		{"('x')", "varchar(5)", metadata.VarcharType(5), "'x'"},
	}
	for _, tc := range cases {
		t.Run(tc.def+" "+tc.sqlType, func(t *testing.T) {
			assert.Equal(t, tc.want, defaultSQL(tc.def, tc.typ, tc.sqlType))
		})
	}
}

// TestColumnDefaultFlavors reads COLUMN_DEFAULT and EXTRA as each server
// reports them (MySQL 8's from its documentation: bare literals, and
// DEFAULT_GENERATED expressions with escaped quotes).
func TestColumnDefaultFlavors(t *testing.T) {
	null := sql.NullString{}
	str := func(s string) sql.NullString { return sql.NullString{String: s, Valid: true} }
	cases := []struct {
		name   string
		flavor Flavor
		def    sql.NullString
		extra  string
		typ    metadata.Type
		want   string
	}{
		{"mariadb string", MariaDB, str("'x'"), "", metadata.VarcharType(5), "'x'"},
		{"mariadb null", MariaDB, str("NULL"), "", metadata.VarcharType(5), ""},
		{"mariadb none", MariaDB, null, "", metadata.VarcharType(5), ""},
		{"mariadb on update", MariaDB, str("current_timestamp(6)"), "on update current_timestamp(6)", metadata.TimestampType, "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"},
		{"mysql string", MySQL, str("x"), "", metadata.VarcharType(5), "'x'"},
		{"mysql quote", MySQL, str("it's"), "", metadata.VarcharType(5), "'it''s'"},
		{"mysql number", MySQL, str("0.00"), "", metadata.NumericType(10, 2), "0"},
		{"mysql boolean", MySQL, str("1"), "", metadata.BooleanType, "true"},
		{"mysql date", MySQL, str("2020-01-02"), "", metadata.DateType, "'2020-01-02'"},
		{"mysql null", MySQL, null, "", metadata.IntegerType, ""},
		{"mysql current_timestamp", MySQL, str("CURRENT_TIMESTAMP(6)"), "DEFAULT_GENERATED", metadata.TimestampType, "CURRENT_TIMESTAMP"},
		{"mysql on update", MySQL, str("CURRENT_TIMESTAMP"), "DEFAULT_GENERATED on update CURRENT_TIMESTAMP", metadata.TimestampType, "CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP"},
		{"mysql expression", MySQL, str("uuid()"), "DEFAULT_GENERATED", metadata.UUIDType, "uuid()"},
		{"mysql text literal", MySQL, str(`_utf8mb4\'hello\'`), "DEFAULT_GENERATED", metadata.TextType, "'hello'"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := &inspector{flavor: tc.flavor}
			assert.Equal(t, tc.want, in.columnDefault(tc.def, tc.extra, tc.typ))
		})
	}
}
