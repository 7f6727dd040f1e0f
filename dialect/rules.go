package dialect

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrNoRules is what a database without rewrite rules (MySQL, MariaDB,
// SQLite) answers a rule op with; [RuleUnsupportedError] carries it.
var ErrNoRules = errors.New("the database has no rewrite rules")

// RuleUnsupportedError is the error of planning a rule op (create_rule,
// drop_rule, replace_rule) for a database that has no rules. Nothing is
// left out silently: the plan refuses.
type RuleUnsupportedError struct {
	// Dialect is the database's name.
	Dialect string
	// Rule is the rule's label (name on table).
	Rule string
}

// Error says what to do: remove the rule from the schema, or target
// PostgreSQL.
func (e *RuleUnsupportedError) Error() string {
	return fmt.Sprintf("%s: rule %s: %v; remove it from rules: (and do what it did with a trigger), or target PostgreSQL",
		e.Dialect, e.Rule, ErrNoRules)
}

// Unwrap returns [ErrNoRules].
func (e *RuleUnsupportedError) Unwrap() error { return ErrNoRules }

// RefuseRule returns a *RuleUnsupportedError for a rule op, and nil for
// any other op: the planners of databases without rules call it first.
func RefuseRule(dialect string, o ops.Op) error {
	var r *metadata.RewriteRule
	switch o := o.(type) {
	case *ops.CreateRule:
		r = o.Rule
	case *ops.ReplaceRule:
		r = o.Rule
	case *ops.DropRule:
		r = &metadata.RewriteRule{Schema: o.Schema, Table: o.Table, Name: o.RuleName}
	default:
		return nil
	}
	label := "?"
	if r != nil {
		label = r.Label()
	}
	return &RuleUnsupportedError{Dialect: dialect, Rule: label}
}

// ErrNoSchemaComments is what a database without schema comments
// (MySQL, MariaDB, SQLite) answers a comment_schema op with, wrapped with
// the database's name and the schema.
var ErrNoSchemaComments = errors.New("the database has no schema comments; remove schemas: from the schema, or target PostgreSQL")

// RefusePostgresOnly returns the error of a PostgreSQL-only op (a rule
// op: [RefuseRule]; a policy or row security op: [RefuseRowSecurity];
// comment_schema: [ErrNoSchemaComments]; a column's
// attributes: [ErrNoColumnAttributes]; grant_schema and revoke_schema:
// [ErrNoSchemaGrants]) planned for dialect, and nil for any other op.
func RefusePostgresOnly(dialect string, o ops.Op) error {
	if c, ok := o.(*ops.CommentSchema); ok {
		return fmt.Errorf("%s: schema %q: %w", dialect, c.SchemaName, ErrNoSchemaComments)
	}
	if err := RefuseRowSecurity(dialect, o); err != nil {
		return err
	}
	if err := refuseColumnAttributes(dialect, o); err != nil {
		return err
	}
	if err := refuseSchemaGrant(dialect, o); err != nil {
		return err
	}
	return RefuseRule(dialect, o)
}

// createRuleOps are the ops that create m's rules.
func createRuleOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.All(m.RewriteRules), func(r *metadata.RewriteRule) ops.Op { return &ops.CreateRule{Rule: r.Clone()} })
}

// dropRuleOps are the ops that drop m's rules, last first.
func dropRuleOps(m *metadata.MetaData) []ops.Op {
	return opEach(slices.Backward(m.RewriteRules), func(r *metadata.RewriteRule) ops.Op { return ops.DropRuleOf(r) })
}
