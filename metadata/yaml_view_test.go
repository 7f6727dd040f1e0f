package metadata_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestViewsRoundTrip writes views and reads them back unchanged.
func TestViewsRoundTrip(t *testing.T) {
	m := &metadata.MetaData{
		Tables: []*metadata.Table{{Name: "films", Columns: []*metadata.Column{{Name: "id", Type: metadata.Type{Kind: metadata.Integer}}}}},
		Views: []*metadata.View{
			{Name: "film_ids", Definition: "SELECT films.id\n   FROM films", CheckOption: metadata.CheckCascaded,
				SecurityInvoker: true, Comment: "ids", Reads: []string{"films"}},
			{Schema: "rep", Name: "film_count", Materialized: true, Definition: "SELECT count(*) AS n FROM film_ids",
				Indexes: []*metadata.Index{{Name: "film_count_n", Columns: []string{"n"}, Unique: true}}},
			{Name: "my_view", Definition: "select 1 AS `x`", Security: "invoker", Algorithm: "merge", Definer: "app@%"},
		},
	}
	out, err := metadata.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := metadata.Read("schema.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(back.Views, m.Views) {
		t.Errorf("views differ after a round trip:\n%s", out)
	}
	again, _ := metadata.Write(back)
	if string(again) != string(out) {
		t.Errorf("second write differs:\n%s\n---\n%s", out, again)
	}
}

// TestViewErrors reports bad views with their line.
func TestViewErrors(t *testing.T) {
	for _, tc := range []struct{ name, yaml, want string }{
		{"no definition", "views:\n  - name: v\n", "schema.yaml:2:5: view \"v\": definition is missing"},
		{"bad check option", "views:\n  - name: v\n    definition: select 1\n    check_option: always\n", "check_option \"always\" is not one of local, cascaded"},
		{"indexes of a plain view", "views:\n  - name: v\n    definition: select 1 as a\n    indexes: [{name: i, columns: [a]}]\n", "only a materialized view has indexes"},
		{"unknown key", "views:\n  - name: v\n    definition: select 1\n    query: x\n", "unknown key \"query\""},
		{"named twice", "tables:\n  - name: v\n    columns: [{name: a, type: integer}]\nviews:\n  - name: v\n    definition: select 1\n", "named as another table or view"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metadata.Read("schema.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
