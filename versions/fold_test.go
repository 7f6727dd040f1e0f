package versions

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestModelAt folds a history, skipping an execute with a warning.
func TestModelAt(t *testing.T) {
	fsys := fstest.MapFS{
		"v/1_users.yaml": {Data: []byte(`revision: a1
down_revision: null
upgrade:
  - create_table: {name: users, columns: [{name: id, type: bigint, primary_key: true}]}
downgrade:
  - drop_table: {name: users}
`)},
		"v/2_email.yaml": {Data: []byte(`revision: b2
down_revision: a1
upgrade:
  - add_column: {table: users, column: {name: email, type: text}}
  - execute: {sql: "UPDATE users SET email = ''"}
downgrade:
  - drop_column: {table: users, column: email}
`)},
	}
	g, err := Load(fsys, "v")
	if err != nil {
		t.Fatal(err)
	}
	m, warnings, err := g.ModelAt("head")
	if err != nil {
		t.Fatal(err)
	}
	u := m.Table("", "users")
	if u == nil || len(u.Columns) != 2 || u.Columns[1].Name != "email" {
		t.Fatalf("users at head: %+v", u)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "b2 (v/2_email.yaml)") {
		t.Errorf("warnings %q", warnings)
	}
	m, warnings, err = g.ModelAt("a1")
	if err != nil || len(warnings) != 0 || len(m.Table("", "users").Columns) != 1 {
		t.Errorf("at a1: %v %v", warnings, err)
	}
}
