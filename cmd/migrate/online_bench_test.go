package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/retortdb/retort/internal/dbtest"
)

// The online benchmark's schemas: the naive and the --online revision make
// the same change, from benchBase to benchTarget: an index, a foreign key,
// SET NOT NULL and a type widened. The widen is varchar(20) to
// varchar(40): a metadata-only change on PostgreSQL (int to bigint is a
// rewrite, whose online form is expand/contract, docs/online.md) and an
// in-place one on MariaDB (both lengths under 256 bytes in utf8mb4).
const benchBase = `tables:
  - name: teams
    columns: [{name: id, type: bigint, primary_key: true}]
  - name: items
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: team_id, type: bigint, nullable: false}
      - {name: code, type: varchar(20)}
      - {name: n, type: integer, nullable: false}
`

const benchTarget = `tables:
  - name: teams
    columns: [{name: id, type: bigint, primary_key: true}]
  - name: items
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: team_id, type: bigint, nullable: false}
      - {name: code, type: varchar(40), nullable: false}
      - {name: n, type: integer, nullable: false}
    indexes: [{name: ix_items_n, columns: [n]}]
    foreign_keys: [{name: fk_items_team, columns: [team_id], ref_table: teams, ref_columns: [id]}]
`

// benchFill loads the rows: 100 teams, and rows items spread over them.
var benchFill = map[string][]string{
	dbtest.DialectPostgres: {
		"INSERT INTO teams SELECT g FROM generate_series(1, 100) g",
		"INSERT INTO items SELECT g, mod(g, 100) + 1, 'c' || g, 0 FROM generate_series(1, %d) g",
		"ANALYZE items"},
	dbtest.DialectMySQL: {
		"INSERT INTO teams SELECT seq FROM seq_1_to_100",
		"INSERT INTO items SELECT seq, MOD(seq, 100) + 1, CONCAT('c', seq), 0 FROM seq_1_to_%d",
		"ANALYZE TABLE items"},
}

// benchResult is one run's load: the latency of every query and the
// failed ones.
type benchResult struct {
	lat      []time.Duration
	at       []time.Duration // when each query started, from the upgrade's start
	failed   int
	firstErr error
	took     time.Duration // the upgrade's wall time
}

func (r benchResult) pct(p float64) time.Duration {
	if len(r.lat) == 0 {
		return 0
	}
	s := slices.Clone(r.lat)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// TestOnlineLoadBench is issue 17's must-show 1, run only with
// RETORT_ONLINE_BENCH=1 (scripts/bench-online.sh): on PostgreSQL and
// MariaDB, a table of ROWS rows (default 1,000,000) under 4 connections
// doing reads and updates by key in a loop, and a transaction that has
// read the table and holds its lock for HOLD (default 3s) when the
// upgrade starts; the naive revision and the --online revisions of the
// same change are each applied by the built migrate binary to a fresh
// copy. It prints the load's p99 and max latency and failed queries side
// by side, and fails if the online run fails a query.
func TestOnlineLoadBench(t *testing.T) {
	if os.Getenv("RETORT_ONLINE_BENCH") != "1" {
		t.Skip("the online load benchmark runs with RETORT_ONLINE_BENCH=1 (scripts/bench-online.sh)")
	}
	rows := envInt(t, "ROWS", 1_000_000)
	hold := 3 * time.Second
	if h := os.Getenv("HOLD"); h != "" {
		d, err := time.ParseDuration(h)
		if err != nil {
			t.Fatal(err)
		}
		hold = d
	}
	bin := filepath.Join(t.TempDir(), "migrate")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	type line struct {
		db, run string
		r       benchResult
	}
	var table []line
	for _, name := range benchDatabases() {
		for _, online := range []bool{false, true} {
			r := benchRun(t, bin, name, rows, hold, online)
			run := "naive"
			if online {
				run = "--online"
			}
			table = append(table, line{name, run, r})
		}
	}
	fmt.Printf("\nonline schema change under load: %d rows, 4 load connections, a reader holding its lock %s\n\n", rows, hold)
	fmt.Println("| database   | revision | queries | p99 latency | max latency | failed | upgrade took |")
	fmt.Println("|------------|----------|--------:|------------:|------------:|-------:|-------------:|")
	for _, l := range table {
		fmt.Printf("| %-10s | %-8s | %7d | %11s | %11s | %6d | %12s |\n", l.db, l.run, len(l.r.lat),
			l.r.pct(0.99).Round(time.Microsecond*100), l.r.pct(1).Round(time.Millisecond), l.r.failed, l.r.took.Round(time.Millisecond))
	}
	for _, l := range table {
		if l.r.failed > 0 {
			fmt.Printf("%s %s: first failure: %v\n", l.db, l.run, l.r.firstErr)
		}
		if l.run == "--online" && l.r.failed > 0 {
			t.Errorf("%s --online: %d failed queries", l.db, l.r.failed)
		}
	}
}

func envInt(t *testing.T, key string, def int) int {
	v := os.Getenv(key)
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		t.Fatalf("%s=%q: %v", key, v, err)
	}
	return n
}

// benchRun sets up a fresh database at the base revision with its rows,
// writes the revision(s) of the change, and upgrades under the load.
func benchRun(t *testing.T, bin, name string, rows int, hold time.Duration, online bool) benchResult {
	db := dbtest.Open(t, name)
	dir := t.TempDir()
	cfg := "url: " + db.URL + "\nschema: schema.yaml\n"
	if online {
		// Short lock waits, retried: a statement never queues the load
		// behind it for long (MariaDB counts in whole seconds).
		cfg += "revisions: {lock_timeout: 50ms, lock_retries: 30, retry_backoff: 50ms}\n"
	}
	must := func(args ...string) {
		c := exec.Command(bin, args...)
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("migrate %v: %v\n%s", args, err, out)
		}
	}
	writeFile(t, filepath.Join(dir, "migrate.yaml"), cfg)
	writeFile(t, filepath.Join(dir, "schema.yaml"), benchBase)
	os.MkdirAll(filepath.Join(dir, "migrations", "versions"), 0o755)
	must("revision", "--autogenerate", "-m", "base")
	must("upgrade", "head")
	for _, q := range benchFill[name] {
		if _, err := db.Exec(sprintfRows(q, rows)); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	writeFile(t, filepath.Join(dir, "schema.yaml"), benchTarget)
	if online {
		must("revision", "--autogenerate", "--online", "-m", "change")
	} else {
		must("revision", "--autogenerate", "-m", "change")
	}
	if os.Getenv("BENCH_TRACE") == "1" {
		alone := underLoad(t, db, name, rows, 0, func(time.Time) error { time.Sleep(8 * time.Second); return nil })
		fmt.Printf("\n%s, the load alone for 10s (no upgrade, no reader): %d queries, p99 %s, max %s; load average %s\n",
			name, len(alone.lat), alone.pct(0.99).Round(100*time.Microsecond), alone.pct(1).Round(100*time.Microsecond), loadAverage())
		var bt benchTrace
		res := underLoad(t, db, name, rows, hold, func(start time.Time) error {
			c := exec.Command(bin, "upgrade", "head", "-v")
			c.Dir = dir
			return bt.run(c, start)
		})
		fmt.Printf("\n%s, %s revision:", name, map[bool]string{false: "naive", true: "--online"}[online])
		bt.report(res, 50*time.Millisecond)
		fmt.Printf("  load average after: %s\n", loadAverage())
		return res
	}
	return underLoad(t, db, name, rows, hold, func(time.Time) error {
		c := exec.Command(bin, "upgrade", "head")
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			return fmt.Errorf("upgrade: %v\n%s", err, out)
		}
		return nil
	})
}

// benchDatabases is the databases to run on: BENCH_DBS (a comma-separated
// list, "mysql" say) or both.
func benchDatabases() []string {
	if v := os.Getenv("BENCH_DBS"); v != "" {
		return strings.Split(v, ",")
	}
	return []string{dbtest.DialectPostgres, dbtest.DialectMySQL}
}

// sprintfRows puts the row count into a fill statement that takes one.
func sprintfRows(q string, rows int) string {
	if strings.Contains(q, "%d") {
		return fmt.Sprintf(q, rows)
	}
	return q
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// underLoad runs upgrade while 4 connections read and update rows by key
// in a loop, and a fifth holds a transaction that read the table for
// hold; the load runs from a second before the upgrade to a second after.
func underLoad(t *testing.T, db *dbtest.DB, name string, rows int, hold time.Duration, upgrade func(start time.Time) error) benchResult {
	ph := func(q string) string { return q }
	if name == dbtest.DialectPostgres {
		ph = replaceQ
	}
	// The read names a column the change leaves alone: pgx's statement
	// cache fails a prepared SELECT of a column whose type changed
	// ("cached plan must not change result type"), a client's matter,
	// not a lock's (docs/online.md).
	read, write := ph("SELECT n FROM items WHERE id = ?"), ph("UPDATE items SET n = n + 1 WHERE id = ?")
	ctx, stop := context.WithCancel(context.Background())
	var mu sync.Mutex
	var res benchResult
	var wg sync.WaitGroup
	var starts []time.Time
	for w := range 4 {
		conn, err := db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer conn.Close()
			rng := rand.New(rand.NewPCG(uint64(w), 17))
			for ctx.Err() == nil {
				q := read
				if rng.IntN(2) == 0 {
					q = write
				}
				start := time.Now()
				qctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
				_, err := conn.ExecContext(qctx, q, rng.IntN(rows)+1)
				cancel()
				d := time.Since(start)
				mu.Lock()
				res.lat = append(res.lat, d)
				starts = append(starts, start)
				if err != nil {
					res.failed++
					if res.firstErr == nil {
						res.firstErr = err
					}
				}
				mu.Unlock()
			}
		}()
	}
	time.Sleep(time.Second)
	blocker, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	tx, err := blocker.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := tx.QueryRow("SELECT count(*) FROM items WHERE id < 1000").Scan(&n); err != nil {
		t.Fatal(err)
	}
	go func() {
		time.Sleep(hold)
		tx.Rollback()
		blocker.Close()
	}()
	start := time.Now()
	uerr := upgrade(start)
	res.took = time.Since(start)
	time.Sleep(time.Second)
	stop()
	wg.Wait()
	for _, s := range starts {
		res.at = append(res.at, s.Sub(start))
	}
	if uerr != nil {
		t.Fatal(uerr)
	}
	return res
}

// replaceQ turns ? placeholders into $1, $2, ...
func replaceQ(q string) string {
	out, k := []byte{}, 0
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			k++
			out = append(out, '$')
			out = strconv.AppendInt(out, int64(k), 10)
			continue
		}
		out = append(out, q[i])
	}
	return string(out)
}
