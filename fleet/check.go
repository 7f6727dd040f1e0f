package fleet

import (
	"context"
	"sync"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
)

// Check compares every target with the target schema and the history, as
// [retort.Check] does one database: a target at head whose schema matches
// has no error; one whose schema drifted fails with [retort.ErrCheckFailed]
// and Changes counts the ops that would bring it back; one not at head
// fails with an error wrapping [retort.ErrNotAtHead]. o.URL is ignored.
// The history is read once and the target schema once per dialect (a .sql
// target is loaded into its scratch database once).
func (f *Fleet) Check(ctx context.Context, o retort.DiffOptions) []Result {
	g, err := retort.LoadHistory(o)
	if err != nil {
		return f.failAll(ctx, err)
	}
	targets := &targetCache{byDialect: map[string]*cachedTarget{}}
	return f.each(ctx, func(ctx context.Context, url string) Result {
		return timed(url, func(res *Result, d dialect.Dialect, u *dialect.URL) {
			t, err := targets.get(ctx, d, o)
			if err != nil {
				res.Err = err
				return
			}
			c, err := retort.DiffWith(ctx, o, g, d, u, &retort.Target{MetaData: t.MetaData.Clone(), Warnings: t.Warnings})
			if err != nil {
				res.Err = err
				return
			}
			res.From, res.To = c.DatabaseHeads, c.Graph.HeadIDs()
			res.Changes = len(c.Result.Ops)
			res.Err = c.Err()
		})
	})
}

// targetCache reads the target schema once per dialect, for a fleet whose
// targets are on several kinds of database.
type targetCache struct {
	mu        sync.Mutex
	byDialect map[string]*cachedTarget
}

type cachedTarget struct {
	once sync.Once
	t    *retort.Target
	err  error
}

func (c *targetCache) get(ctx context.Context, d dialect.Dialect, o retort.DiffOptions) (*retort.Target, error) {
	c.mu.Lock()
	e := c.byDialect[d.Name()]
	if e == nil {
		e = &cachedTarget{}
		c.byDialect[d.Name()] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.t, e.err = retort.ReadDiffTarget(ctx, d, o) })
	return e.t, e.err
}
