package autogen_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// TestRenderGolden renders one revision with a change of most kinds and a
// warning, against testdata/revision.golden.yaml (-update rewrites it):
// the file is readable and stable, and it parses back to the same ops.
func TestRenderGolden(t *testing.T) {
	base := readSchema(t, baseSchema)
	target := base.Clone()
	users := target.Table("", "users")
	users.Column("name").Name = "full_name"
	users.Column("score").Default = "1"
	users.Indexes = nil
	target.Enum("", "mood").Values = append(target.Enum("", "mood").Values, "ok")
	posts := target.Table("", "posts")
	posts.AddForeignKey([]string{"editor_id"}, "users", []string{"id"}).Name = "fk_posts_editor"
	target.RemoveTable("", "pairs")
	tags := metadata.NewTable("tags", &metadata.Column{Name: "id", Type: metadata.IntegerType})
	tags.PrimaryKey = &metadata.PrimaryKey{Name: "pk_tags", Columns: []string{"id"}}
	target.AddTable(tags)

	res, err := autogen.Compare(target, base, postgres.Postgres{}, autogen.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := &versions.Revision{ID: "3f2a9c1b7d4e", DownRevisions: []string{"9c1e0a7f3b22"}, Message: "golden",
		Created: time.Date(2026, 11, 23, 21, 40, 0, 0, time.UTC), Transactional: true}
	if err := autogen.Fill(r, res); err != nil {
		t.Fatal(err)
	}
	got, err := autogen.Render(r, res.Warnings)
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "revision.golden.yaml")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if string(got) != string(want) {
		t.Errorf("rendered revision differs from %s:\n%s", golden, got)
	}
	back, err := versions.Parse(golden, got)
	if err != nil {
		t.Fatal(err)
	}
	if describe(back.Upgrade) != describe(r.Upgrade) || describe(back.Downgrade) != describe(r.Downgrade) {
		t.Error("the rendered revision reads back differently")
	}
	state := base.Clone()
	if err := ops.ApplyAll(state, back.Upgrade); err != nil {
		t.Fatalf("upgrade does not fold: %v", err)
	}
	if err := ops.ApplyAll(state, back.Downgrade); err != nil {
		t.Fatalf("downgrade does not fold: %v", err)
	}
}
