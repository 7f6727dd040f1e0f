package main

import (
	"math"
	"os"
	"runtime"
	"runtime/debug"
)

// firstGCAt is the Go memory (bytes) the command may use before its first
// garbage collection. A command's heap starts at a 4 MB goal, so a
// 1,000-table inspect collected ten times on its way to 15 MB, and the
// collections (with the signals that stop goroutines for them) were a
// sixth of its CPU. Collecting first at 32 MiB keeps a small command
// free of collections and a large one at the usual pace after the first.
const firstGCAt = 48 << 20

// tuneGC defers the first garbage collection until the heap reaches
// firstGCAt, then hands the pacing back to the runtime's defaults
// (GOGC=100, no memory limit). A GOGC or GOMEMLIMIT set by the user wins:
// then nothing is changed.
func tuneGC() {
	if os.Getenv("GOGC") != "" || os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(firstGCAt)
	// The sentinel is unreachable from the start, so the first collection
	// queues its finalizer, which restores the defaults.
	runtime.SetFinalizer(&gcSentinel{}, func(*gcSentinel) { defaultGC() })
}

// defaultGC restores the runtime's default pacing.
func defaultGC() {
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)
}

// gcSentinel is a heap object with a pointer in it (a pointer-free one
// smaller than 16 bytes may share a block and never be finalized).
type gcSentinel struct{ _ *int }
