package ops

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// validateRef checks that a table is named.
func (r TableRef) validateRef(op string) error {
	if r.Table == "" {
		return fmt.Errorf("%s: no table name (table: ...)", op)
	}
	return nil
}

// validateTable checks a whole table definition.
func validateTable(t *metadata.Table, what string) error {
	if t.Name == "" {
		return fmt.Errorf("%s: the table has no name", what)
	}
	if t.PartitionOf != nil {
		// A partition has its parent's columns: the database checks its
		// keys and indexes against them.
		if len(t.Columns) > 0 {
			return fmt.Errorf("%s: a partition has its parent's columns: give it none", what)
		}
		return validateObjectNames(t, what)
	}
	if len(t.Columns) == 0 && len(t.Inherits) == 0 { // an heir may have only its parents' columns
		return fmt.Errorf("%s: the table has no columns", what)
	}
	seen := map[string]bool{}
	for _, c := range t.Columns {
		if err := validateColumn(c, what); err != nil {
			return err
		}
		if seen[c.Name] {
			return fmt.Errorf("%s: column %s appears twice", what, c.Name)
		}
		seen[c.Name] = true
	}
	if len(t.Inherits) > 0 {
		// An heir's keys may use its parents' columns: the database
		// checks them.
		return validateObjectNames(t, what)
	}
	if err := validateTableObjects(t, what); err != nil {
		return err
	}
	return validateObjectNames(t, what)
}

// validateTableObjects checks a table's constraints and indexes, and that
// they use only its columns.
func validateTableObjects(t *metadata.Table, what string) error {
	var errs []error
	if pk := t.PrimaryKey; pk != nil {
		errs = append(errs, validatePrimaryKey(pk, what), checkColumns(t, pk.Columns, what))
	}
	for _, fk := range t.ForeignKeys {
		errs = append(errs, validateForeignKey(fk, what), checkColumns(t, fk.Columns, what))
	}
	for _, u := range t.Uniques {
		errs = append(errs, validateUnique(u, what), checkColumns(t, u.Columns, what))
	}
	for _, c := range t.Checks {
		errs = append(errs, validateCheck(c, what))
	}
	for _, x := range t.Exclusions {
		errs = append(errs, validateExclusion(x, what), checkColumns(t, append(x.Columns(), x.Include...), what))
	}
	for _, ix := range t.Indexes {
		errs = append(errs, validateIndex(ix, what), checkColumns(t, ix.Columns, what))
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// validateObjectNames checks that no two of t's keys and indexes, and no
// two of its constraints, share a name (metadata's name-duplicate rule: a
// foreign key or check may share its name with a plain index).
func validateObjectNames(t *metadata.Table, what string) error {
	var keys, constraints []string
	if t.PrimaryKey != nil {
		keys, constraints = append(keys, t.PrimaryKey.Name), append(constraints, t.PrimaryKey.Name)
	}
	for _, u := range t.Uniques {
		keys, constraints = append(keys, u.Name), append(constraints, u.Name)
	}
	for _, fk := range t.ForeignKeys {
		constraints = append(constraints, fk.Name)
	}
	for _, c := range t.Checks {
		constraints = append(constraints, c.Name)
	}
	for _, x := range t.Exclusions {
		keys, constraints = append(keys, x.Name), append(constraints, x.Name)
	}
	for _, ix := range t.Indexes {
		keys = append(keys, ix.Name)
	}
	for _, names := range [][]string{keys, constraints} {
		seen := map[string]bool{}
		for _, n := range names {
			if n != "" && seen[n] {
				return fmt.Errorf("%s: two constraints or indexes are named %s", what, n)
			}
			seen[n] = true
		}
	}
	return nil
}

// validateColumn checks a column's name and type.
func validateColumn(c *metadata.Column, what string) error {
	if c == nil {
		return fmt.Errorf("%s: no column", what)
	}
	if c.Name == "" {
		return fmt.Errorf("%s: a column has no name", what)
	}
	if err := validateType(c.Type); err != nil {
		return fmt.Errorf("%s: column %s: %w", what, c.Name, err)
	}
	return nil
}

// validateType checks that a type is complete: a known kind with the
// parameters it needs.
func validateType(t metadata.Type) error {
	switch t.Kind {
	case "":
		return errors.New("no type")
	case metadata.Varchar, metadata.Char, metadata.VarBinary:
		if t.Length <= 0 {
			return fmt.Errorf("%s needs a length, as in %s(255)", t.Kind, t.Kind)
		}
	case metadata.Numeric:
		if t.Precision < 0 || t.Scale < 0 || t.Scale > t.Precision {
			return fmt.Errorf("bad numeric precision and scale (%d,%d)", t.Precision, t.Scale)
		}
	case metadata.EnumKind:
		if t.EnumName == "" {
			return errors.New("enum needs the name of an enum, as in enum(mood)")
		}
	case metadata.Native:
		if t.Native == "" {
			return errors.New("empty native type")
		}
	default:
		if !slices.Contains(metadata.Kinds, t.Kind) {
			return fmt.Errorf("unknown type kind %q", t.Kind)
		}
	}
	return nil
}

func validatePrimaryKey(pk *metadata.PrimaryKey, what string) error {
	if len(pk.Columns) == 0 {
		return fmt.Errorf("%s: primary key %s has no columns", what, pk.Name)
	}
	return distinct(pk.Columns, what, "primary key")
}

func validateForeignKey(fk *metadata.ForeignKey, what string) error {
	switch {
	case len(fk.Columns) == 0:
		return fmt.Errorf("%s: foreign key %s has no columns", what, fk.Name)
	case fk.RefTable == "":
		return fmt.Errorf("%s: foreign key %s has no ref_table", what, fk.Name)
	case len(fk.RefColumns) != len(fk.Columns):
		return fmt.Errorf("%s: foreign key %s has %d columns but %d ref_columns", what, fk.Name, len(fk.Columns), len(fk.RefColumns))
	}
	for _, a := range []string{fk.OnDelete, fk.OnUpdate} {
		if a != "" && !slices.Contains(actions, a) {
			return fmt.Errorf("%s: foreign key %s: unknown action %q (one of %q)", what, fk.Name, a, actions)
		}
	}
	return distinct(fk.Columns, what, "foreign key")
}

// actions are the referential actions a foreign key may have.
var actions = []string{metadata.NoAction, metadata.Restrict, metadata.Cascade, metadata.SetNull, metadata.SetDefault}

func validateUnique(u *metadata.Unique, what string) error {
	if len(u.Columns) == 0 {
		return fmt.Errorf("%s: unique constraint %s has no columns", what, u.Name)
	}
	return distinct(u.Columns, what, "unique constraint")
}

func validateCheck(c *metadata.Check, what string) error {
	if c.Expression == "" {
		return fmt.Errorf("%s: check constraint %s has no expression", what, c.Name)
	}
	return nil
}

func validateIndex(ix *metadata.Index, what string) error {
	if len(ix.Columns) == 0 && len(ix.Expressions) == 0 {
		return fmt.Errorf("%s: index %s has neither columns nor expressions", what, ix.Name)
	}
	for _, e := range ix.Expressions {
		if e == "" {
			return fmt.Errorf("%s: index %s has an empty expression", what, ix.Name)
		}
	}
	return distinct(ix.Columns, what, "index")
}

// distinct reports a column listed twice.
func distinct(cols []string, what, object string) error {
	for i, c := range cols {
		if c == "" {
			return fmt.Errorf("%s: %s lists an empty column name", what, object)
		}
		if slices.Contains(cols[:i], c) {
			return fmt.Errorf("%s: %s lists column %s twice", what, object, c)
		}
	}
	return nil
}
