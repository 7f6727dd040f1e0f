package docs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/versions"
)

// TestOnlineExamples: every revision of online.md reads (versions.Parse:
// the header, every op and its keys), its migrate.yaml loads, the
// expand/contract revisions chain, and the commands it shows take the
// flags it gives them.
func TestOnlineExamples(t *testing.T) {
	var revs, configs int
	chain := map[string]string{}
	for i, b := range blocks(t, "online.md", "yaml") {
		if !strings.HasPrefix(b, "revision:") {
			cfg := filepath.Join(t.TempDir(), "migrate.yaml")
			if err := os.WriteFile(cfg, []byte(b), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Setenv("DATABASE_URL", "sqlite://")
			c, err := retort.LoadConfig(retort.Overrides{Config: cfg})
			if err != nil {
				t.Errorf("online.md's migrate.yaml: %v", err)
			} else if c.Revisions.LockRetries != 30 {
				t.Errorf("online.md's migrate.yaml: lock_retries %d", c.Revisions.LockRetries)
			}
			configs++
			continue
		}
		r, err := versions.Parse("online.md", []byte(b))
		if err != nil {
			t.Errorf("online.md yaml block %d: %v", i+1, err)
			continue
		}
		if len(r.Upgrade) == 0 {
			t.Errorf("online.md revision %s has no upgrade", r.ID)
		}
		down := ""
		if len(r.DownRevisions) > 0 {
			down = r.DownRevisions[0]
		}
		chain[r.ID] = down
		revs++
	}
	if revs != 6 || configs != 1 {
		t.Errorf("online.md: %d revisions and %d migrate.yaml, want 6 and 1", revs, configs)
	}
	if chain["e1a000000003"] != "e1a000000002" || chain["e1a000000002"] != "e1a000000001" || chain["e1a000000001"] != "" {
		t.Errorf("the expand/contract revisions do not chain: %v", chain)
	}
	bin := buildMigrate(t)
	for _, line := range strings.Split(blocks(t, "online.md", "sh")[0], "\n") {
		args := strings.Fields(line)
		if len(args) > 1 && args[0] == "migrate" {
			assertFlags(t, bin, args[1], args[2:])
		}
	}
}
