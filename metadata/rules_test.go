package metadata_test

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestRulesPerDatabase: a broken rule is an error on the databases that
// enforce it; on the others it is not reported, but as a warning with
// Portable (a portability problem); an error everywhere with Strict; and
// for a reflected schema, a warning where enforced, not reported
// elsewhere but with Portable (the model rule an error everywhere).
func TestRulesPerDatabase(t *testing.T) {
	const users = "  - name: users\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n"
	cases := []struct {
		name, rule, yaml string
	}{
		{"integer to bigint", metadata.RuleFKTypeDiffers, users +
			"  - name: reports\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n      - {name: user_id, type: integer, references: users.id}\n"},
		{"integer to varchar", metadata.RuleFKTypeIncomparable, users +
			"  - name: reports\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n      - {name: user_id, type: varchar(20), references: users.id}\n"},
		{"not unique", metadata.RuleFKNotUnique, users + "      - {name: code, type: integer}\n" +
			"  - name: reports\n    columns:\n      - {name: id, type: bigint, primary_key: true}\n      - {name: code, type: integer, references: users.code}\n"},
		{"nullable primary key", metadata.RuleNullablePK,
			"  - name: t\n    columns:\n      - {name: k, type: text, nullable: true}\n    primary_key: {columns: [k]}\n"},
		{"index column twice", metadata.RuleIndexColumnTwice,
			"  - name: t\n    columns:\n      - {name: k, type: bigint, primary_key: true}\n    indexes:\n      - {name: t_kk, columns: [k, k]}\n"},
		{"two indexes of a table named alike", metadata.RuleIndexNameTwice,
			"  - name: t\n    columns:\n      - {name: a, type: bigint}\n      - {name: b, type: bigint}\n    indexes:\n      - {name: ix, columns: [a]}\n      - {name: ix, columns: [b]}\n"},
		{"indexes of two tables named alike", metadata.RuleIndexNameSchema,
			"  - name: t\n    columns:\n      - {name: a, type: bigint}\n    indexes:\n      - {name: ix, columns: [a]}\n" +
				"  - name: u\n    columns:\n      - {name: a, type: bigint}\n    indexes:\n      - {name: ix, columns: [a]}\n"},
		{"an index named like a table", metadata.RuleIndexNameTable,
			"  - name: t\n    columns:\n      - {name: a, type: bigint}\n    indexes:\n      - {name: t, columns: [a]}\n"},
		{"an index named primary", metadata.RuleIndexNamePrimary,
			"  - name: t\n    columns:\n      - {name: a, type: bigint}\n    indexes:\n      - {name: Primary, columns: [a]}\n"},
		{"two autoincrements", metadata.RuleAutoIncrementTwice,
			"  - name: t\n    columns:\n      - {name: a, type: bigint, autoincrement: true, primary_key: true}\n      - {name: b, type: bigint, autoincrement: true}\n"},
		{"missing column", metadata.RuleModel,
			"  - name: t\n    columns:\n      - {name: a, type: bigint}\n    indexes:\n      - {name: t_b, columns: [b]}\n"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := []byte("tables:\n" + c.yaml)
			rule := metadata.RuleByID(c.rule)
			for _, db := range metadata.AllDatabases {
				enforced := rule.Enforced(db)
				_, warnings, err := metadata.ReadWith("schema.yaml", data, metadata.ReadOptions{Database: db, Portable: true})
				got := ruleOf(t, err, warnings)
				if got != c.rule {
					t.Errorf("%s: Portable: broke rule %q, want %q (err %v, warnings %v)", db, got, c.rule, err, warnings)
				}
				if (err != nil) != enforced {
					t.Errorf("%s: Portable: error %v, want one: %v", db, err, enforced)
				}
				_, warnings, err = metadata.ReadWith("schema.yaml", data, metadata.ReadOptions{Database: db})
				if (err != nil) != enforced {
					t.Errorf("%s: error %v, want one: %v", db, err, enforced)
				}
				if len(warnings) != 0 {
					t.Errorf("%s: warnings %v, want none without Portable", db, warnings)
				}
				_, warnings, err = metadata.ReadWith("schema.yaml", data, metadata.ReadOptions{Database: db, Reflected: true})
				if wantWarn := enforced && c.rule != metadata.RuleModel; (len(warnings) == 1) != wantWarn {
					t.Errorf("%s: Reflected: warnings %v, want one: %v (err %v)", db, warnings, wantWarn, err)
				}
				if _, _, err := metadata.ReadWith("schema.yaml", data, metadata.ReadOptions{Database: db, Strict: true}); err == nil {
					t.Errorf("%s: Strict: no error", db)
				}
				_, _, err = metadata.ReadWith("schema.yaml", data, metadata.ReadOptions{Database: db, Reflected: true})
				if (err != nil) != (c.rule == metadata.RuleModel) {
					t.Errorf("%s: Reflected: error %v", db, err)
				}
			}
		})
	}
}

// ruleOf returns the rule of the one problem in err or warnings.
func ruleOf(t *testing.T, err error, warnings metadata.ErrorList) string {
	t.Helper()
	var l metadata.ErrorList
	if errors.As(err, &l) {
		warnings = append(warnings, l...)
	}
	if len(warnings) == 0 {
		return "(none)"
	}
	if !strings.Contains(warnings[0].Warning(), "rule "+warnings[0].BrokenRule().ID) {
		t.Errorf("Warning() does not name the rule: %s", warnings[0].Warning())
	}
	return warnings[0].BrokenRule().ID
}

// TestRulesUsed: every rule the validator can report is listed in
// metadata.Rules, every listed one is used, and docs/validation.md holds
// the table of them (go test -update rewrites it).
func TestRulesUsed(t *testing.T) {
	src, err := filepath.Glob("validate*.go")
	if err != nil {
		t.Fatal(err)
	}
	used := map[string]bool{metadata.RuleModel: true}
	re := regexp.MustCompile(`\b(Rule[A-Z][A-Za-z]*)\b`)
	consts := map[string]string{}
	rules, _ := os.ReadFile("rules.go")
	for _, m := range regexp.MustCompile(`(?m)^\s+(Rule[A-Za-z]+)\s+= "([a-z-]+)"`).FindAllStringSubmatch(string(rules), -1) {
		consts[m[1]] = m[2]
	}
	for _, f := range src {
		data, _ := os.ReadFile(f)
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			if id, ok := consts[m[1]]; ok {
				used[id] = true
			}
		}
	}
	var ids []string
	for _, r := range metadata.Rules {
		ids = append(ids, r.ID)
		if !used[r.ID] {
			t.Errorf("rule %s is listed but never reported", r.ID)
		}
		if len(r.Databases) == 0 {
			t.Errorf("rule %s names no database", r.ID)
		}
	}
	for id := range used {
		if !slices.Contains(ids, id) {
			t.Errorf("rule %s is reported but not listed", id)
		}
	}
	golden(t, filepath.Join("..", "docs", "validation.md"), validationDoc())
}

// validationDoc is docs/validation.md, written from metadata.Rules.
func validationDoc() []byte {
	var b strings.Builder
	b.WriteString(`# Validation rules

<!-- Written by go test ./metadata -run TestRulesUsed -update from metadata.Rules; edit rules.go, not this file. -->

Reading a schema.yaml checks it against the rules below. Each rule names the
databases that enforce it: those that refuse the DDL, or would keep something
other than what the file says. Breaking a rule is an **error** when the target
database (the one --url names, or the dialect of --offline) enforces it. A rule
only other databases enforce is a portability problem: the target database
accepts the schema as is, so it is not reported, unless ` + "`--portable`" + ` (diff,
check, revision --autogenerate) asks for the **warning** the table shows,
printed as ` + "`warning: file:line:column: ... (rule ID: an error on ... only)`" + `:
for a schema meant for several databases. ` + "`--strict`" + ` makes every rule an error,
whichever database enforces it, for CI. A schema.yaml written from a database's
catalog (init --from-database) is refused only for the model rule: the database
held it, so it is valid there; the rules that database enforces are warnings,
the others are left out as above. Without a known database (the metadata.Read
API) every rule is an error.

| Rule | What it forbids | PostgreSQL | MySQL/MariaDB | SQLite | Why |
|---|---|---|---|---|---|
`)
	for _, r := range metadata.Rules {
		b.WriteString("| `" + r.ID + "` | " + r.Summary)
		for _, db := range metadata.AllDatabases {
			if r.Enforced(db) {
				b.WriteString(" | error")
			} else {
				b.WriteString(" | warning")
			}
		}
		b.WriteString(" | " + r.Why + " |\n")
	}
	return []byte(b.String())
}

// golden compares got with the file at path, or rewrites it under -update
// (the flag fixture_test.go defines).
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v; run go test ./metadata -run TestRulesUsed -update", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s is stale; run go test ./metadata -run TestRulesUsed -update", path)
	}
}
