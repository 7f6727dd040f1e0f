package metadata

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestOrderClauses: the listed kinds first, in order, then the others in
// the writer's order; a kind without text is left out.
func TestOrderClauses(t *testing.T) {
	t.Parallel()
	text := map[string]string{ClauseNotNull: "NOT NULL", ClauseDefault: "DEFAULT 1", ClausePrimaryKey: "PRIMARY KEY"}
	cases := []struct {
		name  string
		order []string
		text  map[string]string
		want  []string
	}{
		{"none: the writer's order", nil, text, []string{"NOT NULL", "DEFAULT 1", "PRIMARY KEY"}},
		{"default first", []string{ClauseDefault, ClauseNotNull}, text, []string{"DEFAULT 1", "NOT NULL", "PRIMARY KEY"}},
		{"key first, the rest after", []string{ClausePrimaryKey}, text, []string{"PRIMARY KEY", "NOT NULL", "DEFAULT 1"}},
		{"listed without text", []string{ClauseDefault, ClauseNotNull}, map[string]string{ClauseNotNull: "NOT NULL"}, []string{"NOT NULL"}},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, OrderClauses(tc.order, tc.text), tc.name)
	}
}

// TestSQLiteSpellingsRoundTrip: unnamed keys and a clause order are
// written in schema.yaml and read back unchanged; an unnamed key still
// gets the convention's name.
func TestSQLiteSpellingsRoundTrip(t *testing.T) {
	t.Parallel()
	p := NewTable("p", &Column{Name: "id", Type: IntegerType, ClauseOrder: []string{ClausePrimaryKey, ClauseNotNull}})
	p.PrimaryKey = &PrimaryKey{Columns: []string{"id"}, Unnamed: true}
	c := NewTable("c", &Column{Name: "id", Type: IntegerType},
		&Column{Name: "flag", Type: IntegerType, Default: "1", ClauseOrder: []string{ClauseDefault, ClauseNotNull}},
		NewColumn("p", IntegerType))
	c.SetPrimaryKey("id")
	c.ForeignKeys = []*ForeignKey{{Columns: []string{"p"}, RefTable: "p", RefColumns: []string{"id"}, Unnamed: true}}
	m := New()
	m.AddTable(p)
	m.AddTable(c)
	roundTrip(t, m, `
tables:
  - name: p
    columns:
      - {name: id, type: integer, clause_order: [primary_key, not_null]}
    primary_key: {columns: [id], unnamed: true}
  - name: c
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: flag, type: integer, nullable: false, default: 1, clause_order: [default, not_null]}
      - {name: p, type: integer}
    foreign_keys:
      - {columns: [p], ref_table: p, ref_columns: [id], unnamed: true}
`)
	require.Equal(t, "fk_c_p_p", m.Table("", "c").ForeignKeys[0].Name)
	require.Equal(t, "pk_p", m.Table("", "p").PrimaryKey.Name)
}
