package reflect_test

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/reflect"
)

func randomName(prefix string) string {
	b := make([]byte, 5)
	rand.Read(b)
	return prefix + hex.EncodeToString(b)
}

// TestInspectPostgresNoPrivileges is must-show 6 on PostgreSQL: a role
// with no privilege on victim (SELECT on parent only) inspects the
// database; it reads every table whole (the catalogs are readable by
// all), or leaves one out with a warning, or fails clearly.
func TestInspectPostgresNoPrivileges(t *testing.T) {
	t.Parallel()
	db := dbtest.Postgres(t)
	d := dialectOf(t, dbtest.DialectPostgres)
	create(t, d, db, victimModel(t))
	ref := inspect(t, d, db.DB, reflect.Options{})
	role := randomName("retort_ro_")
	dbtest.Exec(t, db, "CREATE ROLE "+role+" NOLOGIN", "GRANT SELECT ON parent TO "+role)
	t.Cleanup(func() {
		db.Exec("DROP OWNED BY " + role)
		db.Exec("DROP ROLE " + role)
	})
	conn, err := db.Conn(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(t.Context(), "SET ROLE "+role); err != nil {
		t.Fatal(err)
	}
	got, err := reflect.Inspect(t.Context(), conn, d, reflect.Options{})
	checkPartial(t, ref, got, err, true)
	conn.ExecContext(t.Context(), "RESET ROLE")
}

// TestInspectMySQLSomeGrants is must-show 6 on MySQL: a user granted
// SELECT on victim only does not see parent at all (information_schema
// hides it), so victim's foreign key to it is left out with a warning
// saying the table was not found; victim is otherwise read whole, but
// for its checks on MariaDB, which shows them only to a user with a
// privilege on the whole database: then a warning must say so.
func TestInspectMySQLSomeGrants(t *testing.T) {
	t.Parallel()
	db := dbtest.MySQL(t)
	d := dialectOf(t, dbtest.DialectMySQL)
	create(t, d, db, victimModel(t))
	ref := inspect(t, d, db.DB, reflect.Options{})
	user, password := randomName("retort_ro_"), randomName("pw")
	dbtest.Exec(t, db, "CREATE USER '"+user+"'@'%' IDENTIFIED BY '"+password+"'",
		"GRANT SELECT ON `"+db.Name+"`.`victim` TO '"+user+"'@'%'")
	t.Cleanup(func() { db.Exec("DROP USER '" + user + "'@'%'") })
	u, err := url.Parse(db.URL)
	if err != nil {
		t.Fatal(err)
	}
	u.User = url.UserPassword(user, password)
	_, du, err := dialect.Open(u.String())
	if err != nil {
		t.Fatal(err)
	}
	driverName, dsn, err := d.Driver(du)
	if err != nil {
		t.Fatal(err)
	}
	ro, err := sql.Open(driverName, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	got, err := reflect.Inspect(t.Context(), ro, d, reflect.Options{})
	if err != nil {
		t.Logf("clear error: %v", err)
		return
	}
	if got.MetaData.Table("", "parent") != nil {
		t.Fatal("parent is visible to a user without any grant on it")
	}
	warned := false
	for _, w := range got.Warnings {
		warned = warned || strings.Contains(w, "refers to table parent") && strings.Contains(w, "not found")
	}
	if !warned {
		t.Errorf("no warning about the foreign key to the invisible parent: %q", got.Warnings)
	}
	// victim is whole but for that key, and for its checks if (MariaDB)
	// the user is not shown them and a warning says so.
	want := ref.MetaData.Table("", "victim").Clone()
	want.ForeignKeys = nil
	g, w := tableYAML(t, got.MetaData.Table("", "victim")), tableYAML(t, want)
	if noChecks := want.Clone(); g != w && len(want.Checks) > 0 {
		noChecks.Checks = nil
		if g == tableYAML(t, noChecks) {
			warned := false
			for _, w := range got.Warnings {
				warned = warned || strings.Contains(w, "check constraints of database") && strings.Contains(w, "not readable")
			}
			if !warned {
				t.Errorf("victim read without its checks and no warning says so: %q", got.Warnings)
			}
			return
		}
	}
	if g != w {
		t.Errorf("victim read:\n%s\nwant:\n%s", g, w)
	}
}
