package main

import (
	"fmt"
	"time"

	"github.com/retortdb/retort"
)

// events prints the runner's progress: a line per revision, and with -v
// every statement with its duration.
func (a *app) events(verbose bool) func(retort.Event) {
	return func(e retort.Event) {
		switch e.Kind {
		case retort.RevisionStarted:
			if verbose {
				fmt.Fprintf(a.stdout, "Running %s\n", e.Message)
			}
		case retort.RevisionFinished:
			fmt.Fprintf(a.stdout, "%s (%s)\n", capital(e.Message), round(e.Duration))
		case retort.StatementRan:
			if verbose {
				fmt.Fprintf(a.stdout, "  %8s  %s\n", round(e.Duration), e.SQL)
			}
		case retort.Notice:
			if e.Direction == "stamp" {
				return
			}
			fmt.Fprintf(a.stderr, "migrate: %s\n", e.Message)
		}
	}
}

func round(d time.Duration) time.Duration {
	switch {
	case d > time.Second:
		return d.Round(time.Millisecond)
	case d > time.Millisecond:
		return d.Round(10 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

func capital(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
