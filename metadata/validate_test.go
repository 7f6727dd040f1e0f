package metadata

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestValidateGoModel checks Validate on a model built in Go: every
// problem is reported with the path of its element and a message that
// names the table and column.
func TestValidateGoModel(t *testing.T) {
	t.Parallel()
	m := New()
	users := m.AddTable(NewTable("users", &Column{Name: "id", Type: BigIntType}, NewColumn("email", VarcharType(0))))
	users.SetPrimaryKey("id")
	posts := m.AddTable(NewTable("posts", &Column{Name: "id", Type: IntegerType}, NewColumn("mood", EnumType("mood"))))
	posts.SetPrimaryKey("id")
	posts.AddForeignKey([]string{"id"}, "users", []string{"id"}).OnDelete = "CASCADE"
	posts.PrimaryKey.Name = "dup"
	posts.AddCheck("dup", "id > 0")

	err := m.Validate()
	var list ErrorList
	require.True(t, errors.As(err, &list))
	type problem struct {
		Path Path
		Msg  string
	}
	var got []problem
	for _, e := range list {
		require.Zero(t, e.Line, "a model built in Go has no positions")
		require.Equal(t, e.Msg, e.Error())
		got = append(got, problem{e.Path, e.Msg})
	}
	require.Equal(t, []problem{
		{"tables[0].columns[1].type", `table "users", column "email": type "varchar(0)": length "0" must be a positive whole number`},
		{"tables[1].columns[1].type", `table "posts", column "mood": enum "mood" is not declared; declare it under enums:`},
		{"tables[1].foreign_keys[0].on_delete", `table "posts": foreign key (unnamed): unknown on_delete action "CASCADE"; use one of no action, restrict, cascade, set null, set default (did you mean "cascade"?)`},
		{"tables[1].foreign_keys[0].columns[0]", `table "posts": foreign key (unnamed): column "id" is integer but the column "id" it references in table "users" is bigint; give both the same type`},
		{"tables[1].checks[0].name", `table "posts": name "dup" is used twice (primary key, check); the names of a table's constraints, and those of its keys and indexes, must differ, so rename one`},
	}, got)

	var one *Error
	require.True(t, errors.As(err, &one))
	require.Equal(t, list[0], one)
}

func TestValidateAcceptsUnnamed(t *testing.T) {
	t.Parallel()
	m := New()
	tab := m.AddTable(NewTable("t", &Column{Name: "id", Type: BigIntType}, NewColumn("a", TextType)))
	tab.SetPrimaryKey("id")
	tab.AddUnique("a")
	tab.AddIndex("a")
	tab.AddCheck("", "a <> ''")
	require.NoError(t, m.Validate())
}

func TestErrorFormat(t *testing.T) {
	t.Parallel()
	cases := []struct {
		err  Error
		want string
	}{
		{Error{File: "s.yaml", Line: 3, Column: 7, Msg: "bad"}, "s.yaml:3:7: bad"},
		{Error{File: "s.yaml", Line: 3, Msg: "bad"}, "s.yaml:3: bad"},
		{Error{File: "s.yaml", Msg: "bad"}, "s.yaml: bad"},
		{Error{Path: "tables[0]", Msg: "bad"}, "bad"},
	}
	for _, tc := range cases {
		require.Equal(t, tc.want, tc.err.Error())
	}
	l := ErrorList{{File: "a", Msg: "no position"}, {File: "a", Line: 9, Column: 1, Msg: "late"}, {File: "a", Line: 2, Column: 5, Msg: "early"}}
	l.Sort()
	require.Equal(t, "a:2:5: early\na:9:1: late\na: no position", l.Error())
	require.Nil(t, ErrorList(nil).Err())
}

func TestPath(t *testing.T) {
	t.Parallel()
	p := Path("tables").Index(2).Field("columns").Index(0).Field("type")
	require.Equal(t, Path("tables[2].columns[0].type"), p)
	require.Equal(t, Path("tables[2].columns[0]"), p.Parent())
	require.Equal(t, Path("tables[2].columns"), p.Parent().Parent())
	require.Equal(t, Path(""), Path("tables").Parent())
}
