package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
)

// BenchmarkCurrentColdStart is must-show 7's start-up figure: the migrate
// binary run as a new process, "current" on a SQLite database stamped at
// the head of a 1,000-revision history.
func BenchmarkCurrentColdStart(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "migrate")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	dir := b.TempDir()
	versions := filepath.Join(dir, "migrations", "versions")
	os.MkdirAll(versions, 0o755)
	for i := range 1000 {
		down := "null"
		if i > 0 {
			down = fmt.Sprintf("c%05d", i-1)
		}
		text := fmt.Sprintf("revision: c%05d\ndown_revision: %s\nmessage: t%d\nupgrade:\n  - create_table: {name: t%05d, columns: [{name: id, type: integer}]}\ndowngrade:\n  - drop_table: {name: t%05d}\n", i, down, i, i, i)
		os.WriteFile(filepath.Join(versions, fmt.Sprintf("c%05d_t.yaml", i)), []byte(text), 0o644)
	}
	db := dbtest.SQLite(b)
	os.WriteFile(filepath.Join(dir, "migrate.yaml"), []byte("url: "+db.URL+"\n"), 0o644)
	cmd := func(args ...string) {
		c := exec.Command(bin, args...)
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			b.Fatalf("%v: %v\n%s", args, err, out)
		}
	}
	cmd("stamp", "head")
	for b.Loop() {
		cmd("current")
	}
}
