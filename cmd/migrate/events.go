package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/retortdb/retort"
)

// events prints the runner's progress: a line per revision, and with -v
// every statement with its duration. On a terminal, long ops draw a line
// that redraws itself: rows and rate for a bulk load, the step and its
// elapsed time (ticking) for a table recreate or an index build.
func (a *app) events(verbose bool) func(retort.Event) {
	return a.eventsOn(verbose, isTerminal(a.stdout))
}

// eventsOn is events, drawing progress when tty.
func (a *app) eventsOn(verbose, tty bool) func(retort.Event) {
	var mu sync.Mutex // the ticker draws too
	progress := false
	var started time.Time // of the progress line being drawn
	var stop chan struct{}
	step := "" // the step being drawn, if any
	endLine := func() {
		if stop != nil {
			close(stop)
			stop = nil
			fmt.Fprint(a.stdout, stepLine(step, time.Since(started))) // its final time
		}
		if progress {
			fmt.Fprintln(a.stdout)
			progress = false
		}
	}
	return func(e retort.Event) {
		mu.Lock()
		defer mu.Unlock()
		if e.Kind != retort.Progress || e.Rows < 0 {
			endLine()
		}
		switch e.Kind {
		case retort.Progress:
			// Progress is for people watching: not in logs or pipes.
			if !tty {
				return
			}
			if e.Rows < 0 {
				started, progress, step = time.Now(), true, e.Message
				fmt.Fprint(a.stdout, stepLine(e.Message, 0))
				stop = make(chan struct{})
				go tick(stop, &mu, func() { fmt.Fprint(a.stdout, stepLine(e.Message, time.Since(started))) })
				return
			}
			if !progress {
				started = time.Now()
			}
			fmt.Fprint(a.stdout, progressLine(e.Message, e.Rows, time.Since(started)))
			progress = true
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
		case retort.Retry:
			fmt.Fprintf(a.stderr, "migrate: %s\n", e.Message)
		case retort.Notice:
			if e.Direction == "stamp" {
				return
			}
			fmt.Fprintf(a.stderr, "migrate: %s\n", e.Message)
		}
	}
}

// tick redraws a step's line every 200 ms until stop is closed.
func tick(stop chan struct{}, mu *sync.Mutex, draw func()) {
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			mu.Lock()
			select {
			case <-stop: // the line ended while we waited
			default:
				draw()
			}
			mu.Unlock()
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

// stepLine redraws a long step's line: what it does and for how long it
// has been at it. The trailing spaces wipe a longer previous line.
func stepLine(what string, elapsed time.Duration) string {
	return fmt.Sprintf("\r  %s ... %.1fs   ", what, elapsed.Seconds())
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
