package retort_test

import (
	"slices"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/internal/dbtest"
)

// TestRecreateProgress: a SQLite table recreate reports each of its long
// steps, numbered, before running it, and an index build reports itself,
// as Progress events with Rows -1 (what migrate draws on a terminal).
func TestRecreateProgress(t *testing.T) {
	db := dbtest.SQLite(t)
	fs := history(
		rev{id: "r1", upgrade: `- create_table: {name: items, columns: [{name: id, type: bigint, primary_key: true}, {name: name, type: varchar(50)}], indexes: [{name: ix_items_name, columns: [name]}]}`,
			downgrade: `- drop_table: {name: items}`},
		rev{id: "r2", down: "r1",
			upgrade:   "- alter_column: {table: items, column: name, nullable: false, existing_type: varchar(50), existing_nullable: true}\n- create_index: {name: ix_items_id_name, table: items, columns: [id, name]}",
			downgrade: "- drop_index: {name: ix_items_id_name, table: items}\n- alter_column: {table: items, column: name, nullable: true, existing_type: varchar(50), existing_nullable: false}"},
		rev{id: "r3", down: "r2",
			upgrade:   "- create_index: {name: ix_items_name_id, table: items, columns: [name, id]}",
			downgrade: "- drop_index: {name: ix_items_name_id, table: items}"},
	)
	var steps []string
	r := newRunner(t, db, fs, func(o *retort.Options) {
		o.Events = func(e retort.Event) {
			if e.Kind == retort.Progress && e.Rows == -1 {
				steps = append(steps, e.Revision+": "+e.Message)
			}
		}
	})
	if err := r.Upgrade(ctx(t), "head"); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"r2: recreate table items: create the new table (1/6)",
		"r2: recreate table items: copy rows (2/6)",
		"r2: recreate table items: drop the old table (3/6)",
		"r2: recreate table items: build index ix_items_name (4/6)",
		"r2: recreate table items: build index ix_items_id_name (5/6)",
		"r2: recreate table items: replay triggers (6/6)",
		"r3: create index ix_items_name_id on items",
	}
	if !slices.Equal(steps, want) {
		t.Errorf("progress steps:\n%q\nwant:\n%q", steps, want)
	}
}
