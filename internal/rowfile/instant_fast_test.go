package rowfile

import (
	"testing"
	"time"
)

// parseInstantSlow is parseInstant without the fast path: what the fast
// path must agree with.
func parseInstantSlow(s string) (time.Time, bool) {
	v := s
	if len(v) > 10 && (v[10] == ' ' || v[10] == 't') {
		v = v[:10] + "T" + v[11:]
	}
	if ts, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return ts.UTC(), true
	}
	if ts, err := time.Parse(localLayout, v); err == nil {
		return ts, true
	}
	return time.Time{}, false
}

var instantCases = []string{
	"2026-11-24 12:34:56", "2026-11-24T12:34:56", "2026-11-24t12:34:56", "2026-11-24 12:34:56Z",
	"2026-11-24 12:34:56.5", "2026-11-24 12:34:56.123456789", "2026-11-24 12:34:56.1234567891",
	"2026-11-24 12:34:56+02:00", "2026-11-24 12:34:56.25-05:30", "2026-11-24 12:34:56-00:00",
	"2026-02-29 00:00:00", "2024-02-29 00:00:00", "2026-02-30 00:00:00", "2026-13-01 00:00:00",
	"2026-00-01 00:00:00", "2026-01-00 00:00:00", "2026-01-01 24:00:00", "2026-01-01 23:60:00",
	"2026-01-01 23:59:60", "2026-01-01 00:00:00+24:00", "2026-01-01 00:00:00+23:59",
	"2026-01-01 00:00:00z", "2026-01-01 00:00:00.", "2026-01-01 00:00:00 ", "0000-01-01 00:00:00",
	"9999-12-31 23:59:59.999999999", "2026-1-01 00:00:00", "2026-01-01", "2026-01-01 00:00",
	"+2026-01-01 00:00:00", "2026-01-01 00:00:00+0200", "2026-01-01 00:00:00+02", "2026-01-01X00:00:00",
}

// TestParseInstantFast holds the fast path to time.Parse's answers: the
// same instant wherever it answers, and no answer where time.Parse fails.
func TestParseInstantFast(t *testing.T) {
	fast := 0
	for _, s := range instantCases {
		t.Run(s, func(t *testing.T) {
			checkInstant(t, s)
		})
		if _, ok := parseInstantFast(s); ok {
			fast++
		}
	}
	if fast < 12 {
		t.Errorf("the fast path read %d of the cases; it should read the common spellings", fast)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = parseInstantFast("2026-11-24 12:34:56.25") }); n != 0 {
		t.Errorf("parseInstantFast allocates %v times a value; want 0", n)
	}
}

func checkInstant(t *testing.T, s string) {
	got, ok := parseInstantFast(s)
	want, wok := parseInstantSlow(s)
	if ok && (!wok || !got.Equal(want) || got.Location() != time.UTC) {
		t.Errorf("%q: fast %v (ok), time.Parse %v (ok %v)", s, got, want, wok)
	}
}

// FuzzParseInstantFast compares the fast path with time.Parse.
func FuzzParseInstantFast(f *testing.F) {
	for _, s := range instantCases {
		f.Add(s)
	}
	f.Fuzz(checkInstant)
}
