package retort_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestDiffCheck compares a schema.yaml with each database, before and
// after the history that creates it is applied.
func TestDiffCheck(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		ctx := ctx(t)
		dir := t.TempDir()
		schema := filepath.Join(dir, "schema.yaml")
		if err := os.WriteFile(schema, []byte("tables:\n  - name: items\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		hist := history(rev{id: "r1",
			upgrade:   `- create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}]}`,
			downgrade: `- drop_table: {name: items}`})
		o := retort.DiffOptions{URL: db.URL, Schema: schema, Migrations: hist, Directory: "versions"}
		c, err := retort.Check(ctx, o)
		if !errors.Is(err, retort.ErrNotAtHead) || c == nil || len(c.Result.Ops) != 1 {
			t.Fatalf("before upgrade: %v, %+v", err, c)
		}
		r := newRunner(t, db, hist)
		if err := r.Upgrade(ctx, "heads"); err != nil {
			t.Fatal(err)
		}
		if c, err = retort.Check(ctx, o); err != nil {
			t.Fatalf("after upgrade: %v (%v)", err, c.Result.Ops)
		}
		off := retort.DiffOptions{URL: db.URL, Offline: true, Schema: schema, Migrations: hist, Directory: "versions"}
		if _, err := retort.Check(ctx, off); err != nil {
			t.Fatalf("offline: %v", err)
		}
		off.Migrations = history()
		if c, err = retort.Check(ctx, off); !errors.Is(err, retort.ErrCheckFailed) || len(c.Result.Ops) != 1 {
			t.Fatalf("offline, empty history: %v", err)
		}
	})
}

// TestDiffInputErrors: what the caller got wrong is an *InputError.
func TestDiffInputErrors(t *testing.T) {
	ctx := context.Background()
	for _, o := range []retort.DiffOptions{
		{Migrations: history()},
		{Offline: true, Schema: filepath.Join(t.TempDir(), "missing.yaml"), Migrations: history()},
		{URL: "postgres://localhost/x", Offline: true, Schema: "x.sql", Migrations: history()},
	} {
		_, err := retort.Diff(ctx, o)
		if !errors.As(err, new(*retort.InputError)) {
			t.Errorf("%+v: %v, want an *InputError", o, err)
		}
	}
}
