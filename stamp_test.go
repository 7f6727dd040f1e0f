package retort_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

func TestStamp(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		r := newRunner(t, db, basic())
		for _, tc := range []struct {
			targets []string
			purge   bool
			heads   string
		}{
			{[]string{"r2"}, false, "r2"},
			{[]string{"head"}, false, "r3"},
			{[]string{"base"}, false, ""},
			{[]string{"r1"}, true, "r1"},
		} {
			if err := r.Stamp(ctx(t), tc.targets, tc.purge); err != nil {
				t.Fatalf("stamp %v: %v", tc.targets, err)
			}
			if got := heads(t, r); got != tc.heads {
				t.Errorf("stamp %v: heads %q, want %q", tc.targets, got, tc.heads)
			}
		}
		if got := tables(t, db); got != "migrate_version" {
			t.Errorf("stamp ran migrations: %s", got)
		}
	})
}

// TestNonTransactional: a transactional: false revision runs outside a
// transaction, and the runner says so; events report each revision and
// statement.
func TestNonTransactional(t *testing.T) {
	db := dbtest.SQLite(t)
	fsys := history(rev{id: "n1", nonTransactional: true,
		upgrade:   `- create_table: {name: items, columns: [{name: id, type: integer}]}`,
		downgrade: `- drop_table: {name: items}`})
	var events []retort.Event
	r := newRunner(t, db, fsys, func(o *retort.Options) { o.Events = func(e retort.Event) { events = append(events, e) } })
	if err := r.Upgrade(ctx(t), "head"); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, e := range events {
		switch e.Kind {
		case retort.Notice:
			kinds = append(kinds, "notice")
			if !strings.Contains(e.Message, "outside a transaction") {
				t.Errorf("notice: %s", e.Message)
			}
		case retort.RevisionStarted:
			kinds = append(kinds, "started")
		case retort.RevisionFinished:
			kinds = append(kinds, "finished")
		case retort.StatementRan:
			if strings.HasPrefix(e.SQL, "CREATE TABLE") {
				kinds = append(kinds, "create")
			}
			if e.SQL == "BEGIN" {
				t.Error("a transactional: false revision began a transaction")
			}
		}
	}
	if got := strings.Join(kinds, ","); got != "notice,started,create,finished" {
		t.Errorf("events: %s", got)
	}
}
