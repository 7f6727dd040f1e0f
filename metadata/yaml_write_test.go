package metadata

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// roundTrip writes m, checks the text against want (when given), reads it
// back and checks the model is unchanged.
func roundTrip(t *testing.T, m *MetaData, want string) {
	t.Helper()
	require.NoError(t, m.ApplyNamingConvention())
	data, err := Write(m)
	require.NoError(t, err)
	if want != "" {
		require.Equal(t, strings.TrimPrefix(want, "\n"), string(data))
	}
	back, err := Read("written.yaml", data)
	require.NoError(t, err, "written:\n%s", data)
	require.Equal(t, m, back, "written:\n%s", data)
}

// TestWriteAwkwardNames checks that names YAML or SQL would trip over come
// back exactly.
func TestWriteAwkwardNames(t *testing.T) {
	t.Parallel()
	names := []string{"user", "order", "group", "select", "MixedCase", "with space", "it's", `say "hi"`,
		"café", "日本", "1", "1.5", "true", "null", "~", "yes", "no", "on", "- dash", "a: b", "a #b", "#x", "[x]",
		"{x}", "a,b", "*star", "&amp", "!bang", "%pct", "@at", "`tick", " padded ", "tab\there", "a.b", "0x1F", "-1", ".inf",
		"two\nlines", "trailing\n", " lead\n space", "crlf\r\n", "nel\u0085", "bell\a", "ëmoji 🎉"}
	m := New()
	for i, name := range names {
		tab := m.AddTable(NewTable(name, &Column{Name: "id", Type: BigIntType}, NewColumn(name, TextType)))
		tab.Comment = name + "\nsecond line of a block"
		tab.SetPrimaryKey("id")
		tab.Columns[1].Comment = name + "\nsecond line"
		tab.Columns[1].Default = "'" + strings.ReplaceAll(name, "'", "''") + "'"
		tab.AddIndex(name)
		tab.AddCheck(name, name+" <> ''")
		if i > 0 {
			tab.AddColumn(NewColumn("ref", BigIntType))
			tab.AddForeignKey([]string{"ref"}, names[i-1], []string{"id"})
		}
	}
	m.AddEnum("mood", names...)
	roundTrip(t, m, "")
}

func TestWriteShorthands(t *testing.T) {
	t.Parallel()
	m := New()
	m.AddTable(NewTable("a", &Column{Name: "id", Type: IntegerType}, &Column{Name: "k", Type: TextType})).SetPrimaryKey("id", "k")
	b := m.AddTable(NewTable("b",
		&Column{Name: "id", Type: IntegerType},
		NewColumn("a_id", IntegerType),
		NewColumn("a_k", TextType),
		NewColumn("x", IntegerType),
		NewColumn("y", IntegerType),
	))
	b.PrimaryKey = &PrimaryKey{Name: "b_pkey", Columns: []string{"id"}}
	b.Columns[0].Nullable = false
	b.AddForeignKey([]string{"a_id", "a_k"}, "a", []string{"id", "k"})
	b.AddForeignKey([]string{"x"}, "b", []string{"id"}) // after a long one: must stay long
	b.AddUnique("y")                                    // "y" is quoted: YAML 1.1 reads y as true
	b.AddUnique("x").Name = "x_is_unique"
	b.AddIndex("y")
	b.AddIndex("x") // columns out of order after y: long form
	b.AddIndex("a_id", "a_k")
	roundTrip(t, m, `
tables:
  - name: a
    columns:
      - {name: id, type: integer}
      - {name: k, type: text}
    primary_key: {columns: [id, k]}
  - name: b
    columns:
      - {name: id, type: integer}
      - {name: a_id, type: integer}
      - {name: a_k, type: text}
      - {name: x, type: integer}
      - {name: "y", type: integer, unique: true, index: true}
    indexes:
      - {columns: [x]}
      - {columns: [a_id, a_k]}
    unique:
      - {name: x_is_unique, columns: [x]}
    foreign_keys:
      - {columns: [a_id, a_k], ref_table: a, ref_columns: [id, k]}
      - {columns: [x], ref_table: b, ref_columns: [id]}
    primary_key: {name: b_pkey, columns: [id]}
`)
}

// TestDefaultsAsWritten checks that a default is the scalar's text as
// written, and is written back the same way.
func TestDefaultsAsWritten(t *testing.T) {
	t.Parallel()
	cases := []struct{ yaml, model, written string }{
		{`0`, "0", `0`},
		{`-1.5`, "-1.5", `-1.5`},
		{`false`, "false", `false`},
		{`"false"`, "false", `false`},
		{`"'ok'"`, "'ok'", `"'ok'"`},
		{`'''ok'''`, "'ok'", `"'ok'"`},
		{`CURRENT_TIMESTAMP`, "CURRENT_TIMESTAMP", `CURRENT_TIMESTAMP`},
		{`now()`, "now()", `now()`},
		{`null`, "", ``},
		{`"null"`, "null", `"null"`},
		{`'{}'`, "{}", `'{}'`},
		{`"'a, b'"`, "'a, b'", `"'a, b'"`},
	}
	for _, tc := range cases {
		t.Run(tc.yaml, func(t *testing.T) {
			m, err := Read("s.yaml", []byte("tables: [{name: t, columns: [{name: c, type: text, default: "+tc.yaml+"}]}]"))
			require.NoError(t, err)
			require.Equal(t, tc.model, m.Tables[0].Columns[0].Default)
			data, err := Write(m)
			require.NoError(t, err)
			line := "      - {name: c, type: text}\n"
			if tc.written != "" {
				line = "      - {name: c, type: text, default: " + tc.written + "}\n"
			}
			require.Equal(t, "tables:\n  - name: t\n    columns:\n"+line, string(data))
		})
	}
}

func TestNamingConventionRoundTrip(t *testing.T) {
	t.Parallel()
	const table = "tables:\n  - name: t\n    columns:\n      - {name: c, type: text, unique: true}\n"
	cases := []struct {
		name, in, out string
		want          NamingConvention
		unique        string
	}{
		{name: "none", in: table, out: table, want: nil, unique: "uq_t_c"},
		{name: "default spelled out", in: "naming_convention: {ix: 'ix_%(column_0_label)s', uq: 'uq_%(table_name)s_%(column_0_name)s', " +
			"fk: 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s', pk: 'pk_%(table_name)s'}\n" + table,
			out: table, want: nil, unique: "uq_t_c"},
		{name: "empty", in: "naming_convention: {}\n" + table,
			out:  "naming_convention: {}\n" + table,
			want: NamingConvention{}, unique: ""},
		{name: "own", in: "naming_convention:\n  uq: '%(table_name)s_%(column_0_name)s_key'\n" + table,
			out:  "naming_convention:\n  uq: '%(table_name)s_%(column_0_name)s_key'\n" + table,
			want: NamingConvention{KindUnique: "%(table_name)s_%(column_0_name)s_key"}, unique: "t_c_key"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m, err := Read("s.yaml", []byte(tc.in))
			require.NoError(t, err)
			require.Equal(t, tc.want, m.NamingConvention)
			require.Equal(t, tc.unique, m.Tables[0].Uniques[0].Name)
			data, err := Write(m)
			require.NoError(t, err)
			require.Equal(t, tc.out, string(data))
			back, err := Read("s.yaml", data)
			require.NoError(t, err)
			require.Equal(t, m, back)
		})
	}
}

func TestReadJSON(t *testing.T) {
	t.Parallel()
	m, err := Read("s.json", []byte(`{"enums": {"mood": ["a", "b"]}, "tables": [{"name": "t", "columns": [
		{"name": "id", "type": "bigint", "nullable": false, "default": "0"},
		{"name": "m", "type": "enum(mood)", "default": null}], "primary_key": {"columns": ["id"]}}]}`))
	require.NoError(t, err)
	require.Equal(t, "0", m.Tables[0].Columns[0].Default)
	require.Equal(t, "pk_t", m.Tables[0].PrimaryKey.Name)
	data, err := WriteJSON(m)
	require.NoError(t, err)
	require.NotContains(t, string(data), `"primary_key": true`, "no shorthands in JSON")
	back, err := Read("s.json", data)
	require.NoError(t, err)
	require.Equal(t, m, back)
}

func TestWriteRefusesInvalidUTF8(t *testing.T) {
	t.Parallel()
	m := New()
	m.AddTable(NewTable("bad\xff", NewColumn("c", TextType)))
	_, err := Write(m)
	require.ErrorContains(t, err, "not valid UTF-8")
}
