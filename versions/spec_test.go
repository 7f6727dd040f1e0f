package versions

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// specFS turns a compact tree spec into revision files, one per token, in
// token order: "id[:down,down][>dep,dep][#label,label]".
func specFS(spec string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for i, tok := range strings.Fields(spec) {
		var labels, deps, down string
		tok, labels, _ = strings.Cut(tok, "#")
		tok, deps, _ = strings.Cut(tok, ">")
		tok, down, _ = strings.Cut(tok, ":")
		var b strings.Builder
		fmt.Fprintf(&b, "revision: %s\ndown_revision: %s\n", tok, yamlList(down))
		if labels != "" {
			fmt.Fprintf(&b, "branch_labels: %s\n", yamlList(labels))
		}
		if deps != "" {
			fmt.Fprintf(&b, "depends_on: %s\n", yamlList(deps))
		}
		fmt.Fprintf(&b, "message: rev %s\nupgrade: []\ndowngrade: []\n", tok)
		fsys[fmt.Sprintf("versions/%03d_%s.yaml", i, tok)] = &fstest.MapFile{Data: []byte(b.String())}
	}
	return fsys
}

func yamlList(csv string) string {
	if csv == "" {
		return "null"
	}
	return "[" + csv + "]"
}

func specGraph(t testing.TB, spec string) *Graph {
	t.Helper()
	g, err := Load(specFS(spec), "versions")
	if err != nil {
		t.Fatalf("loading %q: %v", spec, err)
	}
	return g
}

// runSteps moves heads through steps and returns the final heads and a
// log of version-table changes: "+x" insert, "-x" delete, "a>b" update.
func runSteps(g *Graph, heads []string, steps []Step) ([]string, []string, error) {
	var log []string
	for _, s := range steps {
		next, changes, err := g.MoveHeads(heads, s)
		if err != nil {
			return nil, nil, err
		}
		heads = next
		for _, c := range changes {
			switch c.Kind {
			case Insert:
				log = append(log, "+"+c.To)
			case Delete:
				log = append(log, "-"+c.From)
			case Update:
				log = append(log, c.From+">"+c.To)
			}
		}
	}
	return heads, log, nil
}

func stepIDs(steps []Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = s.Revision.ID
	}
	return out
}
