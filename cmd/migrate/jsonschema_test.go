package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/jsonschema"
)

// TestEditorSupport: init writes the JSON Schemas and points migrate.yaml
// and schema.yaml at them on their first line; revision files point at
// revision.json; every file written validates against its schema.
func TestEditorSupport(t *testing.T) {
	dir := t.TempDir()
	mustMigrate(t, dir, "init", dir)
	config := filepath.Join(dir, "migrate.yaml")
	mustMigrate(t, dir, "--config", config, "revision", "-m", "first", "--rev-id", "a1")
	if err := os.WriteFile(filepath.Join(dir, "schema.yaml"), []byte("# yaml-language-server: $schema=jsonschema/schema.json\ntables:\n  - name: t\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustMigrate(t, dir, "--config", config, "revision", "--autogenerate", "--offline", "-m", "auto", "--rev-id", "b2")
	files := map[string]string{
		config:                            jsonschema.ConfigFile,
		filepath.Join(dir, "schema.yaml"): jsonschema.SchemaFile,
		filepath.Join(dir, "migrations", "versions", "a1_first.yaml"): jsonschema.RevisionFile,
		filepath.Join(dir, "migrations", "versions", "b2_auto.yaml"):  jsonschema.RevisionFile,
	}
	for path, schema := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		first, _, _ := strings.Cut(string(data), "\n")
		ref, ok := strings.CutPrefix(first, "# yaml-language-server: $schema=")
		if !ok || filepath.Base(ref) != schema {
			t.Errorf("%s starts with %q, want the yaml-language-server line for %s", path, first, schema)
			continue
		}
		s, err := os.ReadFile(filepath.Join(filepath.Dir(path), filepath.FromSlash(ref)))
		if err != nil {
			t.Errorf("%s: its schema: %v", path, err)
			continue
		}
		if err := jsonschema.Validate(s, path, data); err != nil {
			t.Errorf("%s does not validate against %s: %v", path, ref, err)
		}
	}
	out := mustMigrate(t, dir, "--config", config, "json-schema")
	if !strings.Contains(out, filepath.Join(dir, "jsonschema", "revision.json")) {
		t.Errorf("json-schema wrote elsewhere:\n%s", out)
	}
}
