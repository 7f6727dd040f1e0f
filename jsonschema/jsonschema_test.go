package jsonschema

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
)

var update = flag.Bool("update", false, "rewrite the committed schema files in this folder")

func generate(t *testing.T, file string) []byte {
	t.Helper()
	b, err := Generate(file)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCommitted keeps the schema files committed in this folder (which
// the repository's own YAML files point at) equal to what Generate writes.
func TestCommitted(t *testing.T) {
	for _, f := range Files {
		got := generate(t, f)
		if *update {
			if err := os.WriteFile(f, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(f)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("jsonschema/%s is not what Generate writes (go test ./jsonschema -update rewrites it)", f)
		}
	}
}

// fixtureKind says which schema a repository YAML file is for, or "".
func fixtureKind(path string) string {
	slash := filepath.ToSlash(path)
	base := filepath.Base(slash)
	switch {
	case strings.Contains(slash, "/fuzz/"):
		return ""
	case base == "migrate.yaml":
		return ConfigFile
	case strings.Contains(slash, "/versions/") || strings.HasSuffix(base, "revision.golden.yaml"):
		return RevisionFile
	case base == "schema.yaml" || strings.HasSuffix(base, ".schema.yaml") || strings.Contains(slash, "testdata/schemas/") ||
		strings.HasSuffix(slash, "metadata/testdata/fixture.json"):
		return SchemaFile
	}
	return ""
}

// TestFixtures validates every schema.yaml, revision file and
// migrate.yaml of the repository's testdata and examples, and checks that
// Retort's own readers accept each one too (the schemas must never be
// stricter than the readers).
func TestFixtures(t *testing.T) {
	counts := map[string]int{}
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "realworld") {
			return filepath.SkipDir
		}
		kind := fixtureKind(path)
		if d.IsDir() || kind == "" || !(strings.HasSuffix(path, ".yaml") || strings.HasSuffix(path, ".json")) {
			return nil
		}
		if !strings.Contains(filepath.ToSlash(path), "testdata/") && !strings.Contains(filepath.ToSlash(path), "examples/") {
			return nil
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		counts[kind]++
		if err := Validate(generate(t, kind), path, data); err != nil {
			t.Errorf("%s against %s:\n%v", path, kind, err)
		}
		switch kind {
		case SchemaFile:
			if _, err := metadata.Read(path, data); err != nil {
				t.Errorf("%s: metadata.Read: %v", path, err)
			}
		case RevisionFile:
			if _, err := versions.ParseYAML(path, data); err != nil {
				t.Errorf("%s: versions.ParseYAML: %v", path, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("validated %d schema files, %d revision files, %d configurations", counts[SchemaFile], counts[RevisionFile], counts[ConfigFile])
	if counts[SchemaFile] < 4 || counts[RevisionFile] < 10 {
		t.Errorf("found too few fixtures: %v", counts)
	}
}

// TestEveryOperation validates each operation of ops/testdata/ops.yaml
// (one of every kind, in every form) against the revision schema's op.
func TestEveryOperation(t *testing.T) {
	var rev map[string]any
	if err := json.Unmarshal(generate(t, RevisionFile), &rev); err != nil {
		t.Fatal(err)
	}
	list := map[string]any{"$defs": rev["$defs"], "type": "array", "items": map[string]any{"$ref": "#/$defs/op"}}
	schema, _ := json.Marshal(list)
	path := filepath.Join("..", "ops", "testdata", "ops.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(schema, path, data); err != nil {
		t.Error(err)
	}
	// The same file with one key misspelt everywhere it occurs fails.
	bad := bytes.ReplaceAll(data, []byte("columns:"), []byte("colums:"))
	var e *Error
	if err := Validate(schema, path, bad); !errors.As(err, &e) || len(e.Problems) < 5 {
		t.Errorf("ops.yaml with colums: got %v, want a problem per misspelt key", err)
	}
}

// TestTypos checks that a misspelt key is rejected, with its line and a
// suggestion, in each kind of file.
func TestTypos(t *testing.T) {
	tests := []struct {
		name, schema, doc, want string
	}{
		{"column key", SchemaFile, "tables:\n  - name: users\n    columns:\n      - name: id\n        type: bigint\n        nulable: false\n",
			`x.yaml:6:9: /tables/0/columns/0/nulable: unknown key "nulable"; did you mean "nullable"?`},
		{"table key", SchemaFile, "tables:\n  - name: users\n    colums: []\n", `x.yaml:3:5: /tables/0/colums: unknown key "colums"; did you mean "columns"?`},
		{"top key", SchemaFile, "table: []\n", `x.yaml:1:1: /table: unknown key "table"; did you mean "tables"?`},
		{"revision key", RevisionFile, "revision: a1\ndown_revison: null\n", `x.yaml:2:1: /down_revison: unknown key "down_revison"; did you mean "down_revision"?`},
		{"op name", RevisionFile, "revision: a1\nupgrade:\n  - creat_table: {name: t}\n", `x.yaml:3:5: /upgrade/0/creat_table: unknown key "creat_table"; did you mean "create_table"?`},
		{"op key", RevisionFile, "revision: a1\nupgrade:\n  - add_column:\n      table: t\n      colum: {name: c, type: text}\n", `x.yaml:5:7: /upgrade/0/add_column/colum: unknown key "colum"; did you mean "column"?`},
		{"inside anyOf", RevisionFile, "revision: a1\nupgrade:\n  - drop_column: {table: t, column: {name: c, tpye: text}}\n", `unknown key "tpye"; did you mean "type"?`},
		{"shorthand on a lone column", RevisionFile, "revision: a1\nupgrade:\n  - add_column: {table: t, column: {name: c, type: text, unique: true}}\n", `unknown key "unique"`},
		{"config key", ConfigFile, "url: sqlite://\nverison_table: v\n", `x.yaml:2:1: /verison_table: unknown key "verison_table"; did you mean "version_table"?`},
		{"config enum", ConfigFile, "transaction: each\n", `x.yaml:1:14: /transaction: "each" is not one of per-migration, all, none`},
		{"wrong kind", SchemaFile, "tables:\n  - name: users\n    columns: {id: bigint}\n", `x.yaml:3:14: /tables/0/columns: want array or null, not object`},
		{"missing name", SchemaFile, "tables:\n  - columns: []\n", `x.yaml:2:5: /tables/0: name is missing`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := Validate(generate(t, tc.schema), "x.yaml", []byte(tc.doc))
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v\nwant a problem containing %s", err, tc.want)
			}
		})
	}
}

func TestModelineFor(t *testing.T) {
	got := ModelineFor(filepath.Join("proj", "migrations", "versions", "a1_x.yaml"), "proj", RevisionFile)
	if want := "# yaml-language-server: $schema=../../jsonschema/revision.json"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := ModelineFor(filepath.Join("proj", "schema.yaml"), "proj", SchemaFile); got != "# yaml-language-server: $schema=jsonschema/schema.json" {
		t.Errorf("got %q", got)
	}
}
