package docs

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/jsonschema"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
	"go.yaml.in/yaml/v3"
)

// buildMigrate builds cmd/migrate into a temporary folder and returns the
// folder, for PATH.
func buildMigrate(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	cmd := exec.Command("go", "build", "-o", filepath.Join(bin, "migrate"), "../cmd/migrate")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ../cmd/migrate: %v\n%s", err, out)
	}
	return bin
}

var fence = regexp.MustCompile("(?ms)^```(\\w*)\n(.*?)^```")

// blocks returns the fenced blocks of a Markdown file with the info
// string lang.
func blocks(t *testing.T, file, lang string) []string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range fence.FindAllStringSubmatch(string(data), -1) {
		if m[1] == lang {
			out = append(out, m[2])
		}
	}
	return out
}

// TestTutorial runs the sh blocks of tutorial.md, in order, in one bash
// session in an empty folder, with migrate on PATH and no DATABASE_URL.
func TestTutorial(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	bin := buildMigrate(t)
	script := "set -euo pipefail\n" + strings.Join(blocks(t, "tutorial.md", "sh"), "\n")
	dir := t.TempDir()
	cmd := exec.Command("bash", "-c", script)
	cmd.Dir = dir
	cmd.Env = append(cleanEnv(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "HOME="+dir)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		t.Fatalf("the tutorial's sh blocks failed: %v\n%s", err, out.String())
	}
	t.Logf("%d sh blocks ran; output:\n%s", len(blocks(t, "tutorial.md", "sh")), out.String())
	for _, want := range []string{
		"Generating migrations/versions/0001_create_customers_and_orders.yaml ... done",
		"0002 (head)",
		"No new upgrade operations detected.",
		"erDiagram",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the tutorial's output lacks %q", want)
		}
	}
}

// cleanEnv is the environment without the variables migrate reads.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		switch k {
		case "DATABASE_URL", "MIGRATE_CONFIG", "PATH", "HOME":
			continue
		}
		env = append(env, kv)
	}
	return env
}

// TestAlembicGuide checks that alembic.md has a row for every Alembic
// command and operation, and that the migrate flags it names exist.
func TestAlembicGuide(t *testing.T) {
	data, err := os.ReadFile("alembic.md")
	if err != nil {
		t.Fatal(err)
	}
	guide := string(data)
	commands := []string{"init", "revision", "upgrade", "downgrade", "current", "history", "heads", "branches",
		"show", "merge", "stamp", "check", "edit", "list_templates", "ensure_version"}
	for _, c := range commands {
		if !strings.Contains(guide, "| `alembic "+c) {
			t.Errorf("alembic.md has no row for alembic %s", c)
		}
	}
	opsList := []string{"create_table", "drop_table", "rename_table", "add_column", "drop_column", "alter_column",
		"create_index", "drop_index", "create_unique_constraint", "create_foreign_key", "create_check_constraint",
		"create_primary_key", "drop_constraint", "create_table_comment", "drop_table_comment", "execute", "bulk_insert",
		"batch_alter_table", "create_exclude_constraint", "get_bind", "get_context", "inline_literal", "f", "invoke",
		"implementation_for", "run_async"}
	for _, o := range opsList {
		if !strings.Contains(guide, "`op."+o) {
			t.Errorf("alembic.md has no row for op.%s", o)
		}
	}
	for _, s := range []string{"script_location", "sqlalchemy.url", "prepend_sys_path", "file_template", "timezone",
		"truncate_slug_length", "revision_environment", "sourceless", "version_locations", "version_path_separator",
		"recursive_version_locations", "output_encoding", "post_write_hooks", "target_metadata", "include_object",
		"include_name", "include_schemas", "compare_type", "compare_server_default", "render_as_batch", "version_table",
		"version_table_schema", "transaction_per_migration", "transactional_ddl", "process_revision_directives",
		"literal_binds", "dialect_opts", "on_version_apply", "get_x_argument", "render_item", "naming_convention"} {
		if !strings.Contains(guide, s) {
			t.Errorf("alembic.md does not map %s", s)
		}
	}
	// Every "migrate CMD --flag" named in the guide is a flag of CMD.
	bin := buildMigrate(t)
	flagRef := regexp.MustCompile("`migrate ([a-z-]+)[^`|]*?(--[a-z-]+)")
	for _, m := range flagRef.FindAllStringSubmatch(guide, -1) {
		out, err := exec.Command(filepath.Join(bin, "migrate"), m[1], "--help").CombinedOutput()
		if err != nil {
			t.Errorf("migrate %s --help: %v", m[1], err)
			continue
		}
		if !strings.Contains(string(out), m[2]) {
			t.Errorf("alembic.md names migrate %s %s, which migrate %s --help does not list", m[1], m[2], m[1])
		}
	}
}

// TestReferenceExamples reads every yaml block of the references with
// Retort's own readers and validates it against the JSON Schemas.
func TestReferenceExamples(t *testing.T) {
	for _, tc := range []struct{ file, schema string }{
		{"schema-yaml.md", jsonschema.SchemaFile},
		{"revision-file.md", jsonschema.RevisionFile},
	} {
		schema, err := jsonschema.Generate(tc.schema)
		if err != nil {
			t.Fatal(err)
		}
		examples := blocks(t, tc.file, "yaml")
		if len(examples) == 0 {
			t.Errorf("%s has no yaml block", tc.file)
		}
		for i, y := range examples {
			name := fmt.Sprintf("%s, yaml block %d", tc.file, i+1)
			if err := jsonschema.Validate(schema, name, []byte(y)); err != nil {
				t.Errorf("%s: %v", name, err)
			}
			switch tc.schema {
			case jsonschema.SchemaFile:
				if _, err := metadata.Read(name, []byte(y)); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			case jsonschema.RevisionFile:
				if _, err := versions.ParseYAML(name, []byte(y)); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		}
	}
	sqlRev := blocks(t, "revision-file.md", "sql")
	if len(sqlRev) != 1 {
		t.Fatalf("revision-file.md: %d sql blocks, want 1", len(sqlRev))
	}
	if _, err := versions.ParseSQL("x.sql", []byte(sqlRev[0])); err != nil {
		t.Errorf("revision-file.md, sql block: %v", err)
	}
}

// TestCIRecipe parses the workflow of ci.md and checks its shape and that
// each migrate command in it is valid.
func TestCIRecipe(t *testing.T) {
	flows := blocks(t, "ci.md", "yaml")
	if len(flows) != 1 {
		t.Fatalf("ci.md: %d yaml blocks, want the workflow", len(flows))
	}
	var wf struct {
		Jobs map[string]struct {
			Services map[string]struct{ Image string }
			Env      map[string]string
			Steps    []struct{ Run string }
		}
	}
	if err := yaml.Unmarshal([]byte(flows[0]), &wf); err != nil {
		t.Fatalf("ci.md's workflow is not YAML: %v", err)
	}
	job := wf.Jobs["migrations"]
	if !strings.HasPrefix(job.Services["postgres"].Image, "postgres:") || !strings.HasPrefix(job.Env["DATABASE_URL"], "postgres://") {
		t.Errorf("the workflow has no PostgreSQL service and DATABASE_URL: %+v", job)
	}
	bin := buildMigrate(t)
	var ran []string
	for _, s := range job.Steps {
		for _, line := range strings.Split(s.Run, "\n") {
			args := strings.Fields(strings.Split(line, ">")[0])
			if len(args) < 2 || args[0] != "migrate" {
				continue
			}
			ran = append(ran, strings.Join(args[1:], " "))
			assertFlags(t, bin, args[1], args[2:])
		}
	}
	if !slices.Contains(ran, "check") || !slices.Contains(ran, "check --offline") {
		t.Errorf("the workflow runs %q, want migrate check and migrate check --offline", ran)
	}
}

// TestDeployingExamples parses the Kubernetes manifest of deploying.md
// and its fleet's migrate.yaml, and checks the fleet commands' flags.
func TestDeployingExamples(t *testing.T) {
	manifests := blocks(t, "deploying.md", "yaml")
	if len(manifests) != 2 {
		t.Fatalf("deploying.md: %d yaml blocks, want the Deployment and the fleet's migrate.yaml", len(manifests))
	}
	cfg := filepath.Join(t.TempDir(), "migrate.yaml")
	if err := os.WriteFile(cfg, []byte(manifests[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := retort.LoadConfig(retort.Overrides{Config: cfg}); err != nil {
		t.Errorf("deploying.md's fleet migrate.yaml: %v", err)
	}
	bin := buildMigrate(t)
	sh := blocks(t, "deploying.md", "sh")
	for _, line := range strings.Split(sh[len(sh)-1], "\n") {
		args := strings.Fields(strings.Split(line, "#")[0])
		if len(args) > 1 && args[0] == "migrate" {
			assertFlags(t, bin, args[1], args[2:])
		}
	}
	var dep struct {
		Kind string
		Spec struct {
			Template struct {
				Spec struct {
					InitContainers []struct{ Args []string } `yaml:"initContainers"`
				}
			}
		}
	}
	if err := yaml.Unmarshal([]byte(manifests[0]), &dep); err != nil {
		t.Fatal(err)
	}
	inits := dep.Spec.Template.Spec.InitContainers
	if dep.Kind != "Deployment" || len(inits) != 1 || strings.Join(inits[0].Args, " ") != "upgrade head" {
		t.Errorf("deploying.md's manifest: %+v", dep)
	}
	assertFlags(t, bin, "upgrade", []string{"head"})
	if len(blocks(t, "deploying.md", "go")) != 1 {
		t.Errorf("deploying.md should show the go:embed service")
	}
}

// assertFlags checks that migrate CMD knows each --flag of args.
func assertFlags(t *testing.T, bin, cmd string, args []string) {
	t.Helper()
	out, err := exec.Command(filepath.Join(bin, "migrate"), cmd, "--help").CombinedOutput()
	if err != nil {
		t.Errorf("migrate %s --help: %v\n%s", cmd, err, out)
		return
	}
	for _, a := range args {
		if strings.HasPrefix(a, "--") && !strings.Contains(string(out), strings.SplitN(a, "=", 2)[0]) {
			t.Errorf("migrate %s has no flag %s", cmd, a)
		}
	}
}

// TestDeployingGoCompiles type-checks the go:embed service of
// deploying.md (go vet), with a revision file for its embed pattern.
func TestDeployingGoCompiles(t *testing.T) {
	src := blocks(t, "deploying.md", "go")
	if len(src) != 1 {
		t.Fatalf("deploying.md: %d go blocks, want 1", len(src))
	}
	dir, err := os.MkdirTemp(".", "_deploying")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	versionsDir := filepath.Join(dir, "migrations", "versions")
	if err := os.MkdirAll(versionsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		filepath.Join(dir, "main.go"):               src[0] + "\nfunc main() { _, _ = open(context.Background(), \"sqlite://\") }\n",
		filepath.Join(versionsDir, "a1_first.yaml"): "revision: a1\ndown_revision: null\nupgrade: []\ndowngrade: []\n",
	}
	for p, text := range files {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := exec.Command("go", "vet", "./"+filepath.Base(dir)).CombinedOutput(); err != nil {
		t.Fatalf("go vet of deploying.md's service: %v\n%s", err, out)
	}
}
