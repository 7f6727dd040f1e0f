package fleet

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
)

// Fleet runs one history on many databases: the targets of migrate.yaml's
// targets key (see [ResolveTargets]). Each target gets its own pool,
// runner and migration lock; a failure stops that target only, unless
// FailFast.
type Fleet struct {
	// Targets are the databases' URLs.
	Targets []string
	// Options are every target's runner options; DB and Dialect are
	// set per target (left as given here, they are ignored). The history
	// is loaded once, into Graph, and shared by the targets' runners.
	Options retort.Options
	// Parallel is how many targets run at once (1 when zero).
	Parallel int
	// FailFast stops starting targets after the first failure; targets
	// not started are reported with ErrSkipped.
	FailFast bool
	// Progress, when set, is called after each target, from the
	// goroutine that ran it, one call at a time.
	Progress func(done, total int, r Result)
}

// ErrSkipped is the result of a target a fail-fast or cancelled fleet run
// did not start.
var ErrSkipped = errors.New("not run: an earlier target failed (--fail-fast) or the run was cancelled")

// Result is what a fleet run did on one target.
type Result struct {
	// Target is the target's URL, password hidden.
	Target string `json:"target"`
	// From and To are the heads before and after.
	From []string `json:"from"`
	To   []string `json:"to"`
	// Duration is the target's wall time.
	Duration time.Duration `json:"duration_ns"`
	// Changes counts the ops a fleet check found (see [Fleet.Check]).
	Changes int `json:"changes,omitempty"`
	// Err is why the target failed; nil when it succeeded.
	Err error `json:"-"`
}

// Failed counts the results with an error.
func Failed(results []Result) int {
	n := 0
	for _, r := range results {
		if r.Err != nil {
			n++
		}
	}
	return n
}

// Upgrade upgrades every target to target ("head", ...).
func (f *Fleet) Upgrade(ctx context.Context, target string) []Result {
	return f.runAll(ctx, func(ctx context.Context, r *retort.Runner) error { return r.Upgrade(ctx, target) })
}

// Downgrade downgrades every target to target ("base", "-1", ...).
func (f *Fleet) Downgrade(ctx context.Context, target string) []Result {
	return f.runAll(ctx, func(ctx context.Context, r *retort.Runner) error { return r.Downgrade(ctx, target) })
}

// Current reads every target's heads (From and To both).
func (f *Fleet) Current(ctx context.Context) []Result {
	return f.runAll(ctx, nil)
}

// runAll runs fn on every target with one history, loaded here once (the
// targets' runners share it) unless Options.Graph holds it already; a
// history that does not load is every target's error.
func (f *Fleet) runAll(ctx context.Context, fn func(context.Context, *retort.Runner) error) []Result {
	o := f.Options
	g, err := retort.LoadGraph(o)
	if err != nil {
		return f.failAll(ctx, err)
	}
	o.Graph = g
	return f.each(ctx, f.run(o, fn))
}

// failAll gives every target err.
func (f *Fleet) failAll(ctx context.Context, err error) []Result {
	return f.each(ctx, func(_ context.Context, url string) Result { return Result{Target: redactURL(url), Err: err} })
}

// each runs one on every target, Parallel at a time, results in the
// order of Targets.
func (f *Fleet) each(ctx context.Context, one func(context.Context, string) Result) []Result {
	results := make([]Result, len(f.Targets))
	par := max(f.Parallel, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan int)
	var mu sync.Mutex
	done := 0
	var wg sync.WaitGroup
	for range min(par, len(f.Targets)) {
		wg.Go(func() {
			for i := range next {
				results[i] = one(ctx, f.Targets[i])
				mu.Lock()
				done++
				if results[i].Err != nil && f.FailFast {
					cancel()
				}
				if f.Progress != nil {
					f.Progress(done, len(f.Targets), results[i])
				}
				mu.Unlock()
			}
		})
	}
	for i, t := range f.Targets {
		if ctx.Err() != nil {
			results[i] = Result{Target: redactURL(t), Err: ErrSkipped}
			continue
		}
		select {
		case next <- i:
		case <-ctx.Done():
			results[i] = Result{Target: redactURL(t), Err: ErrSkipped}
		}
	}
	close(next)
	wg.Wait()
	return results
}

// run returns what each runs on one target: open it, run fn and read
// the heads before and after.
func (f *Fleet) run(o retort.Options, fn func(context.Context, *retort.Runner) error) func(context.Context, string) Result {
	return func(ctx context.Context, url string) Result {
		return timed(url, func(res *Result, d dialect.Dialect, u *dialect.URL) { one(ctx, o, d, u, fn, res) })
	}
}

// timed opens url's dialect and calls fn with the result to fill in, the
// target's wall time measured and every error's password hidden.
func timed(url string, fn func(*Result, dialect.Dialect, *dialect.URL)) (res Result) {
	res.Target = redactURL(url)
	start := time.Now()
	defer func() { res.Duration = time.Since(start) }()
	d, u, err := dialect.Open(url)
	if err != nil {
		res.Err = err
		return res
	}
	fn(&res, d, u)
	if res.Err != nil && u.Password != "" {
		res.Err = dialect.RedactError(res.Err, u.Password)
	}
	return res
}

// one runs fn on the target d, u with options o, reading the heads before
// and after.
func one(ctx context.Context, o retort.Options, d dialect.Dialect, u *dialect.URL, fn func(context.Context, *retort.Runner) error, res *Result) {
	name, dsn, err := d.Driver(u)
	if err != nil {
		res.Err = err
		return
	}
	db, err := sql.Open(name, dsn)
	if err != nil {
		res.Err = err
		return
	}
	defer db.Close()
	o.DB, o.Dialect = db, d
	r, err := retort.New(o)
	if err != nil {
		res.Err = err
		return
	}
	if res.From, err = r.Current(ctx); err != nil {
		res.Err = fmt.Errorf("reading the version table: %w", err)
		return
	}
	res.To = res.From
	if fn == nil {
		return
	}
	res.Err = fn(ctx, r)
	if to, err := r.Current(ctx); err == nil {
		res.To = to
	}
}

// redactURL hides a URL's password; an unparsable URL is shown as such.
func redactURL(raw string) string {
	_, u, err := dialect.Open(raw)
	if err != nil {
		return "(bad URL)"
	}
	return u.Redacted()
}
