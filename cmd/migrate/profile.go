package main

import (
	"fmt"
	"io"
	"os"
	"runtime/pprof"
)

// profileEnv names the hidden, documented environment variable that makes
// the command write a CPU profile of its whole run (go tool pprof reads it):
// RETORT_CPUPROFILE=/tmp/cpu.out migrate inspect. Unset, it costs one
// lookup.
const profileEnv = "RETORT_CPUPROFILE"

// startProfile starts the CPU profile named by RETORT_CPUPROFILE and returns
// the function that stops it; with the variable unset it does nothing.
func startProfile(stderr io.Writer) func() {
	path := os.Getenv(profileEnv)
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		fmt.Fprintf(stderr, "migrate: %s: %v\n", profileEnv, err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(stderr, "migrate: %s: %v\n", profileEnv, err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
