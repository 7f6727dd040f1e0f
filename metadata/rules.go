package metadata

import "slices"

// The databases a validation rule names as enforcing it: the values of
// dialect.Dialect.Name.
const (
	PostgreSQL = "postgresql"
	MySQL      = "mysql"
	SQLite     = "sqlite"
)

// AllDatabases lists the databases Retort knows, for [Rule.Databases].
var AllDatabases = []string{PostgreSQL, MySQL, SQLite}

// Rule is one rule of [MetaData.Validate]: a thing a schema must not do,
// and the databases that refuse a schema doing it. Breaking a rule is an
// error for a schema meant for one of those databases (the database would
// refuse the DDL, or keep something other than what the file says) and a
// warning for the others, which accept it; see [ReadOptions].
type Rule struct {
	// ID names the rule in messages and in docs/validation.md.
	ID string
	// Summary says what the rule forbids.
	Summary string
	// Databases are those that enforce it.
	Databases []string
	// Why says what those databases do, and what the others do.
	Why string
}

// Enforced reports whether database refuses a schema that breaks r;
// with database "" (none known), whether every database does.
func (r *Rule) Enforced(database string) bool {
	if database == "" {
		return len(r.Databases) == len(AllDatabases)
	}
	return slices.Contains(r.Databases, database)
}

// Rule IDs; [Rules] lists them with what they say.
const (
	RuleModel              = "model"
	RuleNameLengthPG       = "name-length-postgresql"
	RuleNameLengthMySQL    = "name-length-mysql"
	RuleNameDuplicate      = "name-duplicate"
	RuleEnumNoValues       = "enum-no-values"
	RuleEnumValueTwice     = "enum-value-twice"
	RuleTableNoColumns     = "table-no-columns"
	RuleAutoIncrementTwice = "autoincrement-twice"
	RuleAutoIncrementType  = "autoincrement-type"
	RuleAutoIncrementDef   = "autoincrement-default"
	RuleDeferred           = "initially-deferred"
	RuleFKTypeDiffers      = "fk-type-differs"
	RuleFKTypeIncomparable = "fk-type-incomparable"
	RuleFKNotUnique        = "fk-not-unique"
	RuleNullablePK         = "nullable-primary-key"
	RuleIndexColumnTwice   = "index-column-twice"
	RuleIndexNameTwice     = "index-name-twice"
	RuleIndexNameSchema    = "index-name-schema"
	RuleIndexNameTable     = "index-name-table"
	RuleIndexNamePrimary   = "index-name-primary"
)

// Rules lists every rule of [MetaData.Validate].
var Rules = []Rule{
	{RuleModel, "the model is incomplete or contradicts itself: a name missing, not UTF-8 or with a dot; a table, column or enum declared twice; an unknown or malformed type; an undeclared enum; a key, index or foreign key naming a column or table that does not exist, or a column twice; a check without expression; an unknown referential action; a bad naming convention",
		AllDatabases, "no DDL can be written for it"},
	{RuleNameLengthPG, "a name longer than 63 bytes", []string{PostgreSQL},
		"PostgreSQL truncates it to 63 bytes, so the database would hold another name than the file; MySQL allows 64 characters, SQLite any length"},
	{RuleNameLengthMySQL, "a name longer than 64 characters", []string{MySQL},
		"MySQL and MariaDB refuse it (Identifier name is too long)"},
	{RuleNameDuplicate, "two keys, or two constraints, of a table with the same name, or a key named like an index of the table (a foreign key or check may share a plain index's name; two indexes are index-name-twice)", []string{PostgreSQL, MySQL},
		"PostgreSQL and MySQL refuse the second (relation/key already exists); SQLite keeps both names of constraints"},
	{RuleIndexNameTwice, "two indexes of a table with the same name", AllDatabases,
		"every database refuses the second CREATE INDEX (already exists)"},
	{RuleIndexNameSchema, "indexes of two tables of one schema with the same name", []string{PostgreSQL, SQLite},
		"PostgreSQL's and SQLite's index names are their schema's (relation/index already exists); MySQL's are their table's"},
	{RuleIndexNameTable, "an index named like a table of its schema", []string{PostgreSQL, SQLite},
		"PostgreSQL's indexes and tables share one namespace per schema (relation already exists), and SQLite's (there is already a table named ...); MySQL's do not"},
	{RuleIndexNamePrimary, "an index or unique constraint named PRIMARY, in any letter case", []string{MySQL},
		"MySQL and MariaDB name the primary key PRIMARY and refuse the name for another index (Incorrect index name); PostgreSQL and SQLite accept it quoted"},
	{RuleEnumNoValues, "an enum without values", []string{MySQL},
		"MySQL refuses ENUM(); PostgreSQL creates an empty enum type, SQLite a CHECK (x IN ())"},
	{RuleEnumValueTwice, "an enum listing a value twice", []string{PostgreSQL, MySQL},
		"PostgreSQL refuses duplicate labels, MySQL in strict mode duplicate ENUM values; SQLite's CHECK accepts them"},
	{RuleTableNoColumns, "a table without columns", []string{MySQL, SQLite},
		"MySQL and SQLite need a column; PostgreSQL creates CREATE TABLE t ()"},
	{RuleAutoIncrementTwice, "two autoincrement columns in a table", []string{MySQL, SQLite},
		"MySQL allows one AUTO_INCREMENT column, SQLite one INTEGER PRIMARY KEY; PostgreSQL allows several identity columns"},
	{RuleAutoIncrementType, "autoincrement on a column that is not an integer", AllDatabases,
		"PostgreSQL identity, MySQL AUTO_INCREMENT and SQLite's rowid alias need an integer"},
	{RuleAutoIncrementDef, "an autoincrement column with a default", []string{PostgreSQL, MySQL},
		"PostgreSQL refuses a default on an identity column, MySQL on an AUTO_INCREMENT one"},
	{RuleDeferred, "a constraint (foreign key, primary key, unique) initially deferred but not deferrable", []string{PostgreSQL},
		"PostgreSQL refuses it; MySQL has no deferred keys and SQLite reads it as not deferrable"},
	{RuleFKTypeDiffers, "a foreign key column of another size or precision than the column it references (integer to bigint, numeric(10,2) to numeric(12,2), real to double)", []string{MySQL},
		"InnoDB refuses it (the size and sign of integer and decimal types must match); PostgreSQL and SQLite accept it"},
	{RuleFKTypeIncomparable, "a foreign key column of another kind of type than the column it references (integer to varchar, one enum to another)", []string{PostgreSQL, MySQL},
		"PostgreSQL refuses it (no equality operator between the types), and so does InnoDB; SQLite accepts it"},
	{RuleFKNotUnique, "a foreign key referencing columns that are neither the primary key nor unique", []string{PostgreSQL},
		"PostgreSQL refuses it; InnoDB accepts any index on the referenced columns; SQLite accepts the DDL and fails writes to the table with \"foreign key mismatch\""},
	{RuleNullablePK, "a nullable primary key column", []string{PostgreSQL, MySQL},
		"PostgreSQL and MySQL make primary key columns NOT NULL (or refuse NULL); SQLite keeps NULL allowed in a primary key that is not an integer rowid alias"},
	{RuleIndexColumnTwice, "an index listing a column twice", []string{MySQL},
		"MySQL refuses it (Duplicate column name); PostgreSQL and SQLite create it"},
}

// RuleByID returns the rule with id, or the model rule for an unknown id.
func RuleByID(id string) *Rule {
	for i := range Rules {
		if Rules[i].ID == id {
			return &Rules[i]
		}
	}
	return &Rules[0]
}
