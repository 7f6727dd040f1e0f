package mysql

import "strings"

// The catalog queries of Inspect. Each reads one information_schema view
// for every table of the schemas at once (the %s is a list of
// placeholders, one per schema), so an inspect issues the same number of
// queries for 20 tables or 4,000. MariaDB and MySQL 8 differ in two views
// (STATISTICS.EXPRESSION, CHECK_CONSTRAINTS.TABLE_NAME), hence two
// spellings of those.
const (
	serverQuery = `SELECT VERSION(), COALESCE(DATABASE(), '')`

	tablesQuery = `SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, COALESCE(TABLE_COMMENT, ''),
	COALESCE(TABLE_COLLATION, ''), COALESCE(CREATE_OPTIONS, '')
FROM information_schema.TABLES
WHERE TABLE_SCHEMA IN (%s)`

	columnsQuery = `SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_DEFAULT,
	EXTRA, COLUMN_COMMENT, COALESCE(GENERATION_EXPRESSION, ''), COALESCE(CHARACTER_SET_NAME, ''), COALESCE(COLLATION_NAME, '')
FROM information_schema.COLUMNS
WHERE TABLE_SCHEMA IN (%s)
ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`

	// The index queries have no ORDER BY: STATISTICS lists each table's
	// keys in the server's key order (the order SHOW CREATE TABLE prints,
	// creation order within a class), part by part, and no column holds
	// that order, so sorting by name would lose it.
	indexesQueryMariaDB = `SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, NULL, COLLATION, INDEX_COMMENT
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA IN (%s)`

	indexesQueryMySQL = `SELECT TABLE_SCHEMA, TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, INDEX_TYPE, EXPRESSION, COLLATION, INDEX_COMMENT
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA IN (%s)`

	// Foreign keys are read in two queries: MariaDB joins two
	// information_schema views table by table (1.8 s for 1,000 tables,
	// against 0.1 s for the two apart).
	foreignKeyColumnsQuery = `SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME,
	REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME
FROM information_schema.KEY_COLUMN_USAGE
WHERE TABLE_SCHEMA IN (%s) AND REFERENCED_TABLE_NAME IS NOT NULL
ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`

	foreignKeyRulesQuery = `SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE
FROM information_schema.REFERENTIAL_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA IN (%s)`

	checksQueryMariaDB = `SELECT CONSTRAINT_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA IN (%s)`

	checksQueryMySQL = `SELECT tc.TABLE_SCHEMA, tc.TABLE_NAME, cc.CONSTRAINT_NAME, cc.CHECK_CLAUSE, 'Table'
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.CHECK_CONSTRAINTS cc
	ON cc.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND cc.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA IN (%s) AND tc.CONSTRAINT_TYPE = 'CHECK'`
)

// placeholders returns "?, ?, ..." for n binds.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}

// The queries Inspect runs after every other one, to tell what it could
// not read whole.
const (
	// tablesAgainQuery lists the tables once more: a table it no longer
	// lists was dropped during the inspection (information_schema is not
	// transactional, so no snapshot keeps the queries consistent).
	tablesAgainQuery = `SELECT TABLE_SCHEMA, TABLE_NAME
FROM information_schema.TABLES
WHERE TABLE_SCHEMA IN (%s) AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')`

	// checksReadableQueryMariaDB says, per database, whether this user
	// may read its check constraints and whether it sees any. MariaDB
	// shows CHECK_CONSTRAINTS rows (and TABLE_CONSTRAINTS ones) only to a
	// user with a table privilege on the whole database or server, not
	// to one granted privileges on single tables. Privileges held through
	// a role are not listed to the user, so Inspect asks only when a
	// database showed no check at all.
	checksReadableQueryMariaDB = `SELECT s.SCHEMA_NAME,
	EXISTS (SELECT 1 FROM information_schema.USER_PRIVILEGES p
		WHERE p.GRANTEE IN (` + granteesMariaDB + `) AND p.PRIVILEGE_TYPE IN (` + tablePrivileges + `))
	OR EXISTS (SELECT 1 FROM information_schema.SCHEMA_PRIVILEGES p
		WHERE p.GRANTEE IN (` + granteesMariaDB + `) AND s.SCHEMA_NAME LIKE p.TABLE_SCHEMA
			AND p.PRIVILEGE_TYPE IN (` + tablePrivileges + `))
FROM information_schema.SCHEMATA s
WHERE s.SCHEMA_NAME IN (%s)`

	// granteesMariaDB are the current user and its enabled roles as
	// information_schema's GRANTEE spells them ('user'@'host').
	granteesMariaDB = `SELECT CONCAT('''', SUBSTRING_INDEX(CURRENT_USER(), '@', 1), '''@''', SUBSTRING_INDEX(CURRENT_USER(), '@', -1), '''')
		UNION ALL SELECT CONCAT('''', ROLE_NAME, '''@''''') FROM information_schema.ENABLED_ROLES`

	// tablePrivileges are the privileges that, held on a whole database,
	// let MariaDB show its check constraints.
	tablePrivileges = `'SELECT', 'INSERT', 'UPDATE', 'DELETE', 'CREATE', 'DROP', 'REFERENCES', 'INDEX', 'ALTER',
			'CREATE VIEW', 'SHOW VIEW', 'TRIGGER', 'DELETE HISTORY'`
)
