package mysql

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
)

// TestTypeSQL renders every canonical type and reads the rendering back:
// the canonical type that comes back is what Normalize promises.
func TestTypeSQL(t *testing.T) {
	cases := []struct {
		typ  string // as in schema.yaml
		sql  string
		back string // canonical type read back from sql
	}{
		{"smallint", "smallint", "smallint"},
		{"integer", "int", "integer"},
		{"bigint", "bigint", "bigint"},
		{"boolean", "tinyint(1)", "boolean"},
		{"varchar(320)", "varchar(320)", "varchar(320)"},
		{"char(2)", "char(2)", "char(2)"},
		{"text", "longtext", "text"},
		{"numeric(10,2)", "decimal(10,2)", "numeric(10,2)"},
		{"numeric(7)", "decimal(7,0)", "numeric(7)"},
		{"numeric", "decimal(65,30)", "numeric"},
		{"real", "float", "real"},
		{"double", "double", "double"},
		{"date", "date", "date"},
		{"time", "time(6)", "time"},
		{"timestamp", "datetime(6)", "timestamp"},
		{"timestamptz", "datetime(6)", "timestamp"},
		{"interval", "varchar(64)", "varchar(64)"},
		{"uuid", "char(36)", "char(36)"},
		{"json", "json", "json"},
		{"jsonb", "json", "json"},
		{"blob", "longblob", "blob"},
		{"varbinary(16)", "varbinary(16)", "varbinary(16)"},
		{"tinyint unsigned", "tinyint unsigned", "tinyint unsigned"},
		{"mediumtext", "mediumtext", "mediumtext"},
		{"bigint unsigned", "bigint unsigned", "bigint unsigned"},
		{"int(11)", "int(11)", "integer"},
	}
	for _, tc := range cases {
		t.Run(tc.typ, func(t *testing.T) {
			typ, err := metadata.ParseType(tc.typ)
			if err != nil {
				typ = metadata.NativeType(tc.typ) // native: in schema.yaml
			}
			got, err := testDialect.TypeSQL(typ)
			require.NoError(t, err)
			assert.Equal(t, tc.sql, got)
			back, _ := canonicalType(got)
			assert.Equal(t, tc.back, back.String())
		})
	}
}

func TestTypeSQLVariantAndEnum(t *testing.T) {
	typ := metadata.Type{Kind: metadata.Text, Variants: map[string]string{"mysql": "mediumtext", "postgresql": "citext"}}
	got, err := testDialect.TypeSQL(typ)
	require.NoError(t, err)
	assert.Equal(t, "mediumtext", got)

	_, err = testDialect.TypeSQL(metadata.NativeType("inet"))
	assert.ErrorContains(t, err, "variant for mysql")
	_, err = testDialect.TypeSQL(metadata.NativeType("int[]"))
	assert.ErrorContains(t, err, "variant for mysql")

	_, err = testDialect.TypeSQL(metadata.EnumType("mood"))
	assert.True(t, errors.Is(err, ErrEnumNeedsModel))

	enums := func(schema, name string) ([]string, bool) { return []string{"a", "it's", `back\slash`}, true }
	got, err = typeSQL(metadata.EnumType("mood"), "", enums)
	require.NoError(t, err)
	assert.Equal(t, `enum('a','it''s','back\\slash')`, got)
	back, values := canonicalType(got)
	assert.Equal(t, metadata.EnumKind, back.Kind)
	assert.Equal(t, []string{"a", "it's", `back\slash`}, values)
}

// TestCanonicalType reads server spellings of COLUMN_TYPE.
func TestCanonicalType(t *testing.T) {
	cases := map[string]string{
		"int(11)":                  "integer",
		"int(10) unsigned":         "int unsigned",
		"int(5) unsigned zerofill": "int(5) unsigned zerofill",
		"bigint(20)":               "bigint",
		"tinyint(1)":               "boolean",
		"tinyint(4)":               "tinyint",
		"tinyint(1) unsigned":      "tinyint(1) unsigned",
		"tinyint(3) unsigned":      "tinyint unsigned",
		"int(11) unsigned":         "int(11) unsigned",
		"int(5)":                   "int(5)",
		"mediumint(9)":             "mediumint",
		"bigint(20) unsigned":      "bigint unsigned",
		"smallint(6)":              "smallint",
		"decimal(10,0)":            "numeric(10)",
		"decimal(12,2) unsigned":   "decimal(12,2) unsigned",
		"float":                    "real",
		"float(7,4)":               "float(7,4)",
		"double":                   "double",
		"datetime":                 "datetime",
		"datetime(3)":              "datetime(3)",
		"datetime(6)":              "timestamp",
		"timestamp(6)":             "timestamp(6)",
		"time(6)":                  "time",
		"year(4)":                  "year",
		"longtext":                 "text",
		"text":                     "text",
		"tinyblob":                 "tinyblob",
		"binary(16)":               "binary(16)",
		"set('a','b')":             "set('a','b')",
		"point":                    "point",
		"uuid":                     "uuid",
		"inet6":                    "inet6",
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			got, _ := canonicalType(in)
			assert.Equal(t, want, got.String())
		})
	}
	ts, _ := canonicalType("timestamp")
	assert.Equal(t, metadata.Native, ts.Kind, "MySQL's TIMESTAMP is not the canonical timestamp (that is datetime(6))")
	// A canonical kind only where it renders back to the same column type:
	// TEXT is 64 KiB (text renders longtext), time(0) and datetime(3) keep
	// their precision (time and timestamp render time(6), datetime(6)).
	for in, kind := range map[string]metadata.Kind{
		"text": metadata.Native, "longtext": metadata.Text, "mediumtext": metadata.Native,
		"blob": metadata.Native, "longblob": metadata.Blob, "mediumblob": metadata.Native,
		"time": metadata.Native, "time(3)": metadata.Native, "time(6)": metadata.Time,
		"datetime": metadata.Native, "datetime(6)": metadata.Timestamp,
	} {
		got, _ := canonicalType(in)
		assert.Equal(t, kind, got.Kind, "%s", in)
		if kind != metadata.Native {
			sql, err := typeSQL(got, "", nil)
			assert.NoError(t, err)
			assert.Equal(t, in, sql, "%s renders back as itself", in)
		}
	}
}
