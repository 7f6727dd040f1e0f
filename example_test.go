package retort_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing/fstest"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
)

// exampleHistory is two revision files, as a service would embed them.
var exampleHistory = fstest.MapFS{
	"migrations/versions/0001_create_notes.yaml": {Data: []byte(`revision: "0001"
down_revision: null
message: create notes
upgrade:
  - create_table:
      name: notes
      columns:
        - {name: id, type: bigint, primary_key: true, autoincrement: true}
        - {name: body, type: text, nullable: false}
downgrade:
  - drop_table: {name: notes}
`)},
	"migrations/versions/0002_pin_notes.yaml": {Data: []byte(`revision: "0002"
down_revision: "0001"
message: pin notes
upgrade:
  - add_column:
      table: notes
      column: {name: pinned, type: boolean, nullable: false, default: "false"}
downgrade:
  - drop_column: {table: notes, column: pinned}
`)},
}

// openSQLite opens a SQLite file in dir, as a service opens its URL.
func openSQLite(dir string) (*sql.DB, dialect.Dialect, string) {
	url := "sqlite:///" + filepath.ToSlash(filepath.Join(dir, "app.db"))
	d, u, err := dialect.Open(url)
	if err != nil {
		panic(err)
	}
	name, dsn, err := d.Driver(u)
	if err != nil {
		panic(err)
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		panic(err)
	}
	return db, d, url
}

// A service upgrades its database on start. Migrations would be an
// embed.FS (//go:embed migrations/versions/*.yaml); any fs.FS works.
func ExampleNew() {
	dir, _ := os.MkdirTemp("", "retort-example")
	defer os.RemoveAll(dir)
	db, d, _ := openSQLite(dir)
	defer db.Close()

	r, err := retort.New(retort.Options{DB: db, Dialect: d, Migrations: exampleHistory, Directory: "migrations/versions"})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	if err := r.Upgrade(ctx, "head"); err != nil {
		fmt.Println(err)
		return
	}
	heads, _ := r.Current(ctx)
	fmt.Println("at", heads)

	if err := r.Downgrade(ctx, "-1"); err != nil {
		fmt.Println(err)
		return
	}
	heads, _ = r.Current(ctx)
	fmt.Println("at", heads)
	// Output:
	// at [0002]
	// at [0001]
}

// Events report a run as it goes, for a logger or a progress display.
func ExampleOptions_events() {
	dir, _ := os.MkdirTemp("", "retort-example")
	defer os.RemoveAll(dir)
	db, d, _ := openSQLite(dir)
	defer db.Close()

	r, _ := retort.New(retort.Options{DB: db, Dialect: d, Migrations: exampleHistory, Directory: "migrations/versions",
		Events: func(e retort.Event) {
			if e.Kind == retort.RevisionFinished {
				fmt.Println(e.Message)
			}
		}})
	if err := r.Upgrade(context.Background(), "head"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// upgrade base -> 0001, create notes
	// upgrade 0001 -> 0002, pin notes
}

// Check is migrate check: it fails when the database is not at head or
// does not match the target schema.
func ExampleCheck() {
	dir, _ := os.MkdirTemp("", "retort-example")
	defer os.RemoveAll(dir)
	db, d, url := openSQLite(dir)
	defer db.Close()
	schema := filepath.Join(dir, "schema.yaml")
	os.WriteFile(schema, []byte(`tables:
  - name: notes
    columns:
      - {name: id, type: bigint, primary_key: true, autoincrement: true}
      - {name: body, type: text, nullable: false}
      - {name: pinned, type: boolean, nullable: false, default: "false"}
      - {name: title, type: varchar(100)}
`), 0o644)
	opts := retort.DiffOptions{URL: url, Schema: schema, Migrations: exampleHistory, Directory: "migrations/versions"}
	ctx := context.Background()

	_, err := retort.Check(ctx, opts)
	fmt.Println("before upgrading, not at head:", errors.Is(err, retort.ErrNotAtHead))

	r, _ := retort.New(retort.Options{DB: db, Dialect: d, Migrations: exampleHistory, Directory: "migrations/versions"})
	if err := r.Upgrade(ctx, "head"); err != nil {
		fmt.Println(err)
		return
	}
	cmp, err := retort.Check(ctx, opts)
	fmt.Println("after upgrading, differs:", errors.Is(err, retort.ErrCheckFailed))
	for _, op := range cmp.Result.Ops {
		fmt.Println("  would", op.Name(), "title")
	}
	// Output:
	// before upgrading, not at head: true
	// after upgrading, differs: true
	//   would add_column title
}
