package metadata

import "slices"

// Table is one table: its columns in order and its constraints and indexes.
type Table struct {
	Schema      string // empty: the database's default schema
	Name        string
	Comment     string
	Columns     []*Column
	PrimaryKey  *PrimaryKey // nil: no primary key
	ForeignKeys []*ForeignKey
	Uniques     []*Unique
	Checks      []*Check
	// Exclusions are PostgreSQL's exclusion constraints.
	Exclusions []*Exclusion
	Indexes    []*Index
	// Charset, Collation and RowFormat are MySQL/MariaDB table options
	// (DEFAULT CHARSET, COLLATE, ROW_FORMAT), in the catalog's spelling.
	// Empty means what CREATE TABLE gives without them: utf8mb4, its
	// default collation, the server's row format. Other dialects ignore
	// them.
	Charset   string
	Collation string
	RowFormat string
	// PartitionBy makes the table partitioned (PostgreSQL's declarative
	// partitioning): the strategy and key as pg_get_partkeydef renders
	// them, RANGE (payment_date), LIST (region), HASH (id). Its rows live
	// in its partitions, tables with PartitionOf naming it.
	PartitionBy string
	// PartitionOf, when set, makes the table a partition of another.
	PartitionOf *PartitionOf
	// Inherits lists the tables this one inherits from, in order
	// (PostgreSQL's INHERITS); its Columns are then only its own.
	Inherits []Inherit
	// RowSecurity is the table's row-level security (PostgreSQL); see
	// [Policy].
	RowSecurity RowSecurity
}

// NewTable returns a table with the given columns, for building a model in code.
func NewTable(name string, cols ...*Column) *Table {
	return &Table{Name: name, Columns: cols}
}

// QualifiedName returns schema.name, or name when the schema is the default.
func (t *Table) QualifiedName() string { return qualify(t.Schema, t.Name) }

// Column returns the named column, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// ColumnIndex returns the position of the named column, or -1.
func (t *Table) ColumnIndex(name string) int {
	for i, c := range t.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Index returns the named index, or nil.
func (t *Table) Index(name string) *Index {
	for _, ix := range t.Indexes {
		if ix.Name == name {
			return ix
		}
	}
	return nil
}

// ForeignKey returns the named foreign key, or nil.
func (t *Table) ForeignKey(name string) *ForeignKey {
	for _, fk := range t.ForeignKeys {
		if fk.Name == name {
			return fk
		}
	}
	return nil
}

// Unique returns the named unique constraint, or nil.
func (t *Table) Unique(name string) *Unique {
	for _, u := range t.Uniques {
		if u.Name == name {
			return u
		}
	}
	return nil
}

// Check returns the named check constraint, or nil.
func (t *Table) Check(name string) *Check {
	for _, c := range t.Checks {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// AllNamed reports whether every constraint and index of t has a name, as
// a table must before DDL can name them all.
func (t *Table) AllNamed() bool {
	if t.PrimaryKey != nil && t.PrimaryKey.Name == "" {
		return false
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" {
			return false
		}
	}
	for _, u := range t.Uniques {
		if u.Name == "" {
			return false
		}
	}
	for _, c := range t.Checks {
		if c.Name == "" {
			return false
		}
	}
	for _, ix := range t.Indexes {
		if ix.Name == "" {
			return false
		}
	}
	return true
}

// AddColumn appends c and returns it.
func (t *Table) AddColumn(c *Column) *Column {
	t.Columns = append(t.Columns, c)
	return c
}

// SetPrimaryKey makes the given columns the primary key (and not nullable).
func (t *Table) SetPrimaryKey(cols ...string) *PrimaryKey {
	t.PrimaryKey = &PrimaryKey{Columns: cols}
	for _, name := range cols {
		if c := t.Column(name); c != nil {
			c.Nullable = false
		}
	}
	return t.PrimaryKey
}

// AddForeignKey appends a foreign key from cols to refTable(refCols).
func (t *Table) AddForeignKey(cols []string, refTable string, refCols []string) *ForeignKey {
	fk := &ForeignKey{Columns: cols, RefTable: refTable, RefColumns: refCols}
	t.ForeignKeys = append(t.ForeignKeys, fk)
	return fk
}

// AddUnique appends a unique constraint over cols.
func (t *Table) AddUnique(cols ...string) *Unique {
	u := &Unique{Columns: cols}
	t.Uniques = append(t.Uniques, u)
	return u
}

// AddCheck appends a named check constraint.
func (t *Table) AddCheck(name, expr string) *Check {
	c := &Check{Name: name, Expression: expr}
	t.Checks = append(t.Checks, c)
	return c
}

// AddIndex appends an index over cols.
func (t *Table) AddIndex(cols ...string) *Index {
	ix := &Index{Columns: cols}
	t.Indexes = append(t.Indexes, ix)
	return ix
}

// RemoveColumn deletes the named column and reports whether it was there.
func (t *Table) RemoveColumn(name string) bool {
	i := t.ColumnIndex(name)
	if i < 0 {
		return false
	}
	t.Columns = append(t.Columns[:i:i], t.Columns[i+1:]...)
	return true
}

// Clone returns a deep copy of t.
func (t *Table) Clone() *Table {
	c := *t
	c.Columns = nil
	for _, col := range t.Columns {
		c.Columns = append(c.Columns, col.Clone())
	}
	if t.PrimaryKey != nil {
		c.PrimaryKey = t.PrimaryKey.Clone()
	}
	c.ForeignKeys = cloneEach(t.ForeignKeys, (*ForeignKey).Clone)
	c.Uniques = cloneEach(t.Uniques, (*Unique).Clone)
	c.Checks = cloneEach(t.Checks, (*Check).Clone)
	c.Exclusions = cloneEach(t.Exclusions, (*Exclusion).Clone)
	c.Indexes = cloneEach(t.Indexes, (*Index).Clone)
	c.PartitionOf = t.PartitionOf.Clone()
	c.Inherits = slices.Clone(t.Inherits)
	return &c
}

func cloneEach[T any](s []*T, clone func(*T) *T) []*T {
	if s == nil {
		return nil
	}
	out := make([]*T, len(s))
	for i, v := range s {
		out[i] = clone(v)
	}
	return out
}

// Column is one column of a table.
type Column struct {
	Name     string
	Type     Type
	Nullable bool
	// Default is the server default as SQL text, rendered as given
	// ("'ok'", "0", "CURRENT_TIMESTAMP"); empty means no default.
	Default string
	// AutoIncrement asks the database to number rows: IDENTITY on
	// PostgreSQL, AUTO_INCREMENT on MySQL, INTEGER PRIMARY KEY AUTOINCREMENT
	// on SQLite.
	AutoIncrement bool
	// Identity says how an autoincrement column numbers rows: one of
	// [IdentityKinds], or "" for the dialect's default (IdentityByDefault
	// on PostgreSQL, where the type serial too reads as that; on SQLite
	// AUTOINCREMENT when created, and either spelling when compared).
	Identity string
	// Sequence is the sequence a serial column owns (Identity
	// IdentitySerial); nil is the one PostgreSQL would give it.
	Sequence *Sequence
	Comment  string
	// Charset and Collation are a MySQL/MariaDB character column's
	// CHARACTER SET and COLLATE, in the catalog's spelling; empty means the
	// table's (a charset alone takes its default collation). On
	// PostgreSQL, Collation is the column's COLLATE (a collation name, as
	// "C" or "en_US"; empty: the type's default) and Charset is ignored;
	// SQLite ignores both.
	Charset   string
	Collation string
	// Generated makes the column a generated one; nil: a column rows are
	// written to.
	Generated *Generated
	// ClauseOrder is the order its CREATE TABLE writes the column's
	// clauses in (kinds of [ClauseKinds]), where the database keeps the
	// text (SQLite) and it is not the writer's own order; nil: the
	// writer's. A spelling only: never compared.
	ClauseOrder []string
	// Attributes are PostgreSQL's storage, compression, statistics
	// target and attribute options; the zero value is the defaults.
	Attributes ColumnAttributes
}

// NewColumn returns a nullable column of the given type.
func NewColumn(name string, typ Type) *Column {
	return &Column{Name: name, Type: typ, Nullable: true}
}

// Clone returns a deep copy of c.
func (c *Column) Clone() *Column {
	cp := *c
	cp.Type = c.Type.Clone()
	cp.Sequence = c.Sequence.Clone()
	cp.Generated = c.Generated.Clone()
	cp.ClauseOrder = cloneSlice(c.ClauseOrder)
	cp.Attributes = c.Attributes.Clone()
	return &cp
}
