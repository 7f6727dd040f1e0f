package sqlite

import (
	"strings"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// needsRecreate reports whether op o on table t (the model before o) is
// beyond SQLite's ALTER TABLE.
func needsRecreate(t *metadata.Table, o ops.Op) bool {
	if t == nil {
		return false // ops.Apply reports the missing table
	}
	switch o := o.(type) {
	case *ops.AddColumn:
		return !addableColumn(o.Column)
	case *ops.DropColumn:
		return columnInUse(t, dropColumnName(o))
	case *ops.AlterColumn:
		return alterNeedsRecreate(t, o)
	case *ops.CreateIndex, *ops.DropIndex, *ops.SetTableComment:
		return false
	}
	// Constraints: SQLite cannot add or drop one in place.
	return true
}

// addableColumn reports whether ALTER TABLE ADD COLUMN takes c: no
// autoincrement, a constant default (not CURRENT_* or an expression), and
// NOT NULL only with a non-NULL default.
func addableColumn(c *metadata.Column) bool {
	if c == nil || c.AutoIncrement {
		return c == nil
	}
	if c.Generated != nil && c.Generated.Stored {
		return false // SQLite adds VIRTUAL generated columns only
	}
	if !isConstantDefault(c.Default) {
		return false
	}
	if !c.Nullable && (c.Default == "" || strings.EqualFold(strings.TrimSpace(c.Default), "NULL")) {
		return false
	}
	return true
}

// columnInUse reports whether DROP COLUMN would refuse the column: it is in
// the primary key, a foreign key, a unique constraint or an index, or named
// in a check, an index expression or a partial index's WHERE.
func columnInUse(t *metadata.Table, name string) bool {
	if pk := t.PrimaryKey; pk != nil && containsFold(pk.Columns, name) {
		return true
	}
	for _, fk := range t.ForeignKeys {
		if containsFold(fk.Columns, name) {
			return true
		}
	}
	for _, u := range t.Uniques {
		if containsFold(u.Columns, name) {
			return true
		}
	}
	for _, ck := range t.Checks {
		if mentions(ck.Expression, name) {
			return true
		}
	}
	if usedByGenerated(t, name) {
		return true
	}
	for _, ix := range t.Indexes {
		if containsFold(ix.Columns, name) || mentions(ix.Where, name) {
			return true
		}
		for _, e := range ix.Expressions {
			if mentions(e, name) {
				return true
			}
		}
	}
	return false
}

// mentions reports whether the SQL text expr holds the identifier name.
func mentions(expr, name string) bool {
	for _, tok := range lex(expr) {
		if (tok.kind == tokWord || tok.kind == tokQuoted) && strings.EqualFold(tok.text, name) {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

// alterNeedsRecreate reports whether an alter_column changes more than the
// name or the comment, as SQLite sees it: a type change to a type with the
// same declared name (bigint to int8) changes nothing.
func alterNeedsRecreate(t *metadata.Table, o *ops.AlterColumn) bool {
	c := t.Column(o.ColumnName)
	if c == nil {
		return false // ops.Apply reports it
	}
	if o.Type != nil && !normalType(*o.Type).Equal(normalType(c.Type)) {
		return true
	}
	if o.Nullable != nil && *o.Nullable != c.Nullable {
		return true
	}
	if o.Default != nil && normalDefault(*o.Default) != normalDefault(c.Default) {
		return true
	}
	if o.AutoIncrement != nil && *o.AutoIncrement != c.AutoIncrement {
		return true
	}
	if o.Identity != nil && *o.Identity != c.Identity {
		return true
	}
	return generationChanged(c, o)
}

// columnSources follows the columns of a table through a batch of ops:
// for each current column, the column of the original table its values
// come from ("" for a column the batch added).
type columnSources map[string]string

func newColumnSources(t *metadata.Table) columnSources {
	s := make(columnSources, len(t.Columns))
	for _, c := range t.Columns {
		s[c.Name] = c.Name
	}
	return s
}

// track records what o does to the columns.
func (s columnSources) track(o ops.Op) {
	switch o := o.(type) {
	case *ops.AddColumn:
		s[o.Column.Name] = ""
	case *ops.DropColumn:
		delete(s, dropColumnName(o))
	case *ops.AlterColumn:
		if o.NewName != "" {
			s[o.NewName] = s[o.ColumnName]
			delete(s, o.ColumnName)
		}
	}
}

// pairs returns (column of after, source column) for every column of after
// whose values are copied: all but the new, and the generated ones.
func (s columnSources) pairs(after *metadata.Table) [][2]string {
	var out [][2]string
	for _, c := range after.Columns {
		if src := s[c.Name]; src != "" && !c.IsGenerated() { // the new table computes its generated columns
			out = append(out, [2]string{c.Name, src})
		}
	}
	return out
}

// renameInSQL renames column old to new in the SQL text of t's checks,
// index expressions and partial index predicates, as SQLite's RENAME
// COLUMN does (ops.Apply leaves SQL text alone), so that a recreate later
// in the plan writes valid SQL.
func renameInSQL(t *metadata.Table, old, new string) {
	if t == nil {
		return
	}
	for _, ck := range t.Checks {
		ck.Expression = renameIdent(ck.Expression, old, new)
	}
	for _, ix := range t.Indexes {
		ix.Where = renameIdent(ix.Where, old, new)
		for i, e := range ix.Expressions {
			ix.Expressions[i] = renameIdent(e, old, new)
		}
	}
}

// renameIdent replaces the identifier old in expr by new, quoted; strings
// and other tokens are left as written.
func renameIdent(expr, old, new string) string {
	toks := lex(expr)
	var b strings.Builder
	last := 0
	for i, t := range toks {
		if (t.kind != tokWord && t.kind != tokQuoted) || !strings.EqualFold(t.text, old) {
			continue
		}
		if i+1 < len(toks) && toks[i+1].punct("(") && t.kind == tokWord {
			continue // a function of that name
		}
		b.WriteString(expr[last:t.start])
		b.WriteString(quote(new))
		last = t.end
	}
	if last == 0 {
		return expr
	}
	b.WriteString(expr[last:])
	return b.String()
}
