package autogen_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// baseSchema is the current schema every change case starts from.
const baseSchema = `
enums:
  mood: [happy, sad]
tables:
  - name: users
    comment: people
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: email, type: varchar(100), nullable: false}
      - {name: name, type: varchar(50)}
      - {name: mood, type: enum(mood)}
      - {name: score, type: integer, default: "0"}
    indexes: [{name: ix_users_name, columns: [name]}]
    unique: [{name: uq_users_email, columns: [email]}]
    checks: [{name: ck_users_score, expression: "score >= 0"}]
  - name: posts
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: user_id, type: bigint, nullable: false}
      - {name: editor_id, type: bigint}
      - {name: title, type: varchar(200)}
    foreign_keys: [{name: fk_posts_user, columns: [user_id], ref_table: users, ref_columns: [id]}]
  - name: pairs
    columns:
      - {name: a, type: integer, nullable: false}
      - {name: b, type: integer, nullable: false}
    primary_key: {name: pk_pairs, columns: [a]}
`

func readSchema(t *testing.T, yaml string) *metadata.MetaData {
	t.Helper()
	m, err := metadata.Read("schema.yaml", []byte(yaml))
	if err != nil {
		t.Fatalf("schema: %v", err)
	}
	return m
}

// changeCase is one kind of change: a mutation of the base schema and the
// changes Compare must report (Describe lines), per database where they
// differ.
type changeCase struct {
	name     string
	base     func(m *metadata.MetaData) // changes the base schema first, if set
	mutate   func(m *metadata.MetaData)
	want     []string
	per      map[string][]string // dialect -> want, where it differs
	warnings []string
}

func changeCases() []changeCase {
	tbl := func(m *metadata.MetaData, name string) *metadata.Table { return m.Table("", name) }
	return []changeCase{
		{name: "add table", mutate: func(m *metadata.MetaData) {
			tb := metadata.NewTable("tags", &metadata.Column{Name: "id", Type: metadata.IntegerType},
				metadata.NewColumn("label", metadata.VarcharType(20)))
			tb.PrimaryKey = &metadata.PrimaryKey{Name: "pk_tags", Columns: []string{"id"}}
			m.AddTable(tb)
		}, want: []string{"Detected added table 'tags'"}},
		{name: "drop table", mutate: func(m *metadata.MetaData) { m.RemoveTable("", "posts") },
			want: []string{"Detected removed table 'posts'"}},
		{name: "add column", mutate: func(m *metadata.MetaData) {
			tbl(m, "users").AddColumn(metadata.NewColumn("age", metadata.IntegerType))
		}, want: []string{"Detected added column 'users.age'"}},
		{name: "drop column", mutate: func(m *metadata.MetaData) { tbl(m, "posts").RemoveColumn("title") },
			want: []string{"Detected removed column 'posts.title'"}},
		{name: "alter type", mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").Column("title").Type = metadata.VarcharType(300)
		}, want: []string{"Detected type change from varchar(200) to varchar(300) on 'posts.title'"}},
		{name: "alter nullable", mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").Column("title").Nullable = false
		}, want: []string{"Detected NOT NULL on 'posts.title'"}},
		{name: "alter default", mutate: func(m *metadata.MetaData) {
			tbl(m, "users").Column("score").Default = "1"
		}, want: []string{"Detected server default change on 'users.score'"}},
		{name: "alter comment", mutate: func(m *metadata.MetaData) {
			tbl(m, "users").Column("email").Comment = "where we write"
		}, want: []string{"Detected column comment change on 'users.email'"}, per: map[string][]string{dbtest.DialectSQLite: nil}},
		{name: "table comment", mutate: func(m *metadata.MetaData) { tbl(m, "users").Comment = "everyone" },
			want: []string{"Detected changed comment on table 'users'"}, per: map[string][]string{dbtest.DialectSQLite: nil}},
		{name: "primary key", mutate: func(m *metadata.MetaData) {
			tbl(m, "pairs").PrimaryKey.Columns = []string{"a", "b"}
		}, want: []string{"Detected removed primary key constraint 'pk_pairs' on 'pairs'", "Detected added primary key (a, b) on 'pairs'"},
			per: map[string][]string{dbtest.DialectMySQL: {"Detected removed primary key constraint 'PRIMARY' on 'pairs'", "Detected added primary key (a, b) on 'pairs'"}}},
		{name: "add index", mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").Indexes = []*metadata.Index{{Name: "ix_posts_title", Columns: []string{"title"}}}
		}, want: []string{"Detected added index 'ix_posts_title' on 'posts'"}},
		{name: "drop index", mutate: func(m *metadata.MetaData) { tbl(m, "users").Indexes = nil },
			want: []string{"Detected removed index 'ix_users_name' on 'users'"}},
		{name: "change index", mutate: func(m *metadata.MetaData) {
			tbl(m, "users").Indexes[0].Columns = []string{"name", "score"}
		}, want: []string{"Detected removed index 'ix_users_name' on 'users'", "Detected added index 'ix_users_name' on 'users'"}},
		{name: "add unique", mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").Uniques = []*metadata.Unique{{Name: "uq_posts_title", Columns: []string{"title"}}}
		}, want: []string{"Detected added unique constraint 'uq_posts_title' on 'posts'"}},
		{name: "drop unique", mutate: func(m *metadata.MetaData) { tbl(m, "users").Uniques = nil },
			want: []string{"Detected removed unique constraint 'uq_users_email' on 'users'"}},
		{name: "add foreign key", mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").AddForeignKey([]string{"editor_id"}, "users", []string{"id"}).Name = "fk_posts_editor"
		}, want: []string{"Detected added foreign key 'fk_posts_editor' on 'posts'"}},
		{name: "drop foreign key", mutate: func(m *metadata.MetaData) { tbl(m, "posts").ForeignKeys = nil },
			want: []string{"Detected removed foreign key constraint 'fk_posts_user' on 'posts'"}},
		{name: "change foreign key", mutate: func(m *metadata.MetaData) { tbl(m, "posts").ForeignKeys[0].OnDelete = metadata.Cascade },
			want: []string{"Detected removed foreign key constraint 'fk_posts_user' on 'posts'", "Detected added foreign key 'fk_posts_user' on 'posts'"}},
		{name: "add check", mutate: func(m *metadata.MetaData) { tbl(m, "posts").AddCheck("ck_posts_title", "title <> ''") },
			want: []string{"Detected added check constraint 'ck_posts_title' on 'posts'"}},
		{name: "drop check", mutate: func(m *metadata.MetaData) { tbl(m, "users").Checks = nil },
			want: []string{"Detected removed check constraint 'ck_users_score' on 'users'"}},
		{name: "enum value", mutate: func(m *metadata.MetaData) { m.Enum("", "mood").Values = []string{"meh", "happy", "sad", "ok"} },
			want: []string{"Detected added value 'meh' of enum 'mood'", "Detected added value 'ok' of enum 'mood'"},
			per:  map[string][]string{dbtest.DialectMySQL: {"Detected added value 'meh' of enum 'users_mood'", "Detected added value 'ok' of enum 'users_mood'"}}},
		{name: "enum created and dropped", mutate: func(m *metadata.MetaData) {
			m.AddEnum("size", "s", "m", "l")
			tbl(m, "posts").AddColumn(metadata.NewColumn("size", metadata.Type{Kind: metadata.EnumKind, EnumName: "size"}))
			tbl(m, "users").RemoveColumn("mood")
			m.RemoveEnum("", "mood")
		}, want: []string{"Detected added enum 'size'", "Detected added column 'posts.size'", "Detected removed column 'users.mood'", "Detected removed enum 'mood'"},
			per: map[string][]string{dbtest.DialectMySQL: {"Detected added enum 'posts_size'", "Detected added column 'posts.size'", "Detected removed column 'users.mood'", "Detected removed enum 'users_mood'"}}},
		{name: "foreign key cycle", mutate: func(m *metadata.MetaData) {
			a := metadata.NewTable("ring_a", &metadata.Column{Name: "id", Type: metadata.IntegerType}, metadata.NewColumn("b_id", metadata.IntegerType))
			a.PrimaryKey = &metadata.PrimaryKey{Name: "pk_ring_a", Columns: []string{"id"}}
			a.AddForeignKey([]string{"b_id"}, "ring_b", []string{"id"}).Name = "fk_ring_a_b"
			b := metadata.NewTable("ring_b", &metadata.Column{Name: "id", Type: metadata.IntegerType}, metadata.NewColumn("a_id", metadata.IntegerType))
			b.PrimaryKey = &metadata.PrimaryKey{Name: "pk_ring_b", Columns: []string{"id"}}
			b.AddForeignKey([]string{"a_id"}, "ring_a", []string{"id"}).Name = "fk_ring_b_a"
			m.AddTable(a)
			m.AddTable(b)
		}, want: []string{"Detected added table 'ring_a'", "Detected added table 'ring_b'", "Detected added foreign key 'fk_ring_a_b' on 'ring_a'"},
			// SQLite takes the forward reference in CREATE TABLE.
			per: map[string][]string{dbtest.DialectSQLite: {"Detected added table 'ring_a'", "Detected added table 'ring_b'"}}},
		{name: "new table refers to a new unique", mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").Uniques = []*metadata.Unique{{Name: "uq_posts_title", Columns: []string{"title"}}}
			m.AddTable(linksTable())
		}, want: []string{"Detected added unique constraint 'uq_posts_title' on 'posts'", "Detected added table 'links'"}},
		{name: "dropped table referred to a dropped unique", base: func(m *metadata.MetaData) {
			tbl(m, "posts").Uniques = []*metadata.Unique{{Name: "uq_posts_title", Columns: []string{"title"}}}
			m.AddTable(linksTable())
		}, mutate: func(m *metadata.MetaData) {
			tbl(m, "posts").Uniques = nil
			m.RemoveTable("", "links")
		}, want: []string{"Detected removed table 'links'", "Detected removed unique constraint 'uq_posts_title' on 'posts'"}},
		{name: "rename looks like drop and add", mutate: func(m *metadata.MetaData) {
			tb := tbl(m, "posts")
			tb.Column("title").Name = "headline"
		}, want: []string{"Detected added column 'posts.headline'", "Detected removed column 'posts.title'"},
			warnings: []string{"posts.headline looks like a rename of title to headline; edit the revision to use alter_column new_name"}},
	}
}

// TestChangeKinds is must-show 2: each change kind on each database gives
// exactly the expected ops; the upgrade applies and the database then
// reflects as the target (and compares clean), and the downgrade brings
// back the original.
func TestChangeKinds(t *testing.T) {
	eachBed(t, func(t *testing.T, b bed) {
		for _, tc := range changeCases() {
			t.Run(strings.ReplaceAll(tc.name, " ", "_"), func(t *testing.T) {
				t.Parallel()
				runChange(t, b, tc)
			})
		}
	})
}

func runChange(t *testing.T, b bed, tc changeCase) {
	db := dbtest.Open(t, b.name)
	start := readSchema(t, baseSchema)
	if tc.base != nil {
		tc.base(start)
	}
	base, schemas := create(t, b, db, start)
	target := base.Clone()
	tc.mutate(target)
	current := inspect(t, b, db, schemas)
	res := compare(t, b, target, current)
	want := tc.want
	if w, ok := tc.per[b.name]; ok {
		want = w
	}
	var got []string
	for _, o := range res.Ops {
		got = append(got, autogen.Describe(o))
	}
	if !slices.Equal(got, want) {
		t.Fatalf("changes:\n got %q\nwant %q\nops:\n%s", got, want, describe(res.Ops))
	}
	if !slices.Equal(res.Warnings, tc.warnings) {
		t.Errorf("warnings: got %q, want %q", res.Warnings, tc.warnings)
	}
	down, err := autogen.Downgrade(res.Ops)
	if err != nil {
		t.Fatal(err)
	}
	dialecttest.PlanAndExec(t, b.d, db.DB, current, res.Ops...)
	after := inspect(t, b, db, schemas)
	if !dialecttest.AssertSchema(t, b.d, target, after) {
		t.Fatalf("upgrade:\n%s", describe(res.Ops))
	}
	if again := compare(t, b, target, after); len(again.Ops) > 0 {
		t.Errorf("not clean after the upgrade:\n%s", describe(again.Ops))
	}
	dialecttest.PlanAndExec(t, b.d, db.DB, after, down...)
	// A dropped column comes back last: column order is not a change.
	if !dialecttest.AssertSchema(t, b.d, base, columnsInOrderOf(base, inspect(t, b, db, schemas))) {
		t.Fatalf("downgrade:\n%s", describe(down))
	}
}

// columnsInOrderOf returns got with each table's columns in want's order
// (columns want does not have last).
func columnsInOrderOf(want, got *metadata.MetaData) *metadata.MetaData {
	got = got.Clone()
	for _, tb := range got.Tables {
		w := want.Table(tb.Schema, tb.Name)
		if w == nil {
			continue
		}
		slices.SortStableFunc(tb.Columns, func(a, b *metadata.Column) int {
			ia, ib := w.ColumnIndex(a.Name), w.ColumnIndex(b.Name)
			if ia < 0 {
				ia = len(w.Columns)
			}
			if ib < 0 {
				ib = len(w.Columns)
			}
			return ia - ib
		})
	}
	return got
}

// linksTable refers to posts.title, which needs a unique constraint.
func linksTable() *metadata.Table {
	t := metadata.NewTable("links", &metadata.Column{Name: "id", Type: metadata.IntegerType},
		metadata.NewColumn("title", metadata.VarcharType(200)))
	t.PrimaryKey = &metadata.PrimaryKey{Name: "pk_links", Columns: []string{"id"}}
	t.AddForeignKey([]string{"title"}, "posts", []string{"title"}).Name = "fk_links_title"
	return t
}
