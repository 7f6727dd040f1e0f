package metadata

import "slices"

// PrimaryKey is a table's primary key.
type PrimaryKey struct {
	Name    string // empty: derived from the naming convention, or left to the database
	Columns []string
	// Deferrable and InitiallyDeferred are PostgreSQL's DEFERRABLE
	// [INITIALLY DEFERRED]: the key is checked at commit (or when SET
	// CONSTRAINTS says) rather than at each statement.
	Deferrable        bool
	InitiallyDeferred bool
	// Unnamed says the key is written without CONSTRAINT name where the
	// database keeps such a key nameless (SQLite); Name still holds the
	// convention's name, which the other databases give it.
	Unnamed bool
	// Comment is the constraint's comment (PostgreSQL's COMMENT ON
	// CONSTRAINT).
	Comment string
}

// HasOptions reports whether pk says more than its name and columns, so
// that it cannot be written as a column's primary_key: true.
func (pk *PrimaryKey) HasOptions() bool {
	return pk.Deferrable || pk.InitiallyDeferred || pk.Unnamed || pk.Comment != ""
}

// Clone returns a deep copy of pk.
func (pk *PrimaryKey) Clone() *PrimaryKey {
	c := *pk
	c.Columns = cloneSlice(pk.Columns)
	return &c
}

// Referential actions for ON DELETE and ON UPDATE, in SQL spelling but lower case.
const (
	NoAction   = "no action"
	Restrict   = "restrict"
	Cascade    = "cascade"
	SetNull    = "set null"
	SetDefault = "set default"
)

// ForeignKey is a (possibly composite) foreign key.
type ForeignKey struct {
	Name       string
	Columns    []string
	RefSchema  string // empty: the referring table's schema
	RefTable   string
	RefColumns []string
	OnDelete   string // one of the action constants; empty means no action
	OnUpdate   string
	// Deferrable and InitiallyDeferred matter on PostgreSQL and SQLite only.
	Deferrable        bool
	InitiallyDeferred bool
	// Unnamed: as [PrimaryKey]'s (SQLite writes FOREIGN KEY without
	// CONSTRAINT name).
	Unnamed bool
	// NotValid: the database has not checked the rows that were there
	// when the key was added (PostgreSQL's NOT VALID); new rows are
	// checked. validate_constraint makes it valid.
	NotValid bool
	// Comment: as [PrimaryKey]'s.
	Comment string
}

// HasOptions reports whether fk says more than a column's references:
// shorthand can.
func (fk *ForeignKey) HasOptions() bool {
	return fk.Deferrable || fk.InitiallyDeferred || fk.Unnamed || fk.NotValid || fk.Comment != ""
}

// Clone returns a deep copy of fk.
func (fk *ForeignKey) Clone() *ForeignKey {
	c := *fk
	c.Columns = cloneSlice(fk.Columns)
	c.RefColumns = cloneSlice(fk.RefColumns)
	return &c
}

// SameTarget reports whether fk and other tie the same columns to the same
// referenced table and columns: what identifies a foreign key that has no
// name (SQLite's have none).
func (fk *ForeignKey) SameTarget(other *ForeignKey) bool {
	return other != nil && fk.RefSchema == other.RefSchema && fk.RefTable == other.RefTable &&
		slices.Equal(fk.Columns, other.Columns) && slices.Equal(fk.RefColumns, other.RefColumns)
}

// Unique is a unique constraint.
type Unique struct {
	Name    string
	Columns []string
	// Deferrable and InitiallyDeferred: as [PrimaryKey]'s (PostgreSQL).
	Deferrable        bool
	InitiallyDeferred bool
	// NullsNotDistinct makes NULLs equal to each other, so that a second
	// row with the same NULLs is refused (PostgreSQL 15's UNIQUE NULLS NOT
	// DISTINCT); false is the standard, where NULLs never collide.
	NullsNotDistinct bool
	// Comment: as [PrimaryKey]'s.
	Comment string
}

// HasOptions reports whether u says more than its name and columns, so
// that it cannot be written as a column's unique: true.
func (u *Unique) HasOptions() bool {
	return u.Deferrable || u.InitiallyDeferred || u.NullsNotDistinct || u.Comment != ""
}

// Clone returns a deep copy of u.
func (u *Unique) Clone() *Unique {
	c := *u
	c.Columns = cloneSlice(u.Columns)
	return &c
}

// Check is a check constraint; Expression is SQL text.
type Check struct {
	Name       string
	Expression string
	// NoInherit keeps the check on this table only, not on tables that
	// inherit from it (PostgreSQL's NO INHERIT; a domain's checks have
	// no such option).
	NoInherit bool
	// NotValid: as [ForeignKey]'s (a table's checks only).
	NotValid bool
	// Comment: as [PrimaryKey]'s (a table's checks only).
	Comment string
}

// Clone returns a copy of c.
func (c *Check) Clone() *Check { cp := *c; return &cp }

// Index is an index. Its key is Columns followed by Expressions (SQL text,
// for expression indexes such as lower(email)); Where makes it partial.
type Index struct {
	Name        string
	Columns     []string
	Expressions []string
	Unique      bool
	Where       string // partial index predicate, SQL text
	Using       string // access method where the database has several (PostgreSQL: btree, gin, gist, ...); empty is the default
	// NullsNotDistinct: a unique index whose NULLs collide (PostgreSQL
	// 15's NULLS NOT DISTINCT), as [Unique]'s.
	NullsNotDistinct bool
	// Keys is the key in full when Columns and Expressions cannot say it
	// (see [IndexKey]; [Index.SetKeys] keeps the three in step).
	Keys []IndexKey
	// Include are the non-key columns of a covering index (PostgreSQL's
	// INCLUDE).
	Include []string
	// With are the storage parameters, "name=value" as the catalog
	// spells them (PostgreSQL's WITH (fillfactor=70)).
	With    []string
	Comment string
}

// Clone returns a deep copy of ix.
func (ix *Index) Clone() *Index {
	c := *ix
	c.Columns = cloneSlice(ix.Columns)
	c.Expressions = cloneSlice(ix.Expressions)
	c.Keys = cloneSlice(ix.Keys)
	c.Include = cloneSlice(ix.Include)
	c.With = cloneSlice(ix.With)
	return &c
}
