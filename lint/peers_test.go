package lint_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/lint"
)

var update = flag.Bool("update", false, "rewrite docs/lint.md's rule table")

const peerBase = `revision: "0000000000b1"
down_revision: null
upgrade:
  - create_table:
      name: p
      columns: [{name: id, type: bigint, primary_key: true}]
  - create_table:
      name: t
      columns:
        - {name: id, type: bigint, primary_key: true}
        - {name: a, type: integer}
        - {name: v, type: varchar(50)}
        - {name: s, type: text}
downgrade: []
`

// TestPeerRules runs the example of every squawk, strong_migrations and
// Atlas rule mapped to a Retort rule, measured on a scratch database, and
// checks the Retort rule fires; an unmapped rule must say why.
func TestPeerRules(t *testing.T) {
	scratch := map[string]string{
		dbtest.DialectPostgres: dbtest.Postgres(t).URL,
		dbtest.DialectMySQL:    dbtest.MySQL(t).URL,
	}
	for _, p := range lint.Peers {
		if p.Rule == "" {
			if p.Reason == "" {
				t.Errorf("%s %s: no Retort rule and no reason", p.Tool, p.ID)
			}
			continue
		}
		if _, ok := lint.Rules[p.Rule]; !ok {
			t.Errorf("%s %s: unknown rule %q", p.Tool, p.ID, p.Rule)
			continue
		}
		t.Run(p.Tool+"/"+p.ID, func(t *testing.T) {
			kind := dbtest.DialectPostgres
			if p.Dialect == "mysql" {
				kind = dbtest.DialectMySQL
			}
			dir := t.TempDir()
			os.MkdirAll(filepath.Join(dir, "versions"), 0o755)
			rev := fmt.Sprintf("revision: \"0000000000b2\"\ndown_revision: \"0000000000b1\"\nupgrade: %s\ndowngrade: []\n", p.Example)
			os.WriteFile(filepath.Join(dir, "versions", "1.yaml"), []byte(peerBase), 0o644)
			os.WriteFile(filepath.Join(dir, "versions", "2.yaml"), []byte(rev), 0o644)
			rep, err := lint.Run(context.Background(), lint.Options{DevURL: scratch[kind], Migrations: os.DirFS(dir), Base: "0000000000b1"})
			if err != nil {
				t.Fatal(err)
			}
			var seen []string
			for _, f := range rep.Findings {
				if f.Rule == p.Rule {
					return
				}
				seen = append(seen, f.Rule)
			}
			t.Errorf("%s %s: want %s, got %v", p.Tool, p.ID, p.Rule, seen)
		})
	}
	checkDocTable(t)
}

// checkDocTable keeps docs/lint.md's table equal to lint.Peers.
func checkDocTable(t *testing.T) {
	var b strings.Builder
	b.WriteString("| Tool | Their rule | Retort rule | Note |\n|---|---|---|---|\n")
	for _, p := range lint.Peers {
		rule := "—"
		if p.Rule != "" {
			rule = "`" + p.Rule + "`"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", p.Tool, p.ID, rule, p.Reason)
	}
	table := b.String()
	const begin, end = "<!-- peers:begin -->\n", "<!-- peers:end -->"
	path := "../docs/lint.md"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i, j := strings.Index(doc, begin), strings.Index(doc, end)
	if i < 0 || j < i {
		t.Fatalf("%s: no %q ... %q markers", path, begin, end)
	}
	want := doc[:i+len(begin)] + table + doc[j:]
	if *update {
		os.WriteFile(path, []byte(want), 0o644)
		return
	}
	if want != doc {
		t.Errorf("%s: the rule table differs from lint.Peers; run go test ./lint -run TestPeerRules -update", path)
	}
}
