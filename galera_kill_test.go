package retort_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestGaleraKillNode is issue 18's must-show 1, second half: node 3 is
// killed (SIGKILL) while a runner on it holds the lock in a long revision;
// a runner on node 1 takes the lock over after LockStale and finishes. It
// kills a node of the test cluster, so it runs only with
// RETORT_GALERA_KILL=1 (then: scripts/galera-cluster.sh start).
func TestGaleraKillNode(t *testing.T) {
	if os.Getenv("RETORT_GALERA_KILL") != "1" {
		t.Skip("kills a Galera node: set RETORT_GALERA_KILL=1 to run it")
	}
	nodes := dbtest.Galera(t)
	fsys := history(
		rev{id: "r1", upgrade: "- create_table: {name: log, columns: [{name: id, type: bigint, primary_key: true, autoincrement: true}, {name: rev, type: varchar(10)}]}", downgrade: "- drop_table: {name: log}"},
		rev{id: "r2", down: "r1", upgrade: "- execute: {sql: \"SELECT SLEEP(20)\"}\n- create_table: {name: t2, columns: [{name: id, type: integer, primary_key: true}]}", downgrade: "- drop_table: {name: t2}"},
	)
	edit := func(o *retort.Options) { o.LockStale = 3 * time.Second; o.LockTimeout = time.Minute }
	a := newRunner(t, nodes[2], fsys, edit)
	b := newRunner(t, nodes[0], fsys, edit)
	errA := make(chan error, 1)
	go func() { errA <- a.Upgrade(ctx(t), "head") }()
	time.Sleep(2 * time.Second)
	dir := os.Getenv("GALERA_DIR")
	if dir == "" {
		dir = "/tmp/retort-galera"
	}
	pid, _ := os.ReadFile(dir + "/n3/pid")
	start := time.Now()
	if out, err := exec.Command("kill", "-9", strings.TrimSpace(string(pid))).CombinedOutput(); err != nil {
		t.Fatal(err, string(out))
	}
	t.Logf("SIGKILL node 3 (pid %s) while runner A holds the lock in r2", strings.TrimSpace(string(pid)))
	if err := b.Upgrade(ctx(t), "head"); err != nil {
		t.Fatalf("runner B: %v", err)
	}
	t.Logf("runner B on node 1 finished %.1fs after the kill (LockStale 3s, r2 sleeps 20s)", time.Since(start).Seconds())
	t.Logf("runner A: %v", <-errA)
	var version string
	causalRow(t, nodes[0], "SELECT GROUP_CONCAT(version_num) FROM migrate_version", &version)
	causalRow(t, nodes[1], "SELECT GROUP_CONCAT(version_num) FROM migrate_version", &version)
	t.Logf("version table on nodes 1 and 2: %s", version)
}
