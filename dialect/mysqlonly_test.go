package dialect_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestMySQLOnlyPlan: a trigger with follows: (MySQL's FOLLOWS) and the
// event ops plan on MySQL and are refused on PostgreSQL and SQLite, which
// fire triggers in an order of their own and have no scheduled events.
func TestMySQLOnlyPlan(t *testing.T) {
	tr := &metadata.Trigger{Table: "films", Name: "b", Follows: "a",
		Definition: "CREATE TRIGGER `b` BEFORE INSERT ON `films` FOR EACH ROW SET NEW.n = 1"}
	e := &metadata.Event{Name: "purge", Schedule: "EVERY 1 DAY", Body: "DELETE FROM t"}
	kinds := []struct {
		sentinel error
		list     []ops.Op
	}{
		{dialect.ErrNoTriggerOrder, []ops.Op{&ops.CreateTrigger{Trigger: tr}, &ops.ReplaceTrigger{Trigger: tr, Existing: tr}}},
		{dialect.ErrNoEvents, []ops.Op{&ops.CreateEvent{Event: e}, ops.DropEventOf(e), &ops.ReplaceEvent{Event: e, Existing: e}}},
	}
	tests := []struct {
		dialect string
		refused bool
	}{{"mysql", false}, {"postgresql", true}, {"sqlite", true}}
	for _, tc := range tests {
		d, err := dialect.Get(tc.dialect)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kinds {
			for _, o := range k.list {
				stmts, err := d.Plan(metadata.New(), []ops.Op{o})
				if got := errors.Is(err, k.sentinel); got != tc.refused {
					t.Errorf("%s %s: refused %v, want %v (err %v)", tc.dialect, o.Name(), got, tc.refused, err)
				}
				if !tc.refused && (err != nil || len(stmts) == 0) {
					t.Errorf("%s %s: %v, %v", tc.dialect, o.Name(), stmts, err)
				}
			}
		}
	}
}

// TestTriggerFollowsOrder: NormalizeRoutineOrder sorts triggers by table
// and name, then puts each one that follows another right after it.
func TestTriggerFollowsOrder(t *testing.T) {
	tests := []struct {
		name    string
		follows map[string]string
		want    []string
	}{
		{"none", map[string]string{"c": "", "a": "", "b": ""}, []string{"a", "b", "c"}},
		{"chain against names", map[string]string{"a": "b", "b": "c", "c": ""}, []string{"c", "b", "a"}},
		{"one moved", map[string]string{"a": "c", "b": "", "c": ""}, []string{"b", "c", "a"}},
		{"follows a missing one", map[string]string{"a": "x", "b": ""}, []string{"a", "b"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := metadata.New()
			for name, f := range tc.follows {
				m.Triggers = append(m.Triggers, &metadata.Trigger{Table: "t", Name: name, Follows: f})
			}
			dialect.NormalizeRoutineOrder(m)
			var got []string
			for _, tr := range m.Triggers {
				got = append(got, tr.Name)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %v, want %v", got, tc.want)
			}
		})
	}
}
