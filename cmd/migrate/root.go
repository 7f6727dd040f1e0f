package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/retortdb/retort"
	"github.com/spf13/cobra"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// app holds the global flags and what the commands share.
type app struct {
	stdout, stderr io.Writer
	configPath     string
	format         string
	directory      string
	// currentHeads reads the database's current heads; nil until the
	// runner provides a database connection (history --indicate-current,
	// history -r ...:current).
	currentHeads func(ctx context.Context) ([]string, error)
	// cfg is migrate.yaml with flags and environment applied; set before
	// a command runs (see loadConfig).
	cfg *retort.Config
}

// usageError marks an error the user made in calling migrate (exit 2).
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitInterrupted is the exit code of a run stopped by SIGINT or SIGTERM.
const exitInterrupted = 130

// run executes migrate with args and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	return runContext(context.Background(), args, stdout, stderr)
}

// runContext is run with a context that an interrupt cancels.
func runContext(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	a := &app{stdout: stdout, stderr: stderr}
	root := a.rootCommand()
	root.SetArgs(relativeArgs(args))
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(stderr, "migrate: %v\n", err)
	switch {
	case errors.As(err, new(usageError)), errors.As(err, new(*retort.InputError)):
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(stderr, "migrate: interrupted; the revision in progress was rolled back where the database allows it")
		return exitInterrupted
	}
	return exitFailure
}

// rootCommand builds the command tree; each command lives in its own file.
func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "migrate",
		Short:         "Schema migrations for Go, in the mold of Alembic",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			if a.format != "text" && a.format != "json" && (a.format != "github" || cmd.Name() != "lint") {
				return usagef("--format must be text or json, not %q", a.format)
			}
			if !needsConfig(cmd) {
				return nil
			}
			return a.loadConfig(cmd)
		},
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	f := root.PersistentFlags()
	f.StringVar(&a.configPath, "config", "", "configuration file (default migrate.yaml; env MIGRATE_CONFIG)")
	f.StringVar(&a.format, "format", "text", "output format of read commands: text or json")
	f.StringVar(&a.directory, "directory", "migrations", "migrations directory; revision files live in <directory>/versions")
	for _, c := range []*cobra.Command{
		a.revisionCommand(), a.headsCommand(), a.branchesCommand(),
		a.historyCommand(), a.graphCommand(), a.showCommand(), a.mergeCommand(), a.inspectCommand(),
		a.checkCommand(), a.diffCommand(),
		a.upgradeCommand(), a.downgradeCommand(), a.currentCommand(), a.stampCommand(),
		a.initCommand(), a.versionCommand(), a.jsonSchemaCommand(), a.lintCommand(),
	} {
		c.Args = usageArgs(c.Args)
		root.AddCommand(c)
	}
	return root
}

// needsConfig reports whether cmd reads migrate.yaml: not init, version,
// help or the shell completion scripts.
func needsConfig(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		switch c.Name() {
		case "init", "version", "help", "completion":
			return false
		}
	}
	return true
}

// usageArgs makes an argument-count error a usage error.
func usageArgs(check cobra.PositionalArgs) cobra.PositionalArgs {
	if check == nil {
		check = cobra.NoArgs
	}
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return usageError{err}
		}
		return nil
	}
}

// versionsDir is where revision files live.
func (a *app) versionsDir() string { return filepath.Join(a.directory, "versions") }
