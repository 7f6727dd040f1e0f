package autogen_test

import (
	"slices"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/metadata"
)

// TestOptions checks the compare switches and the table filters without a
// database: both sides are models, as with --offline.
func TestOptions(t *testing.T) {
	base := readSchema(t, baseSchema)
	withVersion := base.Clone()
	vt := metadata.NewTable("migrate_version", &metadata.Column{Name: "version_num", Type: metadata.VarcharType(32)})
	vt.PrimaryKey = &metadata.PrimaryKey{Name: "migrate_version_pkc", Columns: []string{"version_num"}}
	withVersion.AddTable(vt)
	changed := base.Clone()
	users := changed.Table("", "users")
	users.Column("name").Type = metadata.VarcharType(80)
	users.Column("score").Default = "5"
	users.Column("email").Comment = "mail"
	users.Comment = "everyone"
	tests := []struct {
		name            string
		target, current *metadata.MetaData
		opts            autogen.Options
		want            []string
	}{
		{name: "version table never compared", target: base, current: withVersion},
		{name: "alembic_version never compared", target: base, current: withTable(base, "alembic_version")},
		{name: "other version table", target: base, current: withTable(base, "my_versions"), opts: autogen.Options{VersionTable: "my_versions"}},
		{name: "everything", target: changed, current: base, want: []string{
			"Detected column comment change on 'users.email'",
			"Detected type change from varchar(50) to varchar(80) on 'users.name'",
			"Detected server default change on 'users.score'",
			"Detected changed comment on table 'users'",
		}},
		{name: "types off", target: changed, current: base, opts: autogen.Options{IgnoreTypes: true}, want: []string{
			"Detected column comment change on 'users.email'",
			"Detected server default change on 'users.score'",
			"Detected changed comment on table 'users'",
		}},
		{name: "defaults and comments off", target: changed, current: base,
			opts: autogen.Options{IgnoreServerDefaults: true, IgnoreComments: true}, want: []string{
				"Detected type change from varchar(50) to varchar(80) on 'users.name'",
			}},
		{name: "include", target: withTable(base, "extra"), current: metadata.New(), opts: autogen.Options{Tables: []string{"ext*"}},
			want: []string{"Detected added table 'extra'"}},
		{name: "exclude", target: withTable(base, "extra"), current: base, opts: autogen.Options{ExcludeTables: []string{"extra"}}},
		{name: "nothing changed", target: base, current: base},
	}
	d := postgres.Postgres{}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := autogen.Compare(tc.target, tc.current, d, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, o := range res.Ops {
				got = append(got, autogen.Describe(o))
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q\nwant %q", got, tc.want)
			}
		})
	}
}

// TestWarnings checks the changes Compare cannot make safely or tell apart.
func TestWarnings(t *testing.T) {
	base := readSchema(t, baseSchema)
	notNull := base.Clone()
	notNull.Table("", "posts").AddColumn(&metadata.Column{Name: "slug", Type: metadata.VarcharType(20)})
	renamedTable := base.Clone()
	renamedTable.Table("", "pairs").Name = "couples"
	tests := []struct {
		name   string
		target *metadata.MetaData
		want   []string
	}{
		{"not null without default", notNull, []string{"posts.slug is added NOT NULL without a default: the upgrade fails if the table has rows; add a default, or add it nullable, fill it, then alter it"}},
		{"table rename", renamedTable, []string{"table couples looks like a rename of pairs; edit the revision to use rename_table"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := autogen.Compare(tc.target, base, postgres.Postgres{}, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(res.Warnings, tc.want) {
				t.Errorf("got %q\nwant %q", res.Warnings, tc.want)
			}
		})
	}
}

// withTable returns m with one more small table.
func withTable(m *metadata.MetaData, name string) *metadata.MetaData {
	m = m.Clone()
	t := metadata.NewTable(name, &metadata.Column{Name: "id", Type: metadata.IntegerType})
	t.PrimaryKey = &metadata.PrimaryKey{Name: "pk_" + name, Columns: []string{"id"}}
	m.AddTable(t)
	return m
}

// TestEnumValues checks where new values go: each next to one that exists
// when it runs, so that the ops apply in order.
func TestEnumValues(t *testing.T) {
	tests := []struct {
		name     string
		old, new []string
		want     string
		warn     bool
	}{
		{name: "append", old: []string{"a"}, new: []string{"a", "b", "c"},
			want: "- alter_enum_add_value: {name: e, value: b, after: a}\n- alter_enum_add_value: {name: e, value: c, after: b}\n"},
		{name: "prepend", old: []string{"c"}, new: []string{"a", "b", "c"},
			want: "- alter_enum_add_value: {name: e, value: b, before: c}\n- alter_enum_add_value: {name: e, value: a, before: b}\n"},
		{name: "middle", old: []string{"a", "c"}, new: []string{"a", "b", "c"},
			want: "- alter_enum_add_value: {name: e, value: b, after: a}\n"},
		{name: "removed value warns", old: []string{"a", "b"}, new: []string{"a"}, warn: true},
		{name: "reordered warns", old: []string{"a", "b"}, new: []string{"b", "a"}, warn: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cur, tgt := metadata.New(), metadata.New()
			cur.AddEnum("e", tc.old...)
			tgt.AddEnum("e", tc.new...)
			res, err := autogen.Compare(tgt, cur, postgres.Postgres{}, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if tc.warn {
				if len(res.Ops) != 0 || len(res.Warnings) != 1 {
					t.Errorf("want one warning and no op, got %q\n%s", res.Warnings, describe(res.Ops))
				}
				return
			}
			if got := describe(res.Ops); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
