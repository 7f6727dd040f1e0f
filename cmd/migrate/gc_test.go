package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestTuneGC checks that tuneGC turns the collector off until the first
// collection and that the first collection restores GOGC=100, and that a
// GOGC set by the user is left alone.
func TestTuneGC(t *testing.T) {
	for _, tc := range []struct {
		name     string
		gogc     string
		deferred bool // the collector waits for firstGCAt
	}{
		{"defaults", "", true},
		{"user's GOGC", "200", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Setenv("GOGC", tc.gogc)
			t.Setenv("GOMEMLIMIT", "")
			defer defaultGC()
			debug.SetGCPercent(100)
			tuneGC()
			if got := debug.SetGCPercent(-1) == -1; got != tc.deferred {
				t.Fatalf("after tuneGC, collector off = %v, want %v", got, tc.deferred)
			}
			if !tc.deferred {
				return
			}
			debug.SetGCPercent(-1) // as tuneGC left it
			if lim := debug.SetMemoryLimit(-1); lim != firstGCAt {
				t.Fatalf("memory limit %d, want %d", lim, firstGCAt)
			}
			for i := 0; i < 100; i++ {
				runtime.GC()
				time.Sleep(time.Millisecond)
				if debug.SetMemoryLimit(-1) != firstGCAt {
					break
				}
			}
			if p := debug.SetGCPercent(100); p != 100 {
				t.Errorf("after the first collection GOGC = %d, want 100", p)
			}
		})
	}
}
