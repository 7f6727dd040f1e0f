package ops_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestPolicyFollowsItsTable: a policy belongs to its table, as in
// PostgreSQL: renaming the table renames the policy's table, dropping
// it drops the policy, and the model the ops began from is left as it
// was.
func TestPolicyFollowsItsTable(t *testing.T) {
	start := &metadata.MetaData{
		Tables:   []*metadata.Table{{Name: "accounts", Columns: []*metadata.Column{{Name: "owner", Type: metadata.Type{Kind: metadata.Text}}}}},
		Policies: []*metadata.Policy{{Table: "accounts", Name: "own", Using: "owner = current_user"}},
	}
	cases := []struct {
		name string
		op   ops.Op
		want []*metadata.Policy
	}{
		{"rename_table", &ops.RenameTable{TableRef: ops.TableRef{Table: "accounts"}, NewName: "ledger"},
			[]*metadata.Policy{{Table: "ledger", Name: "own", Using: "owner = current_user"}}},
		{"drop_table", &ops.DropTable{TableRef: ops.TableRef{Table: "accounts"}, Table: start.Tables[0].Clone()}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := start.Clone()
			before := m.Clone()
			shared := m.Policies[0]
			require.NoError(t, ops.Apply(m, tc.op))
			assert.Equal(t, tc.want, m.Policies)
			assert.Equal(t, before.Policies[0], shared, "the policy the model held is not changed in place")
		})
	}
}
