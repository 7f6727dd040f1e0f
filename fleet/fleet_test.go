package fleet_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/fleet"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestFleetUpgrade: a fleet of SQLite files and a database on each server,
// with one broken target, upgraded four at a time: the broken one is
// reported, every other finishes at head, each with its own results.
func TestFleetUpgrade(t *testing.T) {
	var urls []string
	for range 6 {
		urls = append(urls, dbtest.SQLite(t).URL)
	}
	broken := "sqlite:///" + filepath.Join(t.TempDir(), "missing", "dir", "x.db")
	urls = append(urls, broken, dbtest.Postgres(t).URL, dbtest.MySQL(t).URL)
	fl := &fleet.Fleet{Targets: urls, Parallel: 4, Options: retort.Options{Migrations: basic()}}
	progress := 0
	fl.Progress = func(done, total int, r fleet.Result) {
		progress++
		if done != progress || total != len(urls) {
			t.Errorf("progress %d/%d after %d calls", done, total, progress)
		}
	}
	res := fl.Upgrade(context.Background(), "head")
	if len(res) != len(urls) || progress != len(urls) {
		t.Fatalf("%d results, %d progress calls for %d targets", len(res), progress, len(urls))
	}
	for i, r := range res {
		if urls[i] == broken {
			if r.Err == nil {
				t.Errorf("%s: the broken target succeeded", r.Target)
			}
			continue
		}
		if r.Err != nil || len(r.From) != 0 || len(r.To) != 1 || r.To[0] != "r3" {
			t.Errorf("%s: from %v to %v: %v", r.Target, r.From, r.To, r.Err)
		}
	}
	if n := fleet.Failed(res); n != 1 {
		t.Errorf("%d failed, want 1", n)
	}
	// Every target is at head; current agrees.
	fl.Progress = nil
	for _, r := range fl.Current(context.Background()) {
		if r.Err == nil && (len(r.From) != 1 || r.From[0] != "r3") {
			t.Errorf("%s: current %v", r.Target, r.From)
		}
	}
}

// TestFleetFailFast: after the first failure no target is started.
func TestFleetFailFast(t *testing.T) {
	urls := []string{"sqlite:///" + filepath.Join(t.TempDir(), "missing", "x.db")}
	for range 5 {
		urls = append(urls, dbtest.SQLite(t).URL)
	}
	fl := &fleet.Fleet{Targets: urls, Parallel: 1, FailFast: true, Options: retort.Options{Migrations: basic()}}
	res := fl.Upgrade(context.Background(), "head")
	if res[0].Err == nil || errors.Is(res[0].Err, fleet.ErrSkipped) {
		t.Fatalf("first target: %v", res[0].Err)
	}
	for _, r := range res[1:] {
		if !errors.Is(r.Err, fleet.ErrSkipped) {
			t.Errorf("%s: %v, want skipped", r.Target, r.Err)
		}
	}
}

// TestFleetCancel: a cancelled context runs no target and reports each.
func TestFleetCancel(t *testing.T) {
	var urls []string
	for range 3 {
		urls = append(urls, dbtest.SQLite(t).URL)
	}
	c, cancel := context.WithCancel(context.Background())
	cancel()
	fl := &fleet.Fleet{Targets: urls, Parallel: 2, Options: retort.Options{Migrations: basic()}}
	for _, r := range fl.Upgrade(c, "head") {
		if r.Err == nil {
			t.Errorf("%s ran under a cancelled context", r.Target)
		}
	}
}

// openCounter is an fs.FS that counts the files opened through it.
type openCounter struct {
	fs.FS
	opens atomic.Int64
}

func (c *openCounter) Open(name string) (fs.File, error) {
	if strings.HasSuffix(name, ".yaml") {
		c.opens.Add(1)
	}
	return c.FS.Open(name)
}

// TestFleetLoadsHistoryOnce: the history is read once for the whole fleet
// and its runners share it, so eight targets upgraded four at a time open
// each revision file once, not once a target; every target ends at head.
func TestFleetLoadsHistoryOnce(t *testing.T) {
	var urls []string
	for range 8 {
		urls = append(urls, dbtest.SQLite(t).URL)
	}
	files := &openCounter{FS: basic()}
	fl := &fleet.Fleet{Targets: urls, Parallel: 4, Options: retort.Options{Migrations: files}}
	for _, r := range fl.Upgrade(ctx(t), "head") {
		if r.Err != nil || len(r.To) != 1 || r.To[0] != "r3" {
			t.Errorf("%s: to %v: %v", r.Target, r.To, r.Err)
		}
	}
	if n := files.opens.Load(); n != 3 {
		t.Errorf("the fleet opened revision files %d times for 3 files and %d targets, want 3", n, len(urls))
	}
}
