package dialect

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrNoRowSecurity is what a database without row-level security (MySQL,
// MariaDB, SQLite) answers a policy or row security op with;
// [RowSecurityUnsupportedError] carries it.
var ErrNoRowSecurity = errors.New("the database has no row-level security")

// RowSecurityUnsupportedError is the error of planning, for a database
// without row-level security, a policy op (create_policy, drop_policy,
// replace_policy), an alter_row_security, or a create_table whose table
// has row_security set. Nothing is left out silently: a database built
// without the policies would show every row to everyone, so the plan
// refuses.
type RowSecurityUnsupportedError struct {
	// Dialect is the database's name.
	Dialect string
	// What is the policy's label (name on table), or "row security of"
	// the table.
	What string
}

// Error says what to do: remove the policy or the table's row_security,
// or target PostgreSQL.
func (e *RowSecurityUnsupportedError) Error() string {
	return fmt.Sprintf("%s: %s: %v; remove it from the schema (policies:, a table's row_security:) and restrict the rows another way (views, grants), or target PostgreSQL",
		e.Dialect, e.What, ErrNoRowSecurity)
}

// Unwrap returns [ErrNoRowSecurity].
func (e *RowSecurityUnsupportedError) Unwrap() error { return ErrNoRowSecurity }

// RefuseRowSecurity returns a *RowSecurityUnsupportedError for a policy
// op, an alter_row_security, or a create_table of a table with row
// security, and nil for any other op: the planners of databases without
// row-level security call it first.
func RefuseRowSecurity(dialect string, o ops.Op) error {
	var what string
	switch o := o.(type) {
	case *ops.CreatePolicy:
		what = "policy " + policyLabel(o.Policy)
	case *ops.ReplacePolicy:
		what = "policy " + policyLabel(o.Policy)
	case *ops.DropPolicy:
		what = "policy " + policyLabel(&metadata.Policy{Schema: o.Schema, Table: o.Table, Name: o.PolicyName})
	case *ops.AlterRowSecurity:
		what = "row security of table " + (&metadata.Table{Schema: o.Schema, Name: o.Table}).QualifiedName()
	case *ops.CreateTable:
		if o.Table == nil || !o.Table.RowSecurity.On() {
			return nil
		}
		what = "row security of table " + o.Table.QualifiedName()
	default:
		return nil
	}
	return &RowSecurityUnsupportedError{Dialect: dialect, What: what}
}

func policyLabel(p *metadata.Policy) string {
	if p == nil {
		return "?"
	}
	return p.Label()
}

// createPolicyOps are the ops that create m's policies.
func createPolicyOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.All(m.Policies), func(p *metadata.Policy) ops.Op { return &ops.CreatePolicy{Policy: p.Clone()} })
}

// dropPolicyOps are the ops that drop m's policies, last first.
func dropPolicyOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.Backward(m.Policies), func(p *metadata.Policy) ops.Op { return ops.DropPolicyOf(p) })
}
