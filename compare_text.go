package retort

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pmezard/go-difflib/difflib"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// SchemaDiff is the unified diff from the current schema to the target,
// both as the dialect gives them back, in schema.yaml form.
func (c *Comparison) SchemaDiff() (string, error) {
	from, err := metadata.Write(sortedModel(c.Dialect.Normalize(c.Current)))
	if err != nil {
		return "", err
	}
	to, err := metadata.Write(sortedModel(c.Dialect.Normalize(c.Target)))
	if err != nil {
		return "", err
	}
	return difflib.GetUnifiedDiffString(difflib.UnifiedDiff{
		A: difflib.SplitLines(string(from)), B: difflib.SplitLines(string(to)),
		FromFile: "current", ToFile: "target", Context: 3,
	})
}

// SQL is the comparison's ops planned for its database, one statement
// each with its values inlined, without the closing semicolon.
func (c *Comparison) SQL() ([]string, error) {
	stmts, err := c.Dialect.Plan(c.Current, c.Result.Ops)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(stmts))
	for _, s := range stmts {
		text, err := dialect.Inline(c.Dialect, s)
		if err != nil {
			return nil, err
		}
		out = append(out, strings.TrimRight(text, "; \n"))
	}
	return out, nil
}

// sortedModel orders tables, enums, and each table's constraints and
// indexes by name (m is a copy it may change), so that the diff shows
// changes, not the order a file or a catalog happened to list things in.
// Column order is kept: it is what the file says.
func sortedModel(m *metadata.MetaData) *metadata.MetaData {
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
