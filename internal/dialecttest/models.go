package dialecttest

import "github.com/retortdb/retort/metadata"

// base is the starting model of most op cases: a parent table, a child
// with a foreign key to it, indexes, a unique and a check, and a table
// without a primary key.
func base() *metadata.MetaData {
	m := metadata.New()
	parent := metadata.NewTable("parent",
		&metadata.Column{Name: "id", Type: metadata.BigIntType, AutoIncrement: true},
		&metadata.Column{Name: "name", Type: metadata.VarcharType(100), Comment: "display name"},
		metadata.NewColumn("born", metadata.DateType))
	parent.Comment = "parents"
	parent.SetPrimaryKey("id")
	parent.AddUnique("name")
	m.AddTable(parent)

	child := metadata.NewTable("child",
		&metadata.Column{Name: "id", Type: metadata.IntegerType},
		metadata.NewColumn("parent_id", metadata.BigIntType),
		metadata.NewColumn("note", metadata.TextType),
		&metadata.Column{Name: "qty", Type: metadata.IntegerType, Default: "0"},
		metadata.NewColumn("price", metadata.NumericType(10, 2)),
		metadata.NewColumn("code", metadata.VarcharType(20)))
	child.SetPrimaryKey("id")
	child.AddForeignKey([]string{"parent_id"}, "parent", []string{"id"}).OnDelete = metadata.Cascade
	child.AddCheck("ck_child_qty", "qty >= 0")
	child.AddIndex("parent_id")
	child.AddIndex("code", "qty").Unique = true
	m.AddTable(child)

	loose := metadata.NewTable("loose",
		&metadata.Column{Name: "k", Type: metadata.IntegerType},
		metadata.NewColumn("v", metadata.VarcharType(50)),
		metadata.NewColumn("child_id", metadata.IntegerType))
	m.AddTable(loose)
	mustName(m)
	return m
}

// withEnum is base plus an enum used by a column of child.
func withEnum() *metadata.MetaData {
	m := base()
	m.AddEnum("mood", "happy", "sad", "ok")
	m.Table("", "child").AddColumn(&metadata.Column{Name: "mood", Type: metadata.EnumType("mood"), Nullable: true, Default: "'ok'"})
	return m
}

func mustName(m *metadata.MetaData) {
	if err := m.ApplyNamingConvention(); err != nil {
		panic(err)
	}
}

func ptr[T any](v T) *T { return &v }
