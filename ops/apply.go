package ops

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// Apply folds o onto m, so that m becomes the schema as it stands after o
// runs. It validates o first. On error m is unchanged, and the error names
// the op and the object that is missing or in the way.
//
// Apply mirrors what the databases do: an added column, table, index or
// constraint comes last in its list; an unnamed constraint or index created
// by an op is named by m's naming convention; create_primary_key makes its
// columns NOT NULL. It is stricter than PostgreSQL where being strict keeps
// Reverse exact: a column or table still used by an index, a constraint or
// another table's foreign key cannot be dropped, and an enum still used by
// a column cannot be dropped; drop those first.
//
// Apply trusts the definitions a drop op carries for its reverse and the
// Existing* fields of AlterColumn: it does not compare them with m, since a
// reflected database may spell a type or a default differently from
// schema.yaml. Check expressions, index expressions and WHERE clauses are
// SQL text and are not rewritten by renames.
//
// Execute returns an error wrapping [ErrNotFoldable]; BulkInsert,
// BulkDelete and Call change no schema.
func Apply(m *metadata.MetaData, o Op) error {
	if err := o.Validate(); err != nil {
		return err
	}
	return o.apply(m)
}

// ApplyAll applies list in order. It stops at the first error, naming the
// op's 1-based position, except that ops which cannot be folded (execute)
// are skipped: their errors are joined and returned at the end, each
// wrapping [ErrNotFoldable], so a caller can warn and use m.
func ApplyAll(m *metadata.MetaData, list []Op) error {
	var skipped []error
	for i, o := range list {
		ForgetDroppedReferrers(m, list, i)
		err := Apply(m, o)
		switch {
		case err == nil:
		case errors.Is(err, ErrNotFoldable):
			skipped = append(skipped, fmt.Errorf("op %d: %w", i+1, err))
		default:
			return fmt.Errorf("op %d: %w", i+1, err)
		}
	}
	return errors.Join(skipped...)
}

// qname returns schema.table, or table in the default schema.
func (r TableRef) qname() string {
	if r.Schema == "" {
		return r.Table
	}
	return r.Schema + "." + r.Table
}

// table finds the table r names in m.
func (r TableRef) table(m *metadata.MetaData, what string) (*metadata.Table, error) {
	t := m.Table(r.Schema, r.Table)
	if t == nil {
		return nil, fmt.Errorf("%s: there is no table %s", what, r.qname())
	}
	return t, nil
}

// nameInUse returns the kind of the index or constraint of t called name,
// or "" when the name is free. Unnamed objects never collide.
func nameInUse(t *metadata.Table, name string) string {
	switch {
	case name == "":
		return ""
	case t.Index(name) != nil:
		return "an index"
	case t.Unique(name) != nil:
		return "a unique constraint"
	case t.ForeignKey(name) != nil:
		return "a foreign key"
	case t.Check(name) != nil:
		return "a check constraint"
	case t.Exclusion(name) != nil:
		return "an exclusion constraint"
	case t.PrimaryKey != nil && t.PrimaryKey.Name == name:
		return "a primary key"
	}
	return ""
}

// checkNameFree reports an error when t already has an object called name.
func checkNameFree(t *metadata.Table, name, what string) error {
	if kind := nameInUse(t, name); kind != "" {
		return fmt.Errorf("%s: table %s has %s named %s already", what, t.QualifiedName(), kind, name)
	}
	return nil
}

// checkColumns reports the first of cols that t lacks.
func checkColumns(t *metadata.Table, cols []string, what string) error {
	for _, c := range cols {
		if t.Column(c) == nil {
			return fmt.Errorf("%s: table %s has no column %s", what, t.QualifiedName(), c)
		}
	}
	return nil
}

// deriveName returns name, or the name m's convention gives an object of
// kind over cols when name is empty.
func deriveName(m *metadata.MetaData, t *metadata.Table, kind, name string, cols []string, refTable string, refCols []string) (string, error) {
	if name != "" {
		return name, nil
	}
	return m.DerivedName(kind, t, cols, refTable, refCols, "")
}
