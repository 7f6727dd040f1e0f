package reflect_test

import (
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/reflect"
)

// TestFilters checks include and exclude globs, the version tables, the
// dangling-key warning and the sorted order on each database.
func TestFilters(t *testing.T) {
	m, err := metadata.Read("filters.yaml", []byte(`
tables:
  - name: zeta
    columns: [{name: id, type: integer, primary_key: true}]
  - name: app_users
    columns: [{name: id, type: integer, primary_key: true}]
  - name: app_posts
    columns:
      - {name: id, type: integer, primary_key: true}
      - {name: user_id, type: integer, references: app_users.id}
  - name: app_tmp
    columns: [{name: id, type: integer, primary_key: true}]
  - name: schema_history
    columns: [{name: version_num, type: varchar(32), primary_key: true}]
  - name: alembic_version
    columns: [{name: version_num, type: varchar(32), primary_key: true}]
`))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		opts   reflect.Options
		tables string
		warn   string
	}{
		{"all", reflect.Options{}, "app_posts app_tmp app_users schema_history zeta", ""},
		{"version table", reflect.Options{VersionTable: "schema_history"}, "app_posts app_tmp app_users zeta", ""},
		{"include", reflect.Options{Tables: []string{"app_*"}, ExcludeTables: []string{"*_tmp"}}, "app_posts app_users", ""},
		{"dangling key", reflect.Options{Tables: []string{"app_posts"}}, "app_posts", "refers to table app_users, which the filters left out"},
	}
	eachDialect(t, func(t *testing.T, d dialect.Dialect, open dialecttest.Opener) {
		db := open(t)
		create(t, d, db, m)
		for _, tc := range tests {
			t.Run(tc.name, func(t *testing.T) {
				res := inspect(t, d, db.DB, tc.opts)
				var names []string
				for _, tb := range res.MetaData.Tables {
					names = append(names, tb.Name)
				}
				want := tc.tables
				if got := strings.Join(names, " "); got != want {
					t.Errorf("tables %q, want %q", got, want)
				}
				warnings := strings.Join(res.Warnings, "\n")
				if tc.warn != "" && !strings.Contains(warnings, tc.warn) {
					t.Errorf("warnings %q, want one holding %q", warnings, tc.warn)
				}
				if tc.warn != "" && len(res.MetaData.Tables[0].ForeignKeys) != 0 {
					t.Error("the dangling key is still in the model")
				}
			})
		}
		if _, err := reflect.Inspect(t.Context(), db.DB, d, reflect.Options{Tables: []string{"[bad"}}); err == nil {
			t.Error("a bad pattern was accepted")
		}
	})
}
