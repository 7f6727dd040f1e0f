package metadata_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestRoutinesRoundTrip writes functions, procedures, aggregates,
// triggers and events and reads them back unchanged, twice to the same
// bytes.
func TestRoutinesRoundTrip(t *testing.T) {
	m := &metadata.MetaData{
		Tables: []*metadata.Table{{Name: "films", Columns: []*metadata.Column{{Name: "id", Type: metadata.Type{Kind: metadata.Integer}}}}},
		Functions: []*metadata.Routine{
			{Kind: metadata.KindFunction, Name: "touch", Arguments: "", Returns: "trigger",
				Definition: "CREATE OR REPLACE FUNCTION public.touch()\n RETURNS trigger\n LANGUAGE plpgsql\nAS $function$BEGIN RETURN NEW; END$function$", Comment: "sets it"},
			{Kind: metadata.KindFunction, Schema: "rep", Name: "_cat", Arguments: "text, text", Returns: "text",
				Definition: "CREATE OR REPLACE FUNCTION rep._cat(text, text) RETURNS text LANGUAGE sql AS $$SELECT $1 || $2$$"},
		},
		Procedures: []*metadata.Routine{{Kind: metadata.KindProcedure, Name: "p", Arguments: "IN `a` int",
			Definition: "CREATE PROCEDURE `p`(IN `a` int)\nBEGIN\n  SELECT a;\nEND", Definer: "app@%"}},
		Aggregates: []*metadata.Routine{{Kind: metadata.KindAggregate, Schema: "rep", Name: "cat", Arguments: "text", Returns: "text",
			Definition: "CREATE AGGREGATE rep.cat(text) (SFUNC = rep._cat, STYPE = text)", Uses: []string{"rep._cat(text, text)"}}},
		Triggers: []*metadata.Trigger{{Table: "films", Name: "films_touch", Function: "touch()",
			Definition: "CREATE TRIGGER films_touch BEFORE UPDATE ON public.films FOR EACH ROW EXECUTE FUNCTION touch()"},
			{Table: "films", Name: "films_after", Follows: "films_touch",
				Definition: "CREATE TRIGGER `films_after` BEFORE UPDATE ON `films` FOR EACH ROW SET NEW.id = 1"}},
		Events: []*metadata.Event{{Name: "purge", Schedule: "EVERY 1 DAY STARTS '2031-01-01 00:00:00'", Preserve: true,
			Status: "disabled", Body: "BEGIN\n  DELETE FROM films;\nEND", Comment: "nightly", Definer: "app@%",
			SQLMode: "TRADITIONAL", TimeZone: "+02:00"}, {Schema: "rep", Name: "once", Schedule: "AT '2031-01-01 00:00:00'",
			Body: "DELETE FROM films"}},
	}
	out, err := metadata.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	back, err := metadata.Read("schema.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	for _, got := range []struct {
		name       string
		back, want any
	}{{"functions", back.Functions, m.Functions}, {"procedures", back.Procedures, m.Procedures},
		{"aggregates", back.Aggregates, m.Aggregates}, {"triggers", back.Triggers, m.Triggers}, {"events", back.Events, m.Events}} {
		if !reflect.DeepEqual(got.back, got.want) {
			t.Errorf("%s differ after a round trip:\n%s", got.name, out)
		}
	}
	again, _ := metadata.Write(back)
	if string(again) != string(out) {
		t.Errorf("second write differs:\n%s\n---\n%s", out, again)
	}
	js, err := metadata.WriteJSON(m)
	if err != nil || !json.Valid(js) || !strings.Contains(string(js), `"aggregates"`) || !strings.Contains(string(js), `"triggers"`) {
		t.Errorf("WriteJSON: %v\n%s", err, js)
	}
}

// TestRoutineErrors reports bad routines and triggers with their line.
func TestRoutineErrors(t *testing.T) {
	table := "tables:\n  - name: t\n    columns: [{name: a, type: integer}]\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"no definition", "functions:\n  - name: f\n    arguments: ''\n", "schema.yaml:2:5: function \"f\": definition is missing; give the CREATE FUNCTION statement"},
		{"unknown key", "procedures:\n  - name: p\n    definition: CREATE PROCEDURE p() BEGIN END\n    body: x\n", "unknown key \"body\""},
		{"declared twice", "functions:\n  - {name: f, arguments: int, definition: x}\n  - {name: f, arguments: int, definition: y}\n", "function f(int) is declared twice"},
		{"trigger without table", "triggers:\n  - name: tr\n    definition: CREATE TRIGGER tr\n", "table is missing"},
		{"trigger on nothing", table + "triggers:\n  - {name: tr, table: u, definition: CREATE TRIGGER tr}\n", "there is no table or view u"},
		{"event without schedule", "events:\n  - {name: e, body: DELETE FROM t}\n", "schema.yaml:2:5: event \"e\": schedule is missing"},
		{"event without body", "events:\n  - {name: e, schedule: EVERY 1 DAY}\n", "body is missing"},
		{"event status", "events:\n  - {name: e, schedule: EVERY 1 DAY, body: x, status: paused}\n", "is not one of enabled, disabled, slaveside_disabled"},
		{"event twice", "events:\n  - {name: e, schedule: EVERY 1 DAY, body: x}\n  - {name: e, schedule: EVERY 1 DAY, body: y}\n", "event e is declared twice"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metadata.Read("schema.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
