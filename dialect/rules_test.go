package dialect_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestRefuseRules: MySQL and SQLite have no rewrite rules: every rule op,
// and the CreateOps of a schema with a rule, refuses at plan time with a
// *dialect.RuleUnsupportedError naming the rule, rather than build a
// database that does not route what the rule routed.
func TestRefuseRules(t *testing.T) {
	payment := &metadata.Table{Name: "payment", Columns: []*metadata.Column{{Name: "id", Type: metadata.MustParseType("integer")}}}
	rule := &metadata.RewriteRule{Table: "payment", Name: "payment_insert", Event: "INSERT",
		Definition: "CREATE RULE payment_insert AS ON INSERT TO payment DO INSTEAD NOTHING"}
	state := &metadata.MetaData{Tables: []*metadata.Table{payment}}
	withRule := &metadata.MetaData{Tables: []*metadata.Table{payment}, RewriteRules: []*metadata.RewriteRule{rule}}
	cases := []struct {
		name  string
		state *metadata.MetaData
		list  []ops.Op
	}{
		{"create_rule", state, []ops.Op{&ops.CreateRule{Rule: rule}}},
		{"drop_rule", withRule, []ops.Op{ops.DropRuleOf(rule)}},
		{"replace_rule", withRule, []ops.Op{&ops.ReplaceRule{Rule: rule, Existing: rule}}},
		{"CreateOps of a schema with a rule", metadata.New(), dialect.CreateOps(withRule)},
	}
	for _, d := range []dialect.Dialect{&mysql.Dialect{}, &sqlite.Dialect{}} {
		t.Run(d.Name()+"/comment_schema", func(t *testing.T) {
			_, err := d.Plan(state, []ops.Op{&ops.CommentSchema{Comment: "ours", Known: true}})
			assert.ErrorIs(t, err, dialect.ErrNoSchemaComments)
		})
		for _, o := range []ops.Op{&ops.GrantSchema{SchemaName: "public", Role: "reporting", Privileges: []string{"USAGE"}},
			&ops.RevokeSchema{SchemaName: "public", Role: "PUBLIC", Privileges: []string{"USAGE"}}} {
			t.Run(d.Name()+"/"+o.Name(), func(t *testing.T) {
				_, err := d.Plan(state, []ops.Op{o})
				assert.ErrorIs(t, err, dialect.ErrNoSchemaGrants)
				assert.ErrorContains(t, err, `schema "public", role `)
			})
		}
		t.Run(d.Name()+"/CreateOps of a schema with grants", func(t *testing.T) {
			granted := &metadata.MetaData{Schemas: []*metadata.Schema{{Name: "public", Grants: []metadata.SchemaGrant{{Role: "PUBLIC", Privileges: []string{"CREATE", "USAGE"}}}}}}
			_, err := d.Plan(metadata.New(), dialect.CreateOps(granted))
			assert.ErrorIs(t, err, dialect.ErrNoSchemaGrants)
		})
	}
	for _, d := range []dialect.Dialect{&mysql.Dialect{}, &sqlite.Dialect{}} {
		for _, tc := range cases {
			t.Run(d.Name()+"/"+tc.name, func(t *testing.T) {
				_, err := d.Plan(tc.state, tc.list)
				require.Error(t, err)
				var re *dialect.RuleUnsupportedError
				require.True(t, errors.As(err, &re), "%v", err)
				assert.Equal(t, "payment_insert on payment", re.Rule)
				assert.ErrorIs(t, err, dialect.ErrNoRules)
				assert.Contains(t, err.Error(), "target PostgreSQL")
			})
		}
	}
}
