// Package fleet runs one history on many databases at once: database-per-
// tenant and schema-per-tenant SaaS, where the same revisions go to
// hundreds of databases or PostgreSQL schemas. It is migrate's --all.
//
// [ResolveTargets] expands migrate.yaml's targets: (read by
// [retort.LoadConfig] into [retort.Config.Targets]) into database URLs:
// each URL as it is, a sqlite:/// glob to the files it matches, a
// {url, query} entry to the URLs a control database returns, a
// {url, schemas | like} entry to one URL per schema (MySQL: database) on
// that server. A [Fleet] then runs [Fleet.Upgrade], [Fleet.Downgrade],
// [Fleet.Current] or [Fleet.Check] on them, Parallel at a time, each
// target with its own pool, [retort.Runner] and migration lock, and
// returns one [Result] a target, in the targets' order:
//
//	cfg, err := retort.LoadConfig(retort.Overrides{})
//	...
//	urls, err := fleet.ResolveTargets(ctx, cfg)
//	...
//	fl := &fleet.Fleet{Targets: urls, Parallel: 8, Options: retort.Options{Migrations: os.DirFS("migrations")}}
//	results := fl.Upgrade(ctx, "head")
//	if n := fleet.Failed(results); n > 0 { ... }
//
// The package imports retort and is imported by cmd/migrate; retort knows
// nothing of it.
package fleet
