package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// initBudget (bytes) is what Retort's own packages may allocate while they
// initialise, before main runs: every command pays it (migrate current's
// cold start), so tables and regexps that only some commands use are built
// on first use (sync.OnceValue), not at init.
const initBudget = 88 << 10

// TestInitAllocations re-runs this test binary with GODEBUG=inittrace=1 and
// no test selected, and adds up the bytes Retort's packages allocate in
// their init: a package-level regexp.MustCompile or a big literal table
// shows up here. The figure is an allocation count, not a clock.
func TestInitAllocations(t *testing.T) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("re-running the test binary: %v\n%s", err, stderr.String())
	}
	total, per := 0, map[string]int{}
	trace := stderr.String()
	sc := bufio.NewScanner(strings.NewReader(trace))
	for sc.Scan() {
		pkg, bytes, ok := parseInitTrace(sc.Text())
		if !ok || !releasePackage(pkg) {
			continue
		}
		total += bytes
		per[pkg] = bytes
	}
	if len(per) == 0 {
		t.Fatalf("no init trace of Retort's packages in:\n%s", trace)
	}
	if total > initBudget {
		t.Errorf("Retort's packages allocate %d bytes at init (budget %d): %v; build tables and regexps on first use", total, initBudget, per)
	}
}

// releasePackage reports whether pkg is one of Retort's packages that the
// migrate binary links; this test binary's own package and the test helpers
// under internal/ are left out.
func releasePackage(pkg string) bool {
	const mod = "github.com/retortdb/retort"
	return strings.HasPrefix(pkg, mod) && !strings.HasPrefix(pkg, mod+"/cmd/") && !strings.Contains(pkg, "/internal/")
}

// parseInitTrace reads one GODEBUG=inittrace=1 line:
// "init PKG @T ms, C ms clock, B bytes, A allocs".
func parseInitTrace(line string) (pkg string, bytes int, ok bool) {
	f := strings.Fields(line)
	if len(f) < 11 || f[0] != "init" || f[8] != "bytes," {
		return "", 0, false
	}
	n, err := strconv.Atoi(f[7])
	if err != nil {
		return "", 0, false
	}
	return f[1], n, true
}
