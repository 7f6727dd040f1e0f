package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/retortdb/retort"
)

// events prints the runner's progress: a line per revision, and with -v
// every statement with its duration.
func (a *app) events(verbose bool) func(retort.Event) {
	tty := isTerminal(a.stdout)
	progress := false
	var started time.Time // of the progress line being drawn
	return func(e retort.Event) {
		if progress && e.Kind != retort.Progress {
			fmt.Fprintln(a.stdout)
			progress = false
		}
		switch e.Kind {
		case retort.Progress:
			// Progress is for people watching: not in logs or pipes.
			if tty {
				if !progress {
					started = time.Now()
				}
				fmt.Fprint(a.stdout, progressLine(e.Message, e.Rows, time.Since(started)))
				progress = true
			}
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

// progressLine redraws a long load's line: rows so far and their rate.
func progressLine(what string, rows int64, elapsed time.Duration) string {
	line := fmt.Sprintf("\r  %s: %d rows", what, rows)
	if elapsed >= 100*time.Millisecond {
		line += fmt.Sprintf(", %.0f rows/s", float64(rows)/elapsed.Seconds())
	}
	return line
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
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
