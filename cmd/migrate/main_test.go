package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// migrate runs the command line in dir and returns stdout, stderr and the
// exit code.
func migrate(t *testing.T, dir string, args ...string) (string, string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"--directory", filepath.Join(dir, "migrations")}, args...), &out, &errb)
	return out.String(), errb.String(), code
}

func mustMigrate(t *testing.T, dir string, args ...string) string {
	t.Helper()
	out, errs, code := migrate(t, dir, args...)
	if code != 0 {
		t.Fatalf("migrate %v: exit %d: %s", args, code, errs)
	}
	return out
}

func TestRevisionBranchMergeHistory(t *testing.T) {
	dir := t.TempDir()
	mustMigrate(t, dir, "revision", "-m", "create users", "--rev-id", "a1")
	mustMigrate(t, dir, "revision", "-m", "add email", "--rev-id", "b2")
	mustMigrate(t, dir, "revision", "-m", "reports", "--rev-id", "c3", "--head", "a1", "--splice", "--branch-label", "rep")

	if _, errs, code := migrate(t, dir, "revision", "-m", "x"); code != 1 || !strings.Contains(errs, `multiple heads are present for "head": b2, c3`) {
		t.Fatalf("revision with two heads: exit %d, %q", code, errs)
	}
	if _, errs, code := migrate(t, dir, "revision", "-m", "x", "--head", "a1"); code != 1 || !strings.Contains(errs, "pass --splice") {
		t.Fatalf("revision on a non-head: exit %d, %q", code, errs)
	}
	if got := mustMigrate(t, dir, "heads"); got != "b2 (head)\nc3 (rep) (head)\n" {
		t.Errorf("heads:\n%s", got)
	}
	mustMigrate(t, dir, "merge", "-m", "merge reports", "--rev-id", "m4", "heads")
	// Order and labels as Alembic gives them for this history.
	want := "b2, c3 -> m4 (rep) (head) (mergepoint), merge reports\n" +
		"a1 -> b2, add email\n" +
		"a1 -> c3 (rep), reports\n" +
		"<base> -> a1 (branchpoint), create users\n"
	if got := mustMigrate(t, dir, "history"); got != want {
		t.Errorf("history:\n%s\nwant:\n%s", got, want)
	}
	if got := mustMigrate(t, dir, "branches"); got != "a1 (branchpoint)\n   -> b2\n   -> c3 (rep)\n\n" {
		t.Errorf("branches:\n%q", got)
	}
	if got := mustMigrate(t, dir, "history", "-r", "c3:"); got != "b2, c3 -> m4 (rep) (head) (mergepoint), merge reports\na1 -> c3 (rep), reports\n" {
		t.Errorf("history -r c3:\n%s", got)
	}
}

func TestJSONOutput(t *testing.T) {
	dir := t.TempDir()
	mustMigrate(t, dir, "revision", "-m", "one", "--rev-id", "a1")
	mustMigrate(t, dir, "revision", "-m", "two", "--rev-id", "b2", "--depends-on", "a1")
	var got []revisionJSON
	if err := json.Unmarshal([]byte(mustMigrate(t, dir, "history", "--format", "json")), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Revision != "b2" || got[1].Revision != "a1" {
		t.Fatalf("history json not newest first: %+v", got)
	}
	b := got[0]
	if !b.IsHead || b.IsBase || b.DownRevisions[0] != "a1" || b.DependsOn[0] != "a1" || b.Message != "two" ||
		b.Path != filepath.Join(dir, "migrations", "versions", "b2_two.yaml") {
		t.Errorf("b2: %+v", b)
	}
	if got[1].BranchLabels == nil || !got[1].IsBase {
		t.Errorf("a1: %+v", got[1])
	}
	for _, cmd := range [][]string{{"heads"}, {"branches"}, {"show", "head"}} {
		out := mustMigrate(t, dir, append(cmd, "--format", "json")...)
		if !json.Valid([]byte(out)) || !strings.HasPrefix(out, "[") {
			t.Errorf("%v: not a JSON array: %s", cmd, out)
		}
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	mustMigrate(t, dir, "revision", "-m", "one", "--rev-id", "a1")
	for _, tc := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"history", "-r", "nocolon"}, 2, "expected [start]:[end]"},
		{[]string{"show"}, 2, "accepts 1 arg"},
		{[]string{"heads", "--nope"}, 2, "unknown flag"},
		{[]string{"heads", "--format", "xml"}, 2, "--format must be text or json"},
		{[]string{"show", "zzzz"}, 1, `no such revision or branch "zzzz"`},
		{[]string{"revision", "-m", "x", "--rev-id", "a-b"}, 2, "not allowed"},
		{[]string{"history", "-r", "-3:current"}, 2, "no database URL"},
	} {
		_, errs, code := migrate(t, dir, tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.msg) {
			t.Errorf("%v: exit %d %q; want %d and %q", tc.args, code, errs, tc.code, tc.msg)
		}
	}
}

func TestMissingDirectory(t *testing.T) {
	_, errs, code := migrate(t, t.TempDir(), "show", "head")
	if code != 1 || !strings.Contains(errs, "no revision directory") {
		t.Errorf("exit %d %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(t.TempDir(), "migrations")); !os.IsNotExist(err) {
		t.Error("show created a directory")
	}
}

// TestMergeSplice is Alembic's merge --splice (1.18.5, #1712): merging two
// revisions that are not heads makes a merge revision that follows both
// and becomes a head beside the heads that already follow them.
func TestMergeSplice(t *testing.T) {
	dir := t.TempDir()
	mustMigrate(t, dir, "revision", "-m", "base", "--rev-id", "aaaa")
	mustMigrate(t, dir, "revision", "-m", "left", "--rev-id", "bbbb")
	mustMigrate(t, dir, "revision", "-m", "right", "--rev-id", "cccc", "--head", "aaaa", "--splice")
	mustMigrate(t, dir, "revision", "-m", "left 2", "--rev-id", "dddd", "--head", "bbbb")
	mustMigrate(t, dir, "revision", "-m", "right 2", "--rev-id", "eeee", "--head", "cccc")

	_, errs, code := migrate(t, dir, "merge", "bbbb", "cccc", "-m", "merge", "--rev-id", "merge0001")
	if code != 1 || !strings.Contains(errs, "revision bbbb is not a head revision; pass --splice to merge it") {
		t.Fatalf("merge of non-heads without --splice: exit %d, %q", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "migrations", "versions", "merge0001_merge.yaml")); !os.IsNotExist(err) {
		t.Fatalf("a refused merge wrote a file: %v", err)
	}

	mustMigrate(t, dir, "merge", "bbbb", "cccc", "-m", "merge", "--rev-id", "merge0001", "--splice")
	var show []struct {
		DownRevisions []string `json:"down_revisions"`
		IsMergePoint  bool     `json:"is_merge_point"`
	}
	out := mustMigrate(t, dir, "show", "merge0001", "--format", "json")
	if err := json.Unmarshal([]byte(out), &show); err != nil || len(show) != 1 {
		t.Fatalf("show --format json: %v\n%s", err, out)
	}
	if strings.Join(show[0].DownRevisions, ",") != "bbbb,cccc" || !show[0].IsMergePoint {
		t.Errorf("merge0001 follows %v (merge point %v), want [bbbb cccc], a merge point\n%s",
			show[0].DownRevisions, show[0].IsMergePoint, out)
	}
	heads := strings.Fields(strings.ReplaceAll(mustMigrate(t, dir, "heads"), "(head)", ""))
	slices.Sort(heads)
	if strings.Join(heads, " ") != "dddd eeee merge0001" {
		t.Errorf("heads after merge --splice: %v, want dddd eeee merge0001 (Alembic's result)", heads)
	}
}
