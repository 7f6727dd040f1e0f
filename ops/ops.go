package ops

import (
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// Op is one migration operation.
type Op interface {
	// Name is the operation's name in revision files ("add_column").
	Name() string
	// Reverse returns the operation that undoes this one, or an error
	// (wrapping ErrIrreversible) when the op lacks what that needs.
	Reverse() (Op, error)
	// Validate reports an op that cannot be meant as written (no table
	// name, an empty column list, ...), without looking at any schema.
	Validate() error
	// apply folds the op onto m; see Apply.
	apply(m *metadata.MetaData) error
	// encode renders the op's value (the part after its name) for
	// EncodeList.
	encode() (*yaml.Node, error)
	op()
}

// TableRef names a table: Schema is empty for the default schema.
type TableRef struct {
	Schema string
	Table  string
}

// CreateTable creates a table with its columns, primary key, constraints
// and indexes.
type CreateTable struct {
	Table *metadata.Table
}

// DropTable drops a table. Table holds its full definition, which Reverse
// needs; it may be nil in a hand-written revision.
type DropTable struct {
	TableRef
	Table *metadata.Table
}

// RenameTable renames a table within its schema.
type RenameTable struct {
	TableRef
	NewName string
}

// AddColumn adds a column to a table.
type AddColumn struct {
	TableRef
	AlterMode
	Column *metadata.Column
}

// DropColumn drops a column. Column holds its full definition for Reverse;
// nil when a revision names only the column (ColumnName).
type DropColumn struct {
	TableRef
	AlterMode
	ColumnName string
	Column     *metadata.Column
}

// AlterColumn changes a column's name, type, nullability, server default or
// comment. A nil field is left as it is. An empty non-nil Default or Comment
// removes it. The Existing* fields describe the column before the change,
// so Reverse can restore it.
type AlterColumn struct {
	TableRef
	AlterMode
	ColumnName string
	// Online makes nullable: false the safe SET NOT NULL: on PostgreSQL
	// 12+ a CHECK (column IS NOT NULL) NOT VALID, validated outside the
	// revision's transaction, then SET NOT NULL (which trusts the check
	// and scans nothing) and the check dropped; on MySQL/MariaDB
	// ALGORITHM=INPLACE, LOCK=NONE. SQLite refuses it. Other changes of
	// the op plan as without it.
	Online bool

	NewName       string
	Type          *metadata.Type
	Nullable      *bool
	Default       *string
	Comment       *string
	AutoIncrement *bool
	// Charset and Collation are MySQL's CHARACTER SET and COLLATE; an
	// empty non-nil value returns the column to the table's.
	Charset   *string
	Collation *string
	// Identity is PostgreSQL's kind of autoincrement column (see
	// metadata.Column.Identity); Sequence is a serial column's own
	// sequence, its name and options (an empty one: the name and options
	// PostgreSQL gives it). Changing from or to serial keeps the numbering
	// where it was.
	Identity *string
	Sequence *metadata.Sequence
	// Generated is the column's generation (an empty one: not generated).
	// Dialects refuse to turn a written column into a generated one or
	// back, which would replace or freeze its values; a changed
	// expression recomputes them.
	Generated *metadata.Generated
	// Attributes are PostgreSQL's storage, compression, statistics
	// target and attribute options after the change, all of them (the
	// zero value: every one the default); MySQL and SQLite refuse it.
	Attributes *metadata.ColumnAttributes

	ExistingType          *metadata.Type
	ExistingNullable      *bool
	ExistingDefault       *string
	ExistingComment       *string
	ExistingAutoIncrement *bool
	ExistingCharset       *string
	ExistingCollation     *string
	ExistingIdentity      *string
	ExistingSequence      *metadata.Sequence
	ExistingGenerated     *metadata.Generated
	ExistingAttributes    *metadata.ColumnAttributes
}

// CreateIndex creates an index on a table.
type CreateIndex struct {
	TableRef
	AlterMode
	Index *metadata.Index
	// Concurrently builds the index without blocking writes: PostgreSQL's
	// CREATE INDEX CONCURRENTLY, run outside the revision's transaction
	// (an INVALID index a failed build leaves is dropped before the error
	// is reported); MySQL/MariaDB's ALGORITHM=INPLACE, LOCK=NONE, which
	// the server refuses rather than degrades. SQLite refuses it.
	Concurrently bool
}

// DropIndex drops the named index. Index holds its definition for Reverse.
type DropIndex struct {
	TableRef
	AlterMode
	IndexName string
	Index     *metadata.Index
	// Concurrently drops it without blocking reads and writes
	// (PostgreSQL's DROP INDEX CONCURRENTLY; see CreateIndex).
	Concurrently bool
}

// CreateUniqueConstraint adds a unique constraint.
type CreateUniqueConstraint struct {
	TableRef
	AlterMode
	Unique *metadata.Unique
}

// CreateForeignKey adds a foreign key.
type CreateForeignKey struct {
	TableRef
	AlterMode
	ForeignKey *metadata.ForeignKey
	// NotValid adds it without checking the rows already there
	// (PostgreSQL NOT VALID: a brief lock, no scan); new rows are checked.
	// A validate_constraint later checks the old ones. MySQL, MariaDB and
	// SQLite have no such state and refuse it. It is one with
	// ForeignKey.NotValid (one not_valid key in YAML): either one set
	// makes the op NOT VALID ([CreateForeignKey.IsNotValid]).
	NotValid bool
}

// CreateCheckConstraint adds a check constraint.
type CreateCheckConstraint struct {
	TableRef
	AlterMode
	Check *metadata.Check
	// NotValid: as CreateForeignKey's (one with Check.NotValid).
	NotValid bool
}

// CreatePrimaryKey adds a primary key to a table that has none.
type CreatePrimaryKey struct {
	TableRef
	PrimaryKey *metadata.PrimaryKey
}

// Constraint types of DropConstraint, in Alembic's spelling (type_=).
const (
	ConstraintUnique     = "unique"
	ConstraintForeignKey = "foreignkey"
	ConstraintCheck      = "check"
	ConstraintPrimary    = "primary"
)

// DropConstraint drops a named constraint, or a foreign key without a name
// found by its columns and referenced table (ForeignKey set, no name). Type is one of the Constraint*
// constants; exactly one of the definition fields matching it is set when
// the op is reversible.
type DropConstraint struct {
	TableRef
	AlterMode
	ConstraintName string
	Type           string

	Unique     *metadata.Unique
	ForeignKey *metadata.ForeignKey
	Check      *metadata.Check
	PrimaryKey *metadata.PrimaryKey
	Exclusion  *metadata.Exclusion
	// NotValid: the dropped foreign key or check was NOT VALID, and its
	// reverse adds it back so (one with the definition's NotValid).
	NotValid bool
}

// CreateEnum creates an enum type.
type CreateEnum struct {
	Enum *metadata.Enum
}

// DropEnum drops an enum type. Enum holds its values for Reverse.
type DropEnum struct {
	Schema   string
	EnumName string
	Enum     *metadata.Enum
}

// AlterEnumAddValue adds a value to an enum, at the end or Before/After an
// existing value.
type AlterEnumAddValue struct {
	Schema   string
	EnumName string
	Value    string
	Before   string
	After    string
}

// AlterEnumDropValue removes a value from an enum. It exists as the reverse
// of AlterEnumAddValue: PostgreSQL has no DROP VALUE, so its dialect
// recreates the type, which fails if a row still holds the value.
type AlterEnumDropValue struct {
	Schema   string
	EnumName string
	Value    string
	// Position the value had (Before/After), kept so Reverse can restore it.
	Before string
	After  string
}

// SetTableComment sets (or, when empty, removes) a table's comment.
type SetTableComment struct {
	TableRef
	Comment         string
	ExistingComment *string
}

// AlterTable changes a table's MySQL/MariaDB options: its default
// character set and collation (the columns that follow the table's default
// are converted with it) and its ROW_FORMAT. A nil field is left as it is;
// an empty non-nil one returns to the default. The Existing* fields are the
// options before, for Reverse. Other dialects have nothing to do for it.
type AlterTable struct {
	TableRef
	Charset   *string
	Collation *string
	RowFormat *string

	ExistingCharset   *string
	ExistingCollation *string
	ExistingRowFormat *string
}

// Execute runs SQL text: SQL for every dialect, or PerDialect by dialect
// name ("postgresql", "mysql", "sqlite"). It cannot be folded or reversed.
type Execute struct {
	SQL        string
	PerDialect map[string]string
}

// Conflict policies of BulkInsert.
const (
	OnConflictError  = ""
	OnConflictSkip   = "skip"
	OnConflictUpdate = "update"
)

// BulkInsert loads rows into a table: inline Rows, or a CSV/JSON File
// (relative to the revision file). Values in Rows are YAML scalars as read:
// nil, string, int64, float64 or bool; the dialect converts them by the
// column's type.
type BulkInsert struct {
	TableRef
	Columns    []string // the column order of Rows; for files, the header decides
	Rows       [][]any
	File       string
	OnConflict string // OnConflictError, OnConflictSkip or OnConflictUpdate
	// Key names the unique constraint that detects a conflict; empty means
	// the primary key.
	Key string
}

// BulkDelete deletes the rows a BulkInsert loaded, matched by primary key
// (or Key): it is the reverse of BulkInsert.
type BulkDelete struct {
	TableRef
	Columns []string
	Rows    [][]any
	File    string
	Key     string
}

// Call runs a Go function registered with retort.Register in a custom
// binary. ReverseName, when set, names the function that undoes it.
type Call struct {
	Function    string
	ReverseName string
}

func (*CreateTable) op()            {}
func (*DropTable) op()              {}
func (*RenameTable) op()            {}
func (*AddColumn) op()              {}
func (*DropColumn) op()             {}
func (*AlterColumn) op()            {}
func (*CreateIndex) op()            {}
func (*DropIndex) op()              {}
func (*CreateUniqueConstraint) op() {}
func (*CreateForeignKey) op()       {}
func (*CreateCheckConstraint) op()  {}
func (*CreatePrimaryKey) op()       {}
func (*DropConstraint) op()         {}
func (*CreateEnum) op()             {}
func (*DropEnum) op()               {}
func (*AlterEnumAddValue) op()      {}
func (*AlterEnumDropValue) op()     {}
func (*SetTableComment) op()        {}
func (*AlterTable) op()             {}
func (*Execute) op()                {}
func (*BulkInsert) op()             {}
func (*BulkDelete) op()             {}
func (*Call) op()                   {}
