package main

import (
	"regexp"
	"testing"
)

// knownDiff is a difference the dump round trip still shows for a file:
// why and who owns the fix (reason), and the diff lines it accounts for,
// by kind:
//   - only: lines one dump has and the other lacks, matching lines;
//   - hunk: whole hunks that have a line matching lines (a routine's body);
//   - rewrite: an original line that, with lines replaced by repl, is a
//     line of the rebuilt dump (the same definition, spelled otherwise);
//   - moved: a line matching lines that both dumps have, in another place.
type knownDiff struct {
	reason string
	kind   string
	lines  *regexp.Regexp
	repl   string
}

func only(reason, lines string) knownDiff {
	return knownDiff{reason: reason, kind: "only", lines: regexp.MustCompile(lines)}
}

func hunkOf(reason, lines string) knownDiff {
	return knownDiff{reason: reason, kind: "hunk", lines: regexp.MustCompile(lines)}
}

func rewrite(reason, lines, repl string) knownDiff {
	return knownDiff{reason: reason, kind: "rewrite", lines: regexp.MustCompile(lines), repl: repl}
}

func moved(reason, lines string) knownDiff {
	return knownDiff{reason: reason, kind: "moved", lines: regexp.MustCompile(lines)}
}

// realWorldDumps lists every file of testdata/realworld. A file with no
// known differences is strict: zero diff lines, zero warnings. The test
// fails when a known difference no longer shows, so that fixing one moves
// its file towards the strict list.
var realWorldDumps = []realWorldDump{
	{file: "chinook.sqlite.sql"},
	{file: "chinook-autoincrement.sqlite.sql"},
	{file: "sakila.sqlite.sql"},
	{file: "synapse.sqlite.sql", skip: "modernc.org/sqlite has no FTS4, which the file's two virtual tables need"},
	{file: "chinook.postgresql.sql"},
	{file: "chinook-identity.postgresql.sql"},
	{file: "chinook-serial.postgresql.sql"},
	{file: "pagila.postgresql.sql"},
	{file: "pagila-pg18.postgresql.sql", skip: "needs PostgreSQL 18 (uuidv7(), VIRTUAL generated columns) and pgvector; the server here is 15"},
	{file: "sakila.postgresql.sql"},
	{file: "synapse.postgresql.sql"},
	{file: "chinook.mysql.sql"},
	{file: "chinook-autoincrement.mysql.sql"},
	{file: "sakila.mysql.sql"},
	{file: "sakila-jooq.mysql.sql"},
}

// The known differences: none at the moment, every file is strict. A new
// one is declared here with only, hunkOf, rewrite or moved, with its reason
// and owner, and listed on its file.

// assertKnownDiff fails on a diff line that no known difference accounts
// for, and on a known difference that no longer shows (delete it: the
// file may have become strict).
func assertKnownDiff(t *testing.T, tc realWorldDump, hunks [][]string) {
	t.Helper()
	used := map[int]bool{}
	var minus, plus []string
	for _, h := range hunks {
		if i := hunkKnown(tc.known, h); i >= 0 {
			used[i] = true
			continue
		}
		for _, l := range h {
			if l[0] == '-' {
				minus = append(minus, l[2:])
			} else {
				plus = append(plus, l[2:])
			}
		}
	}
	minus, plus = pairKnown(tc.known, minus, plus, used)
	for _, side := range []struct {
		sign  string
		lines []string
	}{{"- ", minus}, {"+ ", plus}} {
		for _, l := range side.lines {
			if i := onlyKnown(tc.known, side.sign+l); i >= 0 {
				used[i] = true
				continue
			}
			t.Errorf("dump differs: %s%s", side.sign, l)
		}
	}
	for i, k := range tc.known {
		if !used[i] {
			t.Errorf("known difference gone (%s): delete it from realWorldDumps", k.reason)
		}
	}
}

// hunkKnown is the index of the hunk known difference that matches a line
// of h, or -1.
func hunkKnown(known []knownDiff, h []string) int {
	for i, k := range known {
		if k.kind != "hunk" {
			continue
		}
		for _, l := range h {
			if k.lines.MatchString(l) {
				return i
			}
		}
	}
	return -1
}

// onlyKnown is the index of the one-sided known difference matching l
// ("- " or "+ " included), or -1.
func onlyKnown(known []knownDiff, l string) int {
	for i, k := range known {
		if k.kind == "only" && k.lines.MatchString(l) {
			return i
		}
	}
	return -1
}

// pairKnown pairs original lines with rebuilt ones that known rewrites
// (or a known move, for a line both have) account for, marks those used,
// and returns the lines left unpaired.
func pairKnown(known []knownDiff, minus, plus []string, used map[int]bool) ([]string, []string) {
	taken := make([]bool, len(plus))
	var left []string
	for _, m := range minus {
		want, rewrites := m, []int{}
		for i, k := range known {
			if k.kind == "rewrite" && k.lines.MatchString(want) {
				want, rewrites = k.lines.ReplaceAllString(want, k.repl), append(rewrites, i)
			}
		}
		if len(rewrites) == 0 {
			rewrites = movedKnown(known, m)
		}
		j := indexFree(plus, taken, want)
		if j < 0 || len(rewrites) == 0 {
			left = append(left, m)
			continue
		}
		taken[j] = true
		for _, i := range rewrites {
			used[i] = true
		}
	}
	var rest []string
	for j, p := range plus {
		if !taken[j] {
			rest = append(rest, p)
		}
	}
	return left, rest
}

// movedKnown is the known move matching l, as a one-element list, or nil.
func movedKnown(known []knownDiff, l string) []int {
	for i, k := range known {
		if k.kind == "moved" && k.lines.MatchString(l) {
			return []int{i}
		}
	}
	return nil
}

// indexFree is the index of the first line of lines equal to l that is
// not yet taken, or -1.
func indexFree(lines []string, taken []bool, l string) int {
	for j, p := range lines {
		if !taken[j] && p == l {
			return j
		}
	}
	return -1
}
