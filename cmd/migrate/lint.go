package main

import (
	"errors"
	"os"

	"github.com/spf13/cobra"

	"github.com/retortdb/retort/lint"
	"github.com/retortdb/retort/versions"
)

// errLintFailed makes lint exit 1 when a finding reaches --fail-on.
var errLintFailed = errors.New("lint: findings reach --fail-on")

// lintCommand builds "migrate lint".
func (a *app) lintCommand() *cobra.Command {
	var o lint.Options
	var failOn string
	c := &cobra.Command{
		Use:   "lint [REVISIONS]",
		Short: "Report what pending revisions will do to production, measured on a scratch database",
		Long: `Lint reports, per statement of each revision not yet applied on --url (or after
--base REV, or the revisions named), what it will do: destructive, blocking
(lock, rewrite, scan: measured on --dev-url), data-dependent (--count-rows
counts offending rows on --url, read-only), backward-incompatible and hygiene
findings, each with file:line, a rule id and the safe alternative. Exit 1 when
a finding reaches --fail-on (default error). --format is text, json or github
(workflow annotations). Rules: docs/lint.md.`,
		Example: `  migrate lint --url "$DATABASE_URL" --dev-url postgres://localhost/scratch
  migrate lint --base main@head --dev-url mysql://root@localhost/scratch --format github`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			level, ok := lint.ParseSeverity(failOn)
			if !ok {
				return usagef("--fail-on must be info, warning, error or none, not %q", failOn)
			}
			format := a.format
			if o.URL == "" {
				o.URL = a.cfg.URL
			}
			if o.DevURL == "" {
				o.DevURL = a.cfg.DevURL
			}
			o.Migrations, o.Directory, o.ShowDir = versions.DirFS(a.directory), "versions", a.directory
			o.VersionTable, o.Revisions = a.cfg.VersionTable, args
			rep, err := lint.Run(commandContext(cmd), o)
			if err != nil {
				return err
			}
			if err := rep.Write(a.stdout, format, format == "text" && isTerminal(a.stdout) && os.Getenv("NO_COLOR") == ""); err != nil {
				return usageError{err}
			}
			if rep.Fails(level) {
				return errLintFailed
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&o.URL, "url", "", "the database the revisions are for: pending revisions, row counts (read-only; default $DATABASE_URL / migrate.yaml)")
	f.StringVar(&o.DevURL, "dev-url", "", "scratch database to measure on, emptied before and after (default migrate.yaml dev_url)")
	f.StringVar(&o.Base, "base", "", "lint the revisions after this one (what a branch adds)")
	f.BoolVar(&o.CountRows, "count-rows", false, "count rows on --url that data-dependent changes would fail on (SELECT only)")
	f.BoolVar(&o.Offline, "offline", false, "connect to nothing: --url only picks the dialect, locks are the documented rules")
	f.StringVar(&failOn, "fail-on", "error", "exit 1 when a finding reaches this severity: info, warning, error, none")
	return c
}
