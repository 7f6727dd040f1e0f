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

// TestRefuseRowSecurity: MySQL and SQLite have no row-level security:
// every policy op, an alter_row_security, a create_table of a table with
// row security, and the CreateOps of a schema with either, refuse at plan
// time with a *dialect.RowSecurityUnsupportedError naming what, rather
// than build a database that shows every row to everyone.
func TestRefuseRowSecurity(t *testing.T) {
	accounts := func(rs metadata.RowSecurity) *metadata.Table {
		return &metadata.Table{Name: "accounts", RowSecurity: rs,
			Columns: []*metadata.Column{{Name: "owner", Type: metadata.MustParseType("text")}}}
	}
	plain, secured := accounts(metadata.RowSecurity{}), accounts(metadata.RowSecurity{Enabled: true})
	policy := &metadata.Policy{Table: "accounts", Name: "own", Using: "owner = current_user"}
	state := &metadata.MetaData{Tables: []*metadata.Table{plain}}
	withPolicy := &metadata.MetaData{Tables: []*metadata.Table{plain}, Policies: []*metadata.Policy{policy}}
	const onPolicy, onTable = "policy own on accounts", "row security of table accounts"
	cases := []struct {
		name  string
		state *metadata.MetaData
		list  []ops.Op
		what  string
	}{
		{"create_policy", state, []ops.Op{&ops.CreatePolicy{Policy: policy}}, onPolicy},
		{"drop_policy", withPolicy, []ops.Op{ops.DropPolicyOf(policy)}, onPolicy},
		{"replace_policy", withPolicy, []ops.Op{&ops.ReplacePolicy{Policy: policy, Existing: policy}}, onPolicy},
		{"alter_row_security", state, []ops.Op{&ops.AlterRowSecurity{TableRef: ops.TableRef{Table: "accounts"},
			RowSecurity: metadata.RowSecurity{Enabled: true}, Existing: &metadata.RowSecurity{}}}, onTable},
		{"create_table with row security", metadata.New(), []ops.Op{&ops.CreateTable{Table: secured}}, onTable},
		{"CreateOps of a schema with a policy", metadata.New(), dialect.CreateOps(withPolicy), onPolicy},
	}
	for _, d := range []dialect.Dialect{&mysql.Dialect{}, &sqlite.Dialect{}} {
		for _, tc := range cases {
			t.Run(d.Name()+"/"+tc.name, func(t *testing.T) {
				_, err := d.Plan(tc.state, tc.list)
				require.Error(t, err)
				var re *dialect.RowSecurityUnsupportedError
				require.True(t, errors.As(err, &re), "%v", err)
				assert.Equal(t, tc.what, re.What)
				assert.ErrorIs(t, err, dialect.ErrNoRowSecurity)
				assert.Contains(t, err.Error(), "target PostgreSQL")
			})
		}
	}
}
