package versions

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"    // registers "mysql"
	_ "github.com/retortdb/retort/dialect/postgres" // registers "postgresql"
	_ "github.com/retortdb/retort/dialect/sqlite"   // registers "sqlite"
	"github.com/retortdb/retort/internal/dbtest"
)

// dialectNames maps dbtest's names to the registry's.
var dialectNames = map[string]string{
	dbtest.DialectSQLite: "sqlite", dbtest.DialectPostgres: "postgresql", dbtest.DialectMySQL: "mysql",
}

func versionTable(t *testing.T, db *dbtest.DB, name string) VersionTable {
	t.Helper()
	d, err := dialect.Get(dialectNames[db.Dialect])
	if err != nil {
		t.Fatal(err)
	}
	return VersionTable{Dialect: d, Name: name}
}

// TestVersionTableMovesWithSteps upgrades and downgrades a history with
// branches, merges and a dependency, step by step, and checks after each
// step that the table's rows are the heads MoveHeads says.
func TestVersionTableMovesWithSteps(t *testing.T) {
	g := specGraph(t, "a b1:a b2:a c:b1,b2 x>b1 d:c")
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		ctx := context.Background()
		v := versionTable(t, db, "")
		for range 2 { // creating is idempotent
			if err := v.Ensure(ctx, db.DB); err != nil {
				t.Fatal(err)
			}
		}
		up, err := g.Upgrade(nil, "heads")
		if err != nil {
			t.Fatal(err)
		}
		heads := applySteps(t, ctx, v, db, g, nil, up)
		if !slices.Equal(heads, []string{"d", "x"}) {
			t.Fatalf("heads after upgrade %v", heads)
		}
		down, err := g.Downgrade(heads, "b1")
		if err != nil {
			t.Fatal(err)
		}
		heads = applySteps(t, ctx, v, db, g, heads, down)
		// b2 stays (it is not above b1), and x stands for b1 (as in Alembic).
		if !slices.Equal(heads, []string{"b2", "x"}) {
			t.Fatalf("heads after downgrade to b1 %v", heads)
		}
		down, err = g.Downgrade(heads, "base")
		if err != nil {
			t.Fatal(err)
		}
		if heads = applySteps(t, ctx, v, db, g, heads, down); len(heads) != 0 {
			t.Fatalf("heads after downgrade to base %v", heads)
		}
	})
}

func applySteps(t *testing.T, ctx context.Context, v VersionTable, db *dbtest.DB, g *Graph, heads []string, steps []Step) []string {
	t.Helper()
	for _, s := range steps {
		next, changes, err := g.MoveHeads(heads, s)
		if err != nil {
			t.Fatal(err)
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := v.Apply(ctx, tx, changes); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
		heads = next
		rows, err := v.Heads(ctx, db.DB)
		if err != nil {
			t.Fatal(err)
		}
		if want := slices.Sorted(slices.Values(heads)); !slices.Equal(rows, want) {
			t.Fatalf("after %s the table holds %v, want %v", s, rows, want)
		}
	}
	return slices.Sorted(slices.Values(heads))
}

// TestVersionTableStamp stamps up, across branches, down and to base, and
// with --purge, on a table named alembic_version.
func TestVersionTableStamp(t *testing.T) {
	g := specGraph(t, "a b1:a b2:a c:b1,b2")
	dbtest.Each(t, func(t *testing.T, db *dbtest.DB) {
		t.Parallel()
		ctx := context.Background()
		v := versionTable(t, db, "alembic_version")
		if err := v.Ensure(ctx, db.DB); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			targets []string
			purge   bool
			want    []string
		}{
			{[]string{"b1"}, false, []string{"b1"}},
			{[]string{"b2"}, false, []string{"b1", "b2"}}, // a new branch
			{[]string{"c"}, false, []string{"c"}},         // merges both
			{[]string{"a"}, false, []string{"a"}},         // down
			{[]string{"b1", "b2"}, true, []string{"b1", "b2"}},
			{[]string{"base"}, false, nil},
			{[]string{"heads"}, true, []string{"c"}},
		} {
			got, err := v.Stamp(ctx, db.DB, g, tc.targets, tc.purge)
			if err != nil {
				t.Fatalf("stamp %v: %v", tc.targets, err)
			}
			rows, err := v.Heads(ctx, db.DB)
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			if !slices.Equal(nz(got), nz(tc.want)) || !slices.Equal(nz(rows), nz(tc.want)) {
				t.Fatalf("stamp %v purge=%v: heads %v, rows %v; want %v", tc.targets, tc.purge, got, rows, tc.want)
			}
		}
	})
}

// TestVersionTableScript renders the statements for --sql.
func TestVersionTableScript(t *testing.T) {
	d, err := dialect.Get("postgresql")
	if err != nil {
		t.Fatal(err)
	}
	v := VersionTable{Dialect: d}
	got, err := v.Script([]HeadChange{{Kind: Insert, To: "a1"}, {Kind: Update, From: "a1", To: "b2"}, {Kind: Delete, From: "b2"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`INSERT INTO "migrate_version" ("version_num") VALUES ('a1')`,
		`UPDATE "migrate_version" SET "version_num" = 'b2' WHERE "version_num" = 'a1'`,
		`DELETE FROM "migrate_version" WHERE "version_num" = 'b2'`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("script:\n%s", strings.Join(got, "\n"))
	}
	if c := v.CreateSQL(); c != `CREATE TABLE IF NOT EXISTS "migrate_version" ("version_num" VARCHAR(32) NOT NULL, CONSTRAINT "migrate_version_pkc" PRIMARY KEY ("version_num"))` {
		t.Errorf("create: %s", c)
	}
}
