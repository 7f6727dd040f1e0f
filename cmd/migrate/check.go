package main

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/spf13/cobra"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/metadata"
)

// errCheckFailed makes check exit 1 once it has printed why.
var errCheckFailed = errors.New("the target schema and the migrations differ: run migrate revision --autogenerate")

// checkCommand builds "migrate check": exit 1 when autogenerate would
// write anything, or when the database is not at head.
func (a *app) checkCommand() *cobra.Command {
	var f autogenFlags
	c := &cobra.Command{
		Use:   "check",
		Short: "Fail when the target schema and the migrations disagree",
		Long: `Check compares the target schema (--schema, default schema.yaml) with the
database (--url or $DATABASE_URL), or with the history folded from the
revision files (--offline, no database). When they agree it prints "No new
upgrade operations detected." and exits 0. When they differ, or the database
is not at head, it prints a unified diff of the two schemas in schema.yaml
form and exits 1. --format json prints {"changes": [...], "warnings": [...]}.`,
		Example: `  migrate check --url postgres://ci@localhost/app
  migrate check --offline`,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cmp, err := a.compareSchemas(commandContext(cmd), f)
			if err != nil {
				return err
			}
			return a.check(cmp)
		},
	}
	f.register(c.Flags(), true)
	return c
}

func (a *app) check(cmp *comparison) error {
	res := cmp.result
	if a.format == "json" {
		if err := a.printChanges(res); err != nil {
			return err
		}
	} else {
		for _, w := range res.Warnings {
			fmt.Fprintf(a.stderr, "warning: %s\n", w)
		}
		if len(res.Ops) == 0 && cmp.notAtHead == nil {
			fmt.Fprintln(a.stdout, "No new upgrade operations detected.")
		}
		if len(res.Ops) > 0 {
			for _, o := range res.Ops {
				fmt.Fprintln(a.stdout, autogen.Describe(o))
			}
			diff, err := schemaDiff(cmp)
			if err != nil {
				return err
			}
			fmt.Fprint(a.stdout, diff)
		}
	}
	switch {
	case cmp.notAtHead != nil:
		return cmp.notAtHead
	case len(res.Ops) > 0:
		return errCheckFailed
	}
	return nil
}

// schemaDiff is the unified diff from the current schema to the target,
// both as the dialect gives them back, in schema.yaml form.
func schemaDiff(cmp *comparison) (string, error) {
	from, err := metadata.Write(sorted(cmp.d.Normalize(cmp.current)))
	if err != nil {
		return "", err
	}
	to, err := metadata.Write(sorted(cmp.d.Normalize(cmp.target)))
	if err != nil {
		return "", err
	}
	return difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(from)), B: difflib.SplitLines(string(to)),
		FromFile: "current", ToFile: "target", Context: 3,
	})
}

// sorted orders tables, enums, and each table's constraints and indexes by
// name (m is a copy it may change), so that the diff shows changes, not
// the order a file or a catalog happened to list things in. Column order
// is kept: it is what the file says.
func sorted(m *metadata.MetaData) *metadata.MetaData {
	slices.SortStableFunc(m.Tables, func(a, b *metadata.Table) int { return cmp.Compare(a.QualifiedName(), b.QualifiedName()) })
	slices.SortStableFunc(m.Enums, func(a, b *metadata.Enum) int { return cmp.Compare(a.QualifiedName(), b.QualifiedName()) })
	for _, t := range m.Tables {
		slices.SortStableFunc(t.Indexes, func(a, b *metadata.Index) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortStableFunc(t.Uniques, func(a, b *metadata.Unique) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortStableFunc(t.ForeignKeys, func(a, b *metadata.ForeignKey) int { return cmp.Compare(a.Name, b.Name) })
		slices.SortStableFunc(t.Checks, func(a, b *metadata.Check) int { return cmp.Compare(a.Name, b.Name) })
	}
	return m
}
