package postgres

import (
	"testing"
	"time"

	"github.com/retortdb/retort/metadata"
)

// TestAppendCopyTime holds the hand-written COPY text of a time to what
// AppendFormat writes, for every kind and a spread of times, and to no
// allocation beyond the buffer.
func TestAppendCopyTime(t *testing.T) {
	layouts := map[metadata.Kind]string{
		metadata.Date:        time.DateOnly,
		metadata.Timestamp:   "2006-01-02 15:04:05.999999999",
		metadata.TimestampTZ: time.RFC3339Nano,
	}
	east := time.FixedZone("east", 2*3600)
	times := []time.Time{
		time.Date(2026, 11, 24, 12, 34, 56, 0, time.UTC),
		time.Date(2026, 1, 2, 3, 4, 5, 500_000_000, time.UTC),
		time.Date(2026, 1, 2, 3, 4, 5, 123_456_789, time.UTC),
		time.Date(2026, 1, 2, 3, 4, 5, 1_000, time.UTC),
		time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 23, 59, 59, 999_999_999, time.UTC),
		time.Date(12345, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 6, 1, 12, 0, 0, 0, east),
	}
	for kind, layout := range layouts {
		for _, x := range times {
			want := x.Format(layout)
			if got := string(appendCopyTime(nil, x, kind)); got != want {
				t.Errorf("%s %v: got %q, want %q", kind, x, got, want)
			}
		}
	}
	b := make([]byte, 0, 64)
	x := times[2]
	if n := testing.AllocsPerRun(100, func() { b = appendCopyTime(b[:0], x, metadata.Timestamp) }); n != 0 {
		t.Errorf("appendCopyTime allocates %v times; want 0", n)
	}
}
