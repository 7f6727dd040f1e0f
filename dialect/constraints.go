package dialect

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrConstraintOption is returned (wrapped) by [RefuseConstraintOptions]
// for a constraint option the database does not have.
var ErrConstraintOption = errors.New("constraint option not supported")

// ConstraintOptions says which constraint options a database has beside
// plain keys and checks; PostgreSQL has them all.
type ConstraintOptions struct {
	// DeferrableKeys: DEFERRABLE [INITIALLY DEFERRED] on a primary key or
	// unique constraint (foreign keys are the dialect's own business).
	DeferrableKeys bool
	// NullsNotDistinct: UNIQUE NULLS NOT DISTINCT.
	NullsNotDistinct bool
	// NoInherit: CHECK ... NO INHERIT.
	NoInherit bool
	// NotValid: a table's foreign keys and checks NOT VALID in the model
	// (create_table; the ops' not_valid each dialect refuses itself).
	NotValid bool
	// Comments: COMMENT ON CONSTRAINT.
	Comments bool
	// Exclusions: EXCLUDE USING ... constraints.
	Exclusions bool
	// Rename: RENAME CONSTRAINT.
	Rename bool
}

// ConstraintRenamer is a dialect that renames constraints in place
// (rename_constraint); autogenerate reports a constraint renamed with the
// same definition as a rename only for such a dialect (elsewhere the two
// pair by definition, as before).
type ConstraintRenamer interface {
	// RenamesConstraints reports whether rename_constraint can be planned.
	RenamesConstraints() bool
}

// RefuseConstraintOptions refuses, before any statement is planned, the
// first op of list that gives a constraint an option db lacks (has false),
// naming the op and the constraint: building the constraint without it
// would make another constraint than the model's.
func RefuseConstraintOptions(db string, has ConstraintOptions, list []ops.Op) error {
	for i, o := range list {
		for _, c := range constraintsOf(o) {
			if what := c.lacking(has); what != "" {
				return fmt.Errorf("%s: op %d (%s): %s %s: %w: %s has no %s; remove it, or keep the constraint in a revision for PostgreSQL only",
					db, i+1, o.Name(), c.kind, c.name, ErrConstraintOption, db, what)
			}
		}
	}
	return nil
}

// optioned is one constraint an op creates, with its options.
type optioned struct {
	kind, name       string
	deferrable       bool
	nullsNotDistinct bool
	noInherit        bool
	notValid         bool
	comment          bool
	exclusion        bool
	rename           bool
}

// lacking names the first option c has that has lacks, or "".
func (c optioned) lacking(has ConstraintOptions) string {
	switch {
	case c.rename && !has.Rename:
		return "RENAME CONSTRAINT (drop the constraint and create it under the new name instead)"
	case c.exclusion && !has.Exclusions:
		return "exclusion constraints (EXCLUDE USING ...; a unique index, or a trigger, may do the work)"
	case c.deferrable && !has.DeferrableKeys:
		return "DEFERRABLE " + c.kind
	case c.nullsNotDistinct && !has.NullsNotDistinct:
		return "UNIQUE NULLS NOT DISTINCT"
	case c.noInherit && !has.NoInherit:
		return "CHECK ... NO INHERIT"
	case c.notValid && !has.NotValid:
		return "NOT VALID " + c.kind
	case c.comment && !has.Comments:
		return "comment on a " + c.kind
	}
	return ""
}

// constraintsOf lists the constraints and indexes o creates, and the
// exclusion constraint a drop_constraint removes.
func constraintsOf(o ops.Op) []optioned {
	pk := func(pk *metadata.PrimaryKey) optioned {
		return optioned{kind: "primary key", name: pk.Name, deferrable: pk.Deferrable || pk.InitiallyDeferred, comment: pk.Comment != ""}
	}
	uq := func(u *metadata.Unique) optioned {
		return optioned{kind: "unique constraint", name: u.Name, deferrable: u.Deferrable || u.InitiallyDeferred,
			nullsNotDistinct: u.NullsNotDistinct, comment: u.Comment != ""}
	}
	ck := func(c *metadata.Check) optioned {
		return optioned{kind: "check", name: c.Name, noInherit: c.NoInherit, notValid: c.NotValid, comment: c.Comment != ""}
	}
	fk := func(fk *metadata.ForeignKey) optioned {
		return optioned{kind: "foreign key", name: fk.Name, notValid: fk.NotValid, comment: fk.Comment != ""}
	}
	ex := func(x *metadata.Exclusion) optioned {
		return optioned{kind: "exclusion constraint", name: x.Name, exclusion: true}
	}
	ix := func(ix *metadata.Index) optioned {
		return optioned{kind: "unique index", name: ix.Name, nullsNotDistinct: ix.NullsNotDistinct}
	}
	var out []optioned
	switch o := o.(type) {
	case *ops.CreateIndex:
		out = append(out, ix(o.Index))
	case *ops.CreateTable:
		for _, i := range o.Table.Indexes {
			out = append(out, ix(i))
		}
		if o.Table.PrimaryKey != nil {
			out = append(out, pk(o.Table.PrimaryKey))
		}
		for _, u := range o.Table.Uniques {
			out = append(out, uq(u))
		}
		for _, c := range o.Table.Checks {
			out = append(out, ck(c))
		}
		for _, f := range o.Table.ForeignKeys {
			out = append(out, fk(f))
		}
		for _, x := range o.Table.Exclusions {
			out = append(out, ex(x))
		}
	case *ops.CreateExclusionConstraint:
		out = append(out, ex(o.Exclusion))
	case *ops.CommentConstraint:
		out = append(out, optioned{kind: "constraint", name: o.ConstraintName, comment: true})
	case *ops.RenameConstraint:
		out = append(out, optioned{kind: "constraint", name: o.ConstraintName, rename: true})
	case *ops.DropConstraint:
		if o.Exclusion != nil || o.Type == ops.ConstraintExclude {
			out = append(out, optioned{kind: "exclusion constraint", name: o.ConstraintName, exclusion: true})
		}
	case *ops.CreateForeignKey:
		out = append(out, fk(o.ForeignKey))
	case *ops.CreateCheckConstraint:
		out = append(out, ck(o.Check))
	case *ops.CreatePrimaryKey:
		out = append(out, pk(o.PrimaryKey))
	case *ops.CreateUniqueConstraint:
		out = append(out, uq(o.Unique))
	}
	return out
}
