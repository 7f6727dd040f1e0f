package main

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
)

// benchSpan is one statement the upgrade ran (migrate -v prints each as it
// ends, with its duration) or one retry it reported, placed on the load's
// timeline: from and to are offsets from the upgrade's start.
type benchSpan struct {
	from, to time.Duration
	what     string
}

// benchTrace is the upgrade's statements on the load's timeline, for
// TestOnlineLoadBench's BENCH_TRACE=1 report: which statement the slow
// queries of the load ran under.
type benchTrace struct {
	mu    sync.Mutex
	spans []benchSpan
}

// statementLine is a line of migrate -v: the statement's duration, then
// its SQL.
var statementLine = regexp.MustCompile(`^\s+(\S+)\s{2}(.*)$`)

// read stamps each line of r as it arrives (start is the upgrade's start):
// a statement line becomes a span that ended now and began its duration
// before; any other line (a retry, a revision done) a point.
func (bt *benchTrace) read(r io.Reader, start time.Time, done *sync.WaitGroup) {
	defer done.Done()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		now := time.Since(start)
		line := sc.Text()
		span := benchSpan{from: now, to: now, what: strings.TrimSpace(line)}
		if m := statementLine.FindStringSubmatch(line); m != nil {
			if d, err := time.ParseDuration(m[1]); err == nil {
				span = benchSpan{from: now - d, to: now, what: m[2]}
			}
		}
		bt.mu.Lock()
		bt.spans = append(bt.spans, span)
		bt.mu.Unlock()
	}
}

// run runs c (migrate upgrade -v), tracing its output.
func (bt *benchTrace) run(c *exec.Cmd, start time.Time) error {
	out, err := c.StdoutPipe()
	if err != nil {
		return err
	}
	errOut, err := c.StderrPipe()
	if err != nil {
		return err
	}
	if err := c.Start(); err != nil {
		return err
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go bt.read(out, start, &wg)
	go bt.read(errOut, start, &wg)
	wg.Wait()
	return c.Wait()
}

// report prints each statement that took 10 ms or more, or under which a
// query of the load took over slow, with the load's queries started while
// it ran: how many, their p99 and max, and how many were slower than
// slow; and the same for the time outside those statements.
func (bt *benchTrace) report(res benchResult, slow time.Duration) {
	fmt.Printf("\n  upgrade timeline (offsets from its start; queries of the load started in each span):\n")
	fmt.Printf("  %9s %9s %9s %7s %9s %9s %6s  %s\n", "from", "to", "took", "queries", "p99", "max", ">"+slow.String(), "statement")
	used := make([]bool, len(res.lat))
	for _, s := range bt.spans {
		var in []time.Duration
		for i, at := range res.at {
			if at >= s.from && at < s.to {
				in = append(in, res.lat[i])
				used[i] = true
			}
		}
		if s.to-s.from < 10*time.Millisecond && !slices.ContainsFunc(in, func(d time.Duration) bool { return d > slow }) {
			continue
		}
		printSpan(s.from, s.to, in, slow, oneLineSQL(s.what))
	}
	var rest []time.Duration
	for i, u := range used {
		if !u {
			rest = append(rest, res.lat[i])
		}
	}
	printSpan(0, 0, rest, slow, "(outside the statements above: before, between and after them)")
	buckets := map[time.Duration]int{}
	for i, d := range res.lat {
		if d > slow {
			buckets[res.at[i].Truncate(500*time.Millisecond)]++
		}
	}
	keys := slices.Sorted(maps.Keys(buckets))
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %.1fs:%d", k.Seconds(), buckets[k])
	}
	fmt.Printf("  queries over %s by the half second they started in:%s\n", slow, b.String())
}

// loadAverage is the machine's 1, 5 and 15 minute load averages
// (/proc/loadavg), which tell how much the cores were shared.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

func printSpan(from, to time.Duration, lat []time.Duration, slow time.Duration, what string) {
	r := benchResult{lat: lat}
	n := 0
	for _, d := range lat {
		if d > slow {
			n++
		}
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/1e6) }
	fmt.Printf("  %9s %9s %9s %7d %9s %9s %6d  %s\n", ms(from), ms(to), ms(to-from), len(lat), ms(r.pct(0.99)), ms(r.pct(1)), n, what)
}

func oneLineSQL(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 110 {
		s = s[:110] + "..."
	}
	return s
}
