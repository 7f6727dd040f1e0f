package versions

import (
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// writeHistory writes n revision files into dir: a main line with, every
// n/200 revisions, a side branch of three revisions merged back two
// revisions later (200 branches and merges). Each file carries a small
// upgrade and downgrade, as real revisions do.
func writeHistory(tb testing.TB, dir string, n int) {
	tb.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	id := func() string { return fmt.Sprintf("%012x", r.Uint64()&0xffffffffffff) }
	every := n / 200
	tip, written := "", 0
	write := func(down ...string) string {
		rev := id()
		body := fmt.Sprintf(revisionTemplate, rev, downYAML(down), written, written, written)
		name := filepath.Join(dir, fmt.Sprintf("%s_step_%d.yaml", rev, written))
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
		written++
		return rev
	}
	for written < n {
		if written%every == 0 && written+6 <= n && written > 0 {
			side := tip
			for range 3 {
				side = write(side)
			}
			tip = write(tip)
			tip = write(tip)
			tip = write(tip, side)
			continue
		}
		if tip == "" {
			tip = write()
		} else {
			tip = write(tip)
		}
	}
}

const revisionTemplate = `revision: %s
down_revision: %s
branch_labels: []
depends_on: []
message: step %d
created: 2026-11-23T21:40:00Z
transactional: true
upgrade:
  - add_column:
      table: users
      column: {name: c%d, type: integer}
downgrade:
  - drop_column: {table: users, column: {name: c%d, type: integer}}
`

func downYAML(down []string) string {
	switch len(down) {
	case 0:
		return "null"
	case 1:
		return down[0]
	}
	return fmt.Sprintf("[%s, %s]", down[0], down[1])
}

// BenchmarkLoad10k loads a 10,000-revision history from files and answers
// "heads" and "history" (target: under 300 ms), as "migrate history" does
// (LoadHeaders) and with every operation decoded (Load); the Mem variants
// read the same files from memory, leaving out the file system's cost.
func BenchmarkLoad10k(b *testing.B) {
	dir := b.TempDir()
	vdir := filepath.Join(dir, "versions")
	if err := os.Mkdir(vdir, 0o755); err != nil {
		b.Fatal(err)
	}
	writeHistory(b, vdir, 10000)
	disk := os.DirFS(dir)
	mem := fstest.MapFS{}
	entries, err := os.ReadDir(vdir)
	if err != nil {
		b.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(vdir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		mem["versions/"+e.Name()] = &fstest.MapFile{Data: data}
	}
	for _, bc := range []struct {
		name string
		fsys fs.FS
		load func(fs.FS, string) (*Graph, error)
	}{{"Headers", disk, LoadHeaders}, {"Full", disk, Load}, {"HeadersMem", mem, LoadHeaders}, {"FullMem", mem, Load}} {
		b.Run(bc.name, func(b *testing.B) { benchLoad(b, bc.fsys, bc.load) })
	}
}

func benchLoad(b *testing.B, fsys fs.FS, load func(fs.FS, string) (*Graph, error)) {
	// The machine may be shared: report CPU time too, which contention
	// does not inflate the way it inflates wall time.
	start := cpuTime()
	defer func() { b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op") }()
	for b.Loop() {
		g, err := load(fsys, "versions")
		if err != nil {
			b.Fatal(err)
		}
		if len(g.Heads()) != 1 {
			b.Fatalf("heads %v", ids(g.Heads()))
		}
		revs, err := g.History("", nil)
		if err != nil {
			b.Fatal(err)
		}
		if len(revs) != 10000 {
			b.Fatalf("history of %d revisions", len(revs))
		}
	}
}

// cpuTime is the process's user plus system CPU time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
