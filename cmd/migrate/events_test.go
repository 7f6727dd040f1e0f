package main

import (
	"strings"
	"testing"
	"time"

	"github.com/retortdb/retort"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		name    string
		rows    int64
		elapsed time.Duration
		want    string
	}{
		{"just started: no rate yet", 1000, 10 * time.Millisecond, "\r  bulk_insert countries: 1000 rows"},
		{"rate once measurable", 500000, 2 * time.Second, "\r  bulk_insert countries: 500000 rows, 250000 rows/s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := progressLine("bulk_insert countries", tc.rows, tc.elapsed); got != tc.want {
				t.Errorf("progressLine = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestStepProgress draws a recreate's steps as a terminal would see them:
// one line per step, each ending with its time, then the revision line.
func TestStepProgress(t *testing.T) {
	var out strings.Builder
	a := &app{stdout: &out, stderr: &out}
	ev := a.eventsOn(false, true)
	ev(retort.Event{Kind: retort.Progress, Message: "recreate table t: create the new table (1/4)", Rows: -1})
	ev(retort.Event{Kind: retort.StatementRan, SQL: "CREATE TABLE ..."})
	ev(retort.Event{Kind: retort.Progress, Message: "recreate table t: copy rows (2/4)", Rows: -1})
	ev(retort.Event{Kind: retort.StatementRan, SQL: "INSERT ..."})
	ev(retort.Event{Kind: retort.RevisionFinished, Message: "upgrade a1 -> b2, alter", Duration: time.Millisecond})
	got := out.String()
	for _, want := range []string{
		"\r  recreate table t: create the new table (1/4) ... 0.0s",
		"s   \n\r  recreate table t: copy rows (2/4) ... 0.0s",
		"s   \nUpgrade a1 -> b2, alter (1ms)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output %q lacks %q", got, want)
		}
	}
	var quiet strings.Builder
	b := &app{stdout: &quiet, stderr: &quiet}
	ev = b.eventsOn(false, false)
	ev(retort.Event{Kind: retort.Progress, Message: "recreate table t: copy rows (2/4)", Rows: -1})
	ev(retort.Event{Kind: retort.RevisionFinished, Message: "upgrade a1 -> b2, alter", Duration: time.Millisecond})
	if quiet.String() != "Upgrade a1 -> b2, alter (1ms)\n" {
		t.Errorf("not a terminal: %q, want the revision line only", quiet.String())
	}
}
