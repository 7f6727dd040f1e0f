package retorttest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/retortdb/retort/retorttest"
)

// In a test, retorttest.Run(t, opts) is the whole check. Verify is the
// same, returning the error: here a downgrade that forgets a table.
func ExampleVerify() {
	dir, _ := os.MkdirTemp("", "retorttest-example")
	defer os.RemoveAll(dir)
	schema := filepath.Join(dir, "schema.yaml")
	os.WriteFile(schema, []byte("tables:\n  - name: notes\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n"), 0o644)
	migrations := fstest.MapFS{"versions/0001_notes.yaml": {Data: []byte(`revision: "0001"
down_revision: null
upgrade:
  - create_table: {name: notes, columns: [{name: id, type: bigint, primary_key: true}]}
downgrade: []
`)}}
	err := retorttest.Verify(context.Background(), retorttest.Options{
		URL:        "sqlite:///" + filepath.ToSlash(filepath.Join(dir, "test.db")),
		Schema:     schema,
		Migrations: migrations,
	})
	fmt.Println(err)
	// Output:
	// downgrade to base left table notes behind: a revision's downgrade does not undo its upgrade
}
