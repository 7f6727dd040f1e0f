package main

import (
	"testing"
	"time"
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
