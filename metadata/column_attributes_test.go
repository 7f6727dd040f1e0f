package metadata_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
)

// TestColumnAttributesRoundTrip writes a column's PostgreSQL attributes
// (storage, compression, statistics target, options) as one attributes:
// mapping and reads them back unchanged; a column without them writes no
// attributes: key.
func TestColumnAttributesRoundTrip(t *testing.T) {
	zero := 0
	cases := []struct {
		name  string
		attrs metadata.ColumnAttributes
		want  string
	}{
		{"all", metadata.ColumnAttributes{Storage: "external", Compression: "pglz", Statistics: &zero,
			Options: []string{"n_distinct=-0.5", "n_distinct_inherited=100"}},
			"attributes: {storage: external, compression: pglz, statistics: 0, options: [n_distinct=-0.5, n_distinct_inherited=100]}"},
		{"options only", metadata.ColumnAttributes{Options: []string{"n_distinct=-0.02"}}, "attributes: {options: [n_distinct=-0.02]}"},
		{"none", metadata.ColumnAttributes{}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := metadata.NewColumn("body", metadata.Type{Kind: metadata.Text})
			c.Attributes = tc.attrs
			m := &metadata.MetaData{Tables: []*metadata.Table{metadata.NewTable("t", c)}}
			out, err := metadata.Write(m)
			require.NoError(t, err)
			if tc.want == "" {
				assert.NotContains(t, string(out), "attributes")
			} else {
				assert.Contains(t, string(out), tc.want)
			}
			back, err := metadata.Read("schema.yaml", out)
			require.NoError(t, err)
			got := back.Tables[0].Columns[0].Attributes
			assert.True(t, got.Equal(tc.attrs), "read back %+v, want %+v", got, tc.attrs)
		})
	}
}

// TestColumnAttributesInvalid: a value PostgreSQL has no spelling for is
// refused when the schema is read, with what to write instead.
func TestColumnAttributesInvalid(t *testing.T) {
	cases := []struct{ name, attrs, want string }{
		{"storage", "{storage: compressed}", `storage "compressed" is not one of plain, external, extended, main`},
		{"compression", "{compression: zstd}", `compression "zstd" is not one of pglz, lz4`},
		{"statistics", "{statistics: 20000}", "statistics 20000 is not between 0 and 10000"},
		{"statistics not a number", "{statistics: many}", "statistics must be a whole number"},
		{"option", "{options: [n_distinct]}", `option "n_distinct" is not name=value`},
		{"option twice", "{options: [n_distinct=1, n_distinct=2]}", "option n_distinct is given twice"},
		{"unknown key", "{stats: 1}", `unknown key "stats"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := "tables:\n  - name: t\n    columns:\n      - {name: a, type: text, attributes: " + tc.attrs + "}\n"
			_, err := metadata.Read("schema.yaml", []byte(doc))
			require.Error(t, err)
			assert.True(t, strings.Contains(err.Error(), tc.want), "error %q lacks %q", err, tc.want)
		})
	}
}
