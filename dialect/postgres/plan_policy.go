package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planPolicy renders the row-level security ops; ok is false for any
// other op.
func (p Postgres) planPolicy(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreatePolicy:
		out, err = p.createPolicy(o.Policy)
	case *ops.DropPolicy:
		out = stmts(p.dropPolicy(o.Schema, o.Table, o.PolicyName))
	case *ops.ReplacePolicy:
		out, err = p.replacePolicy(o.Policy, o.Existing)
	case *ops.AlterRowSecurity:
		out = stmts(p.rowSecurity(o.TableRef, o.RowSecurity, o.Existing)...)
	default:
		return nil, false, nil
	}
	return out, true, err
}

// policyObject is the policy as COMMENT ON names it: POLICY name ON table.
func (p Postgres) policyObject(po *metadata.Policy) string {
	return "POLICY " + p.QuoteIdent(po.Name) + " ON " + p.qname(po.Schema, po.Table)
}

// createPolicy checks the roles exist, runs CREATE POLICY, then sets the
// comment.
func (p Postgres) createPolicy(po *metadata.Policy) ([]dialect.Statement, error) {
	out, err := p.checkRoles(po)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("CREATE POLICY " + p.QuoteIdent(po.Name) + " ON " + p.qname(po.Schema, po.Table))
	if po.Restrictive {
		b.WriteString(" AS RESTRICTIVE")
	}
	if c := po.CommandOrAll(); c != "ALL" {
		b.WriteString(" FOR " + c)
	}
	if len(po.Roles) > 0 {
		b.WriteString(" TO " + p.roleList(po.Roles))
	}
	b.WriteString(p.policyExprs(po))
	out = append(out, stmts(b.String())...)
	return p.policyComment(out, po, "")
}

// policyExprs renders " USING (...) WITH CHECK (...)", each when set.
func (p Postgres) policyExprs(po *metadata.Policy) string {
	s := ""
	if po.Using != "" {
		s += " USING (" + po.Using + ")"
	}
	if po.WithCheck != "" {
		s += " WITH CHECK (" + po.WithCheck + ")"
	}
	return s
}

// policyComment appends COMMENT ON POLICY when the comment differs from
// was (the comment the policy has at that point).
func (p Postgres) policyComment(out []dialect.Statement, po *metadata.Policy, was string) ([]dialect.Statement, error) {
	if po.Comment == was {
		return out, nil
	}
	c, err := p.comment(p.policyObject(po), po.Comment)
	return append(out, c...), err
}

// replacePolicy alters the policy in place (ALTER POLICY: roles and
// expressions) when it can; a new kind or command, an expression taken
// away, or no Existing to compare with drops and creates it, in the same
// transaction.
func (p Postgres) replacePolicy(po, existing *metadata.Policy) ([]dialect.Statement, error) {
	if existing == nil || existing.Restrictive != po.Restrictive || existing.CommandOrAll() != po.CommandOrAll() ||
		existing.Using != "" && po.Using == "" || existing.WithCheck != "" && po.WithCheck == "" {
		out := stmts(p.dropPolicy(po.Schema, po.Table, po.Name))
		more, err := p.createPolicy(po)
		return append(out, more...), err
	}
	out, err := p.checkRoles(po)
	if err != nil {
		return nil, err
	}
	roles := "PUBLIC"
	if len(po.Roles) > 0 {
		roles = p.roleList(po.Roles)
	}
	out = append(out, stmts("ALTER POLICY "+p.QuoteIdent(po.Name)+" ON "+p.qname(po.Schema, po.Table)+" TO "+roles+p.policyExprs(po))...)
	return p.policyComment(out, po, existing.Comment)
}

func (p Postgres) dropPolicy(schema, table, name string) string {
	return "DROP POLICY " + p.QuoteIdent(name) + " ON " + p.qname(schema, table)
}

// roleList renders the roles of a TO clause: public is the keyword
// PUBLIC, the others quoted names.
func (p Postgres) roleList(roles []string) string {
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = "PUBLIC"
		if r != "public" {
			out[i] = p.QuoteIdent(r)
		}
	}
	return strings.Join(out, ", ")
}

// checkRoles is a DO block for each role of the policy that fails,
// naming the role and what to do, when the server does not have it:
// roles are global, not part of the schema, and Retort creates none.
func (p Postgres) checkRoles(po *metadata.Policy) ([]dialect.Statement, error) {
	var out []dialect.Statement
	for _, r := range po.Roles {
		if r == "public" {
			continue
		}
		st, err := p.roleExists(r, fmt.Sprintf("policy %s: role %s does not exist on this server; create it (CREATE ROLE %s) before the upgrade, or take it out of the policy's roles:",
			po.Label(), p.QuoteIdent(r), p.QuoteIdent(r)))
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, nil
}

// rowSecurity renders the ALTER TABLE statements that set a table's row
// security switches: those that differ from existing, or both when it is
// not known.
func (p Postgres) rowSecurity(r ops.TableRef, s metadata.RowSecurity, existing *metadata.RowSecurity) []string {
	var out []string
	t := "ALTER TABLE " + p.table(r)
	if existing == nil || existing.Enabled != s.Enabled {
		out = append(out, t+map[bool]string{true: " ENABLE", false: " DISABLE"}[s.Enabled]+" ROW LEVEL SECURITY")
	}
	if existing == nil || existing.Forced != s.Forced {
		out = append(out, t+map[bool]string{true: " FORCE", false: " NO FORCE"}[s.Forced]+" ROW LEVEL SECURITY")
	}
	return out
}
