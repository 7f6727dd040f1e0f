package metadata

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestParseType(t *testing.T) {
	tests := []struct {
		text string
		want Type
	}{
		{"bigint", BigIntType},
		{"BIGINT", BigIntType},
		{"int", IntegerType},
		{"int8", BigIntType},
		{"bool", BooleanType},
		{"double precision", DoubleType},
		{"varchar(320)", VarcharType(320)},
		{"character varying(20)", VarcharType(20)},
		{"char(2)", CharType(2)},
		{"varbinary(16)", VarBinaryType(16)},
		{"numeric", NumericType(0, 0)},
		{"numeric(10)", NumericType(10, 0)},
		{"numeric(10, 2)", NumericType(10, 2)},
		{"decimal(12,4)", NumericType(12, 4)},
		{"timestamp with time zone", TimestampTZType},
		{"timestamptz", TimestampTZType},
		{"enum(Mood)", EnumType("Mood")},
		{"inet", NativeType("inet")},
		{"int[]", NativeType("int[]")},
		{"text[][]", NativeType("text[][]")},
		{"numeric(10,2)[]", NativeType("numeric(10,2)[]")},
		{"tsvector", NativeType("tsvector")},
		{"mediumtext", NativeType("mediumtext")},
		{"tinyint unsigned", NativeType("tinyint unsigned")},
		{"bigint unsigned", NativeType("bigint unsigned")},
		{"int unsigned", NativeType("int unsigned")},
		{"int(10) unsigned zerofill", NativeType("int(10) unsigned zerofill")},
		{"timestamp(3) with time zone", NativeType("timestamp(3) with time zone")},
		{"enum('a','b')", NativeType("enum('a','b')")},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseType(tc.text)
			require.NoError(t, err)
			require.Equal(t, tc.want, got)
		})
	}
}

func TestParseTypeErrors(t *testing.T) {
	tests := []struct {
		text, want string
	}{
		{"integr", `type "integr": unknown type; use a type of the vocabulary, a native type of your database, or native: to force one (did you mean "integer"?)`},
		{"varchar(twenty)", `type "varchar(twenty)": length "twenty" must be a positive whole number`},
		{"varchar", `type "varchar": varchar needs one length, as in varchar(255); use text (or blob) when there is no limit`},
		{"numeric(2,5)", `type "numeric(2,5)": numeric scale cannot exceed its precision`},
		{"numeric(1,2,3)", `type "numeric(1,2,3)": numeric takes at most precision and scale, as in numeric(10,2)`},
		{"boolean(1)", `type "boolean(1)": boolean takes no arguments`},
		{"varchar(10", `type "varchar(10": missing closing parenthesis`},
		{"", `type "": empty type`},
		{"bigint sideways", `type "bigint sideways": unknown type; use a type of the vocabulary, a native type of your database, or native: to force one`},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			_, err := ParseType(tc.text)
			require.EqualError(t, err, tc.want)
			var te *TypeError
			require.True(t, errors.As(err, &te))
		})
	}
}

func TestTypeStringRoundTrip(t *testing.T) {
	for _, text := range []string{"bigint", "varchar(320)", "numeric(10,2)", "numeric(10)", "numeric",
		"enum(mood)", "inet", "tinyint unsigned", "timestamptz", "varbinary(16)"} {
		typ, err := ParseType(text)
		require.NoError(t, err, text)
		require.Equal(t, text, typ.String())
		back, err := ParseType(typ.String())
		require.NoError(t, err)
		require.True(t, typ.Equal(back), text)
	}
}
