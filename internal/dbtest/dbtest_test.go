package dbtest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// tableNamesQuery lists the tables of the current database, per dialect.
var tableNamesQuery = map[string]string{
	DialectSQLite:   `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
	DialectPostgres: `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
	DialectMySQL:    `SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE' ORDER BY 1`,
}

func tableNames(t *testing.T, db *DB) []string {
	t.Helper()
	rows, err := db.Query(tableNamesQuery[db.Dialect])
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

func TestFreshDatabase(t *testing.T) {
	t.Parallel()
	Each(t, func(t *testing.T, db *DB) {
		t.Parallel()
		if db.Dialect != t.Name()[strings.LastIndex(t.Name(), "/")+1:] {
			t.Errorf("dialect %q in subtest %s", db.Dialect, t.Name())
		}
		if got := tableNames(t, db); len(got) != 0 {
			t.Fatalf("new database has tables %v", got)
		}
		if db.Dialect != DialectSQLite && !strings.HasPrefix(db.Name, "retort_test_") {
			t.Errorf("name %q", db.Name)
		}
		if !strings.Contains(db.URL, db.Name) && db.Dialect != DialectSQLite {
			t.Errorf("URL %s does not name the database %s", db.Redacted(), db.Name)
		}
		Exec(t, db, "CREATE TABLE widget (id INTEGER PRIMARY KEY, name VARCHAR(20))",
			"INSERT INTO widget (id, name) VALUES (1, 'a')")
		if got := tableNames(t, db); len(got) != 1 || got[0] != "widget" {
			t.Errorf("tables %v, want [widget]", got)
		}
	})
}

// TestForeignKeysEnforced checks SQLite is opened with foreign keys on, as
// the servers always are.
func TestForeignKeysEnforced(t *testing.T) {
	t.Parallel()
	Each(t, func(t *testing.T, db *DB) {
		t.Parallel()
		Exec(t, db, "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
			"CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id))")
		if _, err := db.Exec("INSERT INTO child (id, parent_id) VALUES (1, 42)"); err == nil {
			t.Error("inserting a dangling reference worked")
		}
	})
}

// TestNoCollisions runs tests that create the same table at once.
func TestNoCollisions(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	names := map[string]bool{}
	t.Run("group", func(t *testing.T) {
		for i := range 4 {
			t.Run(string(rune('a'+i)), func(t *testing.T) {
				t.Parallel()
				Each(t, func(t *testing.T, db *DB) {
					t.Parallel()
					mu.Lock()
					if names[db.URL] {
						t.Errorf("%s handed out twice", db.Redacted())
					}
					names[db.URL] = true
					mu.Unlock()
					Exec(t, db, "CREATE TABLE same_name (id INTEGER PRIMARY KEY)")
				})
			})
		}
	})
}

// databaseExistsQuery tells whether a database is still on the server.
var databaseExistsQuery = map[string]string{
	DialectPostgres: `SELECT count(*) FROM pg_database WHERE datname = $1`,
	DialectMySQL:    `SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?`,
}

func TestCleanupDrops(t *testing.T) {
	t.Parallel()
	for _, dialect := range Dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			var db *DB
			t.Run("use", func(t *testing.T) {
				db = Open(t, dialect)
				Exec(t, db, "CREATE TABLE t1 (id INTEGER PRIMARY KEY)")
				// A connection left open must not stop the drop.
				conn, err := db.Conn(context.Background())
				if err != nil {
					t.Fatal(err)
				}
				_ = conn
			})
			if db == nil {
				t.Skip("no database")
			}
			if err := db.Ping(); err == nil || !strings.Contains(err.Error(), "closed") {
				t.Errorf("pool still open after the test: %v", err)
			}
			if dialect == DialectSQLite {
				path := strings.TrimPrefix(db.URL, "sqlite:///")
				if _, err := os.Stat(path); !os.IsNotExist(err) {
					t.Errorf("%s is still there: %v", path, err)
				}
				return
			}
			adm, err := map[string]*server{DialectPostgres: postgresServer, DialectMySQL: mysqlServer}[dialect].connect()
			if err != nil {
				t.Fatal(err)
			}
			var n int
			if err := adm.QueryRow(databaseExistsQuery[dialect], db.Name).Scan(&n); err != nil {
				t.Fatal(err)
			}
			if n != 0 {
				t.Errorf("database %s is still on the server", db.Name)
			}
		})
	}
}

func TestLoadChinook(t *testing.T) {
	t.Parallel()
	dir := RealWorldDir(t)
	file := map[string]string{
		DialectSQLite:   "chinook.sqlite.sql",
		DialectPostgres: "chinook.postgresql.sql",
		DialectMySQL:    "chinook.mysql.sql",
	}
	Each(t, func(t *testing.T, db *DB) {
		t.Parallel()
		LoadSQLFile(t, db, filepath.Join(dir, file[db.Dialect]))
		got := tableNames(t, db)
		if len(got) != 11 {
			t.Errorf("%d tables %v, want Chinook's 11", len(got), got)
		}
	})
}

// TestLoadScripts loads fixtures with routines, triggers and session
// settings, and checks the settings did not leak into the pool.
func TestLoadScripts(t *testing.T) {
	t.Parallel()
	dir := RealWorldDir(t)
	tests := []struct {
		dialect, file string
		tables        int
	}{
		{DialectSQLite, "sakila.sqlite.sql", 16},
		{DialectSQLite, "chinook-autoincrement.sqlite.sql", 11},
		{DialectPostgres, "pagila.postgresql.sql", 0},
		{DialectPostgres, "synapse.postgresql.sql", 138},
		{DialectMySQL, "chinook-autoincrement.mysql.sql", 11},
	}
	for _, tc := range tests {
		t.Run(tc.dialect+"/"+tc.file, func(t *testing.T) {
			t.Parallel()
			db := Open(t, tc.dialect)
			LoadSQLFile(t, db, filepath.Join(dir, tc.file))
			if n := len(tableNames(t, db)); tc.tables > 0 && n != tc.tables {
				t.Errorf("%d tables, want %d", n, tc.tables)
			}
			if tc.dialect == DialectPostgres {
				// pagila empties search_path for its session.
				var path string
				if err := db.QueryRow("SHOW search_path").Scan(&path); err != nil || !strings.Contains(path, "public") {
					t.Errorf("search_path %q after loading (%v)", path, err)
				}
			}
		})
	}
}

// TestLoadSakilaMySQL loads Sakila's DELIMITER blocks. Its view actor_info
// names the database sakila, so in a database of another name exactly that
// statement fails, as it does with the mysql client; the rest must load.
func TestLoadSakilaMySQL(t *testing.T) {
	t.Parallel()
	dir := RealWorldDir(t)
	db := MySQL(t)
	if err := loadSQLFile(db, filepath.Join(dir, "sakila-jooq.mysql.sql")); err == nil || !strings.Contains(err.Error(), "sakila.actor") {
		t.Fatalf("got %v, want the error about sakila.actor", err)
	}
	db = MySQL(t)
	script, err := os.ReadFile(filepath.Join(dir, "sakila-jooq.mysql.sql"))
	if err != nil {
		t.Fatal(err)
	}
	stmts, err := SplitMySQL(string(script))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for _, s := range stmts { // as mysql --force would
		if _, err := conn.ExecContext(ctx, s.SQL); err != nil && !strings.Contains(s.SQL, "VIEW actor_info") {
			t.Errorf("line %d: %v", s.Line, err)
		}
	}
	count := func(query string) int {
		var n int
		if err := conn.QueryRowContext(ctx, query).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	routines := count(`SELECT count(*) FROM information_schema.routines WHERE routine_schema = DATABASE()`)
	triggers := count(`SELECT count(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()`)
	if tables := len(tableNames(t, db)); routines != 6 || triggers != 3 || tables != 16 {
		t.Errorf("%d routines, %d triggers, %d tables; want 6, 3, 16", routines, triggers, tables)
	}
}

// TestStaleQuery checks the queries that find leftover databases run.
func TestStaleQuery(t *testing.T) {
	t.Parallel()
	for _, s := range []*server{postgresServer, mysqlServer} {
		t.Run(s.dialect, func(t *testing.T) {
			t.Parallel()
			Open(t, s.dialect) // skips when there is no server
			adm, err := s.connect()
			if err != nil {
				t.Fatal(err)
			}
			rows, err := adm.Query(staleQuery[s.dialect])
			if err != nil {
				t.Fatal(err)
			}
			rows.Close()
		})
	}
}
