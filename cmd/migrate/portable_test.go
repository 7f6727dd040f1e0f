package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// sharedIndexNames has two tables with an index named ix each: MySQL
// names indexes per table and accepts it; PostgreSQL and SQLite name them
// per schema and refuse the second (rule index-name-schema).
const sharedIndexNames = `tables:
  - name: a
    columns:
      - {name: id, type: bigint, primary_key: true}
    indexes:
      - {name: ix, columns: [id]}
  - name: b
    columns:
      - {name: id, type: bigint, primary_key: true}
    indexes:
      - {name: ix, columns: [id]}
`

// TestPortableWarnings: a rule only other databases enforce is not
// reported for a schema meant for one that accepts it (MySQL and the
// shared index names), is a warning with --portable, and an error with
// --strict (exit 2); a database that enforces it refuses the schema
// either way.
func TestPortableWarnings(t *testing.T) {
	tests := []struct {
		name, url, flag string
		code            int
		warn, refused   bool
	}{
		{"mysql", "mysql://root@127.0.0.1/x", "", 0, false, false},
		{"mysql portable", "mysql://root@127.0.0.1/x", "--portable", 0, true, false},
		{"mysql strict", "mysql://root@127.0.0.1/x", "--strict", 2, false, true},
		{"postgresql", "postgres://u@127.0.0.1/x", "", 2, false, true},
		{"sqlite portable", "sqlite:///x.db", "--portable", 2, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			schema := filepath.Join(dir, "schema.yaml")
			if err := os.WriteFile(schema, []byte(sharedIndexNames), 0o644); err != nil {
				t.Fatal(err)
			}
			args := []string{"diff", "--offline", "--url", tc.url, "--schema", schema}
			if tc.flag != "" {
				args = append(args, tc.flag)
			}
			_, errs, code := migrate(t, dir, args...)
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errs)
			}
			warned := strings.Contains(errs, "warning: ") && strings.Contains(errs, "index-name-schema")
			if warned != tc.warn {
				t.Errorf("warned %v, want %v: %s", warned, tc.warn, errs)
			}
			if refused := !warned && strings.Contains(errs, "is named like an index of table"); refused != tc.refused {
				t.Errorf("refused %v, want %v: %s", refused, tc.refused, errs)
			}
		})
	}
}
