package postgres

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// nullsNotDistinctGuard refuses UNIQUE NULLS NOT DISTINCT on a server
// older than 15, which has no such clause: a guard in the plan, not a
// version read at plan time, so that a --sql script carries it too, and
// the error says what to do instead of a syntax error.
const nullsNotDistinctGuard = `DO $$BEGIN IF current_setting('server_version_num')::int < 150000 THEN RAISE EXCEPTION 'retort: UNIQUE NULLS NOT DISTINCT needs PostgreSQL 15 or later; upgrade the server, or remove nulls_not_distinct (NULLs then never collide) or use a unique index over coalesce() of the columns'; END IF; END$$`

// versionGuards returns the guards o needs before its statements: one
// when it creates a unique constraint or index with NULLS NOT DISTINCT.
func versionGuards(o ops.Op) []dialect.Statement {
	var uniques []*metadata.Unique
	var indexes []*metadata.Index
	switch o := o.(type) {
	case *ops.CreateTable:
		uniques, indexes = o.Table.Uniques, o.Table.Indexes
	case *ops.CreateUniqueConstraint:
		uniques = []*metadata.Unique{o.Unique}
	case *ops.CreateIndex:
		indexes = []*metadata.Index{o.Index}
	}
	if slices.ContainsFunc(uniques, func(u *metadata.Unique) bool { return u.NullsNotDistinct }) ||
		slices.ContainsFunc(indexes, func(ix *metadata.Index) bool { return ix.NullsNotDistinct }) {
		return stmts(nullsNotDistinctGuard)
	}
	return nil
}

// constraintComment renders COMMENT ON CONSTRAINT name ON table; nothing
// when text is empty. A comment needs the constraint's name.
func (p Postgres) constraintComment(r ops.TableRef, name, text string) ([]dialect.Statement, error) {
	if text == "" {
		return nil, nil
	}
	if name == "" {
		return nil, fmt.Errorf("a constraint with a comment needs a name (name: ..., or a naming convention that derives one)")
	}
	return p.comment("CONSTRAINT "+p.QuoteIdent(name)+" ON "+p.table(r), text)
}

// tableConstraints are t's constraints that CREATE TABLE does not say:
// the NOT VALID foreign keys and checks (an ALTER TABLE ADD ... NOT VALID
// after it: CREATE TABLE has no NOT VALID), the exclusion constraints
// (added after it, as pg_dump does) and every constraint comment.
// body is t without those NOT VALID ones.
func (p Postgres) tableConstraints(t *metadata.Table) (body *metadata.Table, after []dialect.Statement, err error) {
	r := dialect.TableOf(t)
	body = t.Clone()
	body.Checks = slices.DeleteFunc(body.Checks, func(c *metadata.Check) bool { return c.NotValid })
	body.ForeignKeys = slices.DeleteFunc(body.ForeignKeys, func(fk *metadata.ForeignKey) bool { return fk.NotValid })
	add := "ALTER TABLE " + p.table(r) + " ADD "
	for _, c := range t.Checks {
		if c.NotValid {
			after = append(after, stmts(add+dialect.CheckClause(p, c)+" NOT VALID")...)
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.NotValid {
			clause, err := dialect.ForeignKeyClause(p, t.Schema, fk)
			if err != nil {
				return nil, nil, err
			}
			after = append(after, stmts(add+clause+" NOT VALID")...)
		}
	}
	for _, x := range t.Exclusions {
		after = append(after, stmts(add+p.exclusionClause(x))...)
	}
	for _, c := range tableComments(t) {
		s, err := p.constraintComment(r, c[0], c[1])
		if err != nil {
			return nil, nil, fmt.Errorf("table %s: %w", t.QualifiedName(), err)
		}
		after = append(after, s...)
	}
	return body, after, nil
}

// tableComments lists t's constraint comments, {name, comment} each.
func tableComments(t *metadata.Table) [][2]string {
	var out [][2]string
	add := func(name, comment string) {
		if comment != "" {
			out = append(out, [2]string{name, comment})
		}
	}
	if pk := t.PrimaryKey; pk != nil {
		add(pk.Name, pk.Comment)
	}
	for _, u := range t.Uniques {
		add(u.Name, u.Comment)
	}
	for _, c := range t.Checks {
		add(c.Name, c.Comment)
	}
	for _, fk := range t.ForeignKeys {
		add(fk.Name, fk.Comment)
	}
	for _, x := range t.Exclusions {
		add(x.Name, x.Comment)
	}
	return out
}

// addedComment returns the comment statement of the constraint o adds
// (create_unique_constraint, create_foreign_key, create_check_constraint,
// create_primary_key), by the name it gets in m; nothing for other ops.
func (p Postgres) addedComment(m *metadata.MetaData, o ops.Op) ([]dialect.Statement, error) {
	var r ops.TableRef
	var name, kind, refTable, text string
	var cols, refCols []string
	switch o := o.(type) {
	case *ops.CreateUniqueConstraint:
		r, name, kind, cols, text = o.TableRef, o.Unique.Name, metadata.KindUnique, o.Unique.Columns, o.Unique.Comment
	case *ops.CreateForeignKey:
		fk := o.ForeignKey
		r, name, kind, cols, refTable, refCols, text = o.TableRef, fk.Name, metadata.KindForeignKey, fk.Columns, fk.RefTable, fk.RefColumns, fk.Comment
	case *ops.CreateCheckConstraint:
		r, name, kind, text = o.TableRef, o.Check.Name, metadata.KindCheck, o.Check.Comment
	case *ops.CreatePrimaryKey:
		r, name, kind, cols, text = o.TableRef, o.PrimaryKey.Name, metadata.KindPrimaryKey, o.PrimaryKey.Columns, o.PrimaryKey.Comment
	case *ops.CreateExclusionConstraint:
		return p.constraintComment(o.TableRef, o.Exclusion.Name, o.Exclusion.Comment)
	}
	if text == "" {
		return nil, nil
	}
	name, err := derivedConstraintName(m, r, name, kind, cols, refTable, refCols)
	if err != nil {
		return nil, err
	}
	return p.constraintComment(r, name, text)
}

// derivedConstraintName is name, or when empty the one m's naming
// convention gives the constraint on table r.
func derivedConstraintName(m *metadata.MetaData, r ops.TableRef, name, kind string, cols []string, refTable string, refCols []string) (string, error) {
	if name != "" {
		return name, nil
	}
	t := m.Table(r.Schema, r.Table)
	if t == nil {
		t = &metadata.Table{Schema: r.Schema, Name: r.Table}
	}
	return m.DerivedName(kind, t, cols, refTable, refCols, "")
}

// RenamesConstraints reports that PostgreSQL plans rename_constraint
// (ALTER TABLE ... RENAME CONSTRAINT).
func (Postgres) RenamesConstraints() bool { return true }
