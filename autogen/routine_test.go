package autogen_test

import (
	"testing"
)

const (
	routineBase = `CREATE TABLE films (id integer NOT NULL PRIMARY KEY, title varchar(50) NOT NULL, length integer)`
	pgTouch     = `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.length := coalesce(NEW.length, 0); RETURN NEW; END$$`
	pgTouch2    = `CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.length := coalesce(NEW.length, 1); RETURN NEW; END$$`
	pgCat       = `CREATE FUNCTION _cat(text, text) RETURNS text LANGUAGE sql IMMUTABLE AS $$SELECT coalesce($1 || ', ', '') || $2$$`
	pgTrigger   = `CREATE TRIGGER films_touch BEFORE INSERT ON films FOR EACH ROW EXECUTE FUNCTION touch()`
)

const (
	sqliteTrigger  = `CREATE TRIGGER films_touch AFTER INSERT ON films BEGIN UPDATE films SET length = 0 WHERE id = NEW.id AND length IS NULL; END`
	sqliteTrigger2 = `CREATE TRIGGER films_touch AFTER INSERT ON films WHEN NEW.length IS NULL BEGIN UPDATE films SET length = 1 WHERE id = NEW.id; END`
)

// MySQL/MariaDB routines and triggers, spelled as the catalog prints them
// (backquoted parameters, the server's types), so that the database built
// from them dumps as the one the ops build. SET STATEMENT (MariaDB) gives
// one procedure another sql_mode in one statement.
const (
	myLen      = "CREATE FUNCTION `film_len`(`n` int(11)) RETURNS int(11)\n    DETERMINISTIC\nRETURN coalesce(n, 0)"
	myLen2     = "CREATE FUNCTION `film_len`(`n` int(11)) RETURNS int(11)\n    NO SQL\n    DETERMINISTIC\n    COMMENT 'at least 1'\nRETURN greatest(coalesce(n, 0), 1)"
	myTrim     = "CREATE PROCEDURE `trim_titles`(IN `n` int(11))\n    MODIFIES SQL DATA\nUPDATE films SET title = left(title, n)"
	myTrim2    = "SET STATEMENT sql_mode = 'TRADITIONAL' FOR CREATE PROCEDURE `trim_titles`(IN `n` int(11))\n    MODIFIES SQL DATA\nUPDATE films SET title = left(title, n)"
	myTrigger  = "CREATE TRIGGER `films_len` BEFORE INSERT ON `films` FOR EACH ROW SET NEW.length = film_len(NEW.length)"
	myTrigger2 = "CREATE TRIGGER `films_len` BEFORE INSERT ON `films` FOR EACH ROW BEGIN\n  SET NEW.length = film_len(NEW.length) + 1;\nEND"
)

// routineCases are changes of functions, procedures, aggregates and
// triggers, per database, with the ops autogenerate must find.
var routineCases = []viewCase{
	{name: "sqlite: add, change and drop a trigger, and recreate its table",
		from: map[string][]string{"sqlite": {routineBase, sqliteTrigger}},
		to: map[string][]string{"sqlite": {`CREATE TABLE films (id integer NOT NULL PRIMARY KEY, title varchar(200) NOT NULL, length integer)`,
			sqliteTrigger2, `CREATE TRIGGER films_gone BEFORE DELETE ON films BEGIN SELECT RAISE(ABORT, 'keep films'); END`}},
		wantOps: map[string][]string{"sqlite": {"alter_column", "create_trigger", "replace_trigger"}}},
	{name: "sqlite: drop a trigger",
		from:    map[string][]string{"sqlite": {routineBase, sqliteTrigger}},
		to:      map[string][]string{"sqlite": {routineBase}},
		wantOps: map[string][]string{"sqlite": {"drop_trigger"}}},
	{name: "mysql: add a function, a procedure, a trigger calling the function and a view calling it",
		from: map[string][]string{"mysql": {routineBase}},
		to: map[string][]string{"mysql": {routineBase, myLen, myTrim, myTrigger,
			"CREATE VIEW lengths AS SELECT film_len(length) AS length FROM films"}},
		wantOps: map[string][]string{"mysql": {"create_function", "create_procedure", "create_view", "create_trigger"}}},
	{name: "mysql: change a function's body and characteristics, a procedure's sql_mode and a trigger's body",
		from:    map[string][]string{"mysql": {routineBase, myLen, myTrim, myTrigger}},
		to:      map[string][]string{"mysql": {routineBase, myLen2, myTrim2, myTrigger2}},
		wantOps: map[string][]string{"mysql": {"replace_function", "replace_procedure", "replace_trigger"}}},
	{name: "mysql: drop a trigger, the function it calls and a procedure",
		from:    map[string][]string{"mysql": {routineBase, myLen, myTrim, myTrigger}},
		to:      map[string][]string{"mysql": {routineBase}},
		wantOps: map[string][]string{"mysql": {"drop_trigger", "drop_procedure", "drop_function"}}},
	{name: "mysql: drop the table under a trigger",
		from:    map[string][]string{"mysql": {routineBase, myLen, myTrigger}},
		to:      map[string][]string{"mysql": {`CREATE TABLE other (id integer NOT NULL PRIMARY KEY)`, myLen}},
		wantOps: map[string][]string{"mysql": {"drop_trigger", "drop_table", "create_table"}}},
	{name: "add a function, a procedure, an aggregate, a trigger and a view calling the aggregate",
		from: map[string][]string{"postgres": {routineBase}},
		to: map[string][]string{"postgres": {routineBase, pgTouch, pgCat,
			`CREATE PROCEDURE trim_titles(n integer) LANGUAGE sql AS $$UPDATE films SET title = left(title, n)$$`,
			`CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text)`,
			`CREATE VIEW titles AS SELECT cat(title) AS all_titles FROM films`, pgTrigger}},
		wantOps: map[string][]string{"postgres": {"create_function", "create_function", "create_procedure", "create_aggregate",
			"create_view", "create_trigger"}}},
	{name: "change a function, an aggregate and a trigger",
		from: map[string][]string{"postgres": {routineBase, pgTouch, pgCat, `CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text)`, pgTrigger}},
		to: map[string][]string{"postgres": {routineBase, pgTouch2, pgCat, `CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text, INITCOND = '')`,
			`CREATE TRIGGER films_touch BEFORE INSERT OR UPDATE ON films FOR EACH ROW EXECUTE FUNCTION touch()`,
			`COMMENT ON FUNCTION touch() IS 'fills length'`}},
		wantOps: map[string][]string{"postgres": {"replace_function", "replace_aggregate", "replace_trigger"}}},
	{name: "a function's result type changes",
		from:    map[string][]string{"postgres": {routineBase, `CREATE FUNCTION n() RETURNS integer LANGUAGE sql AS 'SELECT 1'`}},
		to:      map[string][]string{"postgres": {routineBase, `CREATE FUNCTION n() RETURNS bigint LANGUAGE sql AS 'SELECT 1'`}},
		wantOps: map[string][]string{"postgres": {"replace_function"}}},
	{name: "drop a trigger, its function, an aggregate and a procedure",
		from: map[string][]string{"postgres": {routineBase, pgTouch, pgCat, `CREATE AGGREGATE cat(text) (SFUNC = _cat, STYPE = text)`, pgTrigger,
			`CREATE PROCEDURE trim_titles(n integer) LANGUAGE sql AS $$UPDATE films SET title = left(title, n)$$`}},
		to:      map[string][]string{"postgres": {routineBase}},
		wantOps: map[string][]string{"postgres": {"drop_trigger", "drop_aggregate", "drop_procedure", "drop_function", "drop_function"}}},
}

// TestAutogenerateRoutines: for each database, autogenerate's ops for
// added, changed and dropped functions, procedures, aggregates and
// triggers upgrade the database to the target's dump, downgrade it back
// to the original's and upgrade it again; then nothing differs.
func TestAutogenerateRoutines(t *testing.T) {
	runSchemaCases(t, routineCases)
}
