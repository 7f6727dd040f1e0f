package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/fleet"
	"github.com/retortdb/retort/versions"
	"github.com/spf13/cobra"
)

// fleetFlags are --all and its companions.
type fleetFlags struct {
	all      bool
	parallel int
	failFast bool
}

func (f *fleetFlags) register(cmd *cobra.Command) {
	fl := cmd.Flags()
	fl.BoolVar(&f.all, "all", false, "run on every database of migrate.yaml's targets: (a summary table; exit 1 if any failed)")
	fl.IntVar(&f.parallel, "parallel", 1, "with --all, how many targets run at once")
	fl.BoolVar(&f.failFast, "fail-fast", false, "with --all, start no more targets after the first failure")
}

// newFleet builds the fleet.Fleet of migrate.yaml's targets; url is the
// --url flag, which --all refuses.
func (a *app) newFleet(ctx context.Context, url string, ff *fleetFlags, compensate bool) (*fleet.Fleet, error) {
	if url != "" {
		return nil, usagef("--all runs on migrate.yaml's targets: it takes no --url")
	}
	if ff.parallel < 1 {
		return nil, usagef("--parallel must be at least 1, not %d", ff.parallel)
	}
	targets, err := fleet.ResolveTargets(ctx, a.cfg)
	if err != nil {
		return nil, usageError{err}
	}
	if _, err := os.Stat(a.versionsDir()); err != nil {
		return nil, fmt.Errorf("no revision directory %s: run 'migrate init' or pass --directory", a.versionsDir())
	}
	fl := &fleet.Fleet{Targets: targets, Parallel: ff.parallel, FailFast: ff.failFast,
		Options: retort.Options{Migrations: os.DirFS(a.directory), Directory: "versions",
			VersionTable: a.cfg.VersionTable, Transaction: a.cfg.Transaction, LockTimeout: a.cfg.LockTimeout, LockStale: a.cfg.LockStale,
			Compensate: compensate}}
	if onTerminal(a.stderr) {
		failed := 0
		fl.Progress = func(done, total int, r fleet.Result) {
			if r.Err != nil {
				failed++
			}
			fmt.Fprintf(a.stderr, "\r%d/%d targets done, %d failed", done, total, failed)
		}
	}
	return fl, nil
}

// migrateAll runs an upgrade or downgrade on every target, or (read)
// reads their heads.
func (a *app) migrateAll(cmd *cobra.Command, rf *runFlags, ff *fleetFlags, dir versions.Direction, target string, read bool) error {
	if rf.sql {
		return usagef("--all runs on databases; --sql prints one script: use one or the other")
	}
	ctx := commandContext(cmd)
	fl, err := a.newFleet(ctx, rf.url, ff, rf.compensate)
	if err != nil {
		return err
	}
	var res []fleet.Result
	switch {
	case read:
		res = fl.Current(ctx)
	case dir == versions.Down:
		res = fl.Downgrade(ctx, target)
	default:
		res = fl.Upgrade(ctx, target)
	}
	return a.fleetDone(fl, res, "failed (see the table above; each other target finished or was skipped)")
}

// checkAll runs check on every target: drift, not at head, or ok.
func (a *app) checkAll(cmd *cobra.Command, f autogenFlags, ff *fleetFlags) error {
	if f.offline {
		return usagef("--all checks databases; --offline checks the history: use one or the other")
	}
	ctx := commandContext(cmd)
	fl, err := a.newFleet(ctx, f.url, ff, false)
	if err != nil {
		return err
	}
	o := a.diffOptions(f)
	o.URL = ""
	return a.fleetDone(fl, fl.Check(ctx, o), "differ from the schema or the history, or could not be compared (see the table above)")
}

// fleetDone ends the progress line, prints the summary and fails when
// any target failed.
func (a *app) fleetDone(fl *fleet.Fleet, res []fleet.Result, failed string) error {
	if fl.Progress != nil {
		fmt.Fprintln(a.stderr)
	}
	if err := a.printFleet(res); err != nil {
		return err
	}
	if n := fleet.Failed(res); n > 0 {
		return fmt.Errorf("%d of %d targets %s", n, len(res), failed)
	}
	return nil
}

// fleetJSON is one row of --format json.
type fleetJSON struct {
	Target  string   `json:"target"`
	From    []string `json:"from"`
	To      []string `json:"to"`
	Seconds float64  `json:"seconds"`
	Result  string   `json:"result"`
	Error   string   `json:"error,omitempty"`
	Skipped bool     `json:"skipped,omitempty"`
}

// printFleet prints the summary: target, from, to, time, result.
func (a *app) printFleet(res []fleet.Result) error {
	if a.format == "json" {
		out := make([]fleetJSON, len(res))
		for i, r := range res {
			out[i] = fleetJSON{Target: r.Target, From: nonNil(r.From), To: nonNil(r.To),
				Seconds: r.Duration.Seconds(), Result: result(r)}
			if r.Err != nil {
				out[i].Error = r.Err.Error()
				out[i].Skipped = errors.Is(r.Err, fleet.ErrSkipped)
			}
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "TARGET\tFROM\tTO\tTIME\tRESULT")
	for _, r := range res {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Target, heads(r.From), heads(r.To), r.Duration.Round(time.Millisecond), result(r))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, r := range res {
		if r.Err != nil && !errors.Is(r.Err, fleet.ErrSkipped) && !errors.Is(r.Err, retort.ErrCheckFailed) {
			fmt.Fprintf(a.stderr, "migrate: %s: %v\n", r.Target, r.Err)
		}
	}
	return nil
}

func heads(h []string) string {
	if len(h) == 0 {
		return "base"
	}
	return strings.Join(h, ",")
}

func result(r fleet.Result) string {
	switch {
	case r.Err == nil:
		return "ok"
	case errors.Is(r.Err, fleet.ErrSkipped):
		return "skipped"
	case errors.Is(r.Err, retort.ErrNotAtHead):
		return "NOT AT HEAD"
	case errors.Is(r.Err, retort.ErrCheckFailed):
		return fmt.Sprintf("DRIFT (%d changes)", r.Changes)
	}
	return "FAILED"
}

// onTerminal reports whether w is a terminal (the progress line is for people).
func onTerminal(w any) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
