package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpgradeOnStart runs the service's start-up against a fresh SQLite
// database twice: the first upgrades, the second finds nothing to do.
func TestUpgradeOnStart(t *testing.T) {
	url := "sqlite:///" + filepath.ToSlash(filepath.Join(t.TempDir(), "notes.db"))
	for range 2 {
		db, err := open(context.Background(), url)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := printNotes(context.Background(), db, &b); err != nil {
			t.Fatal(err)
		}
		db.Close()
		if b.String() != "1\thello from a migration\tpinned=true\n" {
			t.Errorf("notes: %q", b.String())
		}
	}
}
