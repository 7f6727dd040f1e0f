package ops

import (
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateRule creates a PostgreSQL rewrite rule on a table (CREATE RULE
// from its definition). MySQL and SQLite have no rules and refuse it.
type CreateRule struct {
	Rule *metadata.RewriteRule
}

// DropRule drops a rewrite rule (DROP RULE name ON table). Rule holds it
// whole for Reverse (in a revision file, a definition: key carries it);
// nil when a revision names only the rule, which makes the op
// irreversible.
type DropRule struct {
	TableRef
	RuleName string
	Rule     *metadata.RewriteRule
}

// ReplaceRule changes a rule to Rule (same table and name), in place
// (CREATE OR REPLACE RULE). Existing is the rule before, for Reverse.
type ReplaceRule struct {
	Rule     *metadata.RewriteRule
	Existing *metadata.RewriteRule
}

// Name returns "create_rule".
func (*CreateRule) Name() string { return "create_rule" }

// Name returns "drop_rule".
func (*DropRule) Name() string { return "drop_rule" }

// Name returns "replace_rule".
func (*ReplaceRule) Name() string { return "replace_rule" }

func (*CreateRule) op()  {}
func (*DropRule) op()    {}
func (*ReplaceRule) op() {}

func (o *CreateRule) what() string {
	if o.Rule == nil {
		return "create_rule"
	}
	return "create_rule " + o.Rule.Label()
}

// Reverse returns a DropRule carrying the rule.
func (o *CreateRule) Reverse() (Op, error) {
	if o.Rule == nil {
		return nil, errors.New("create_rule: no rule")
	}
	return DropRuleOf(o.Rule), nil
}

// DropRuleOf returns the op that drops r and carries it for Reverse.
func DropRuleOf(r *metadata.RewriteRule) *DropRule {
	return &DropRule{TableRef: TableRef{Schema: r.Schema, Table: r.Table}, RuleName: r.Name, Rule: r.Clone()}
}

// Validate checks the names and the definition.
func (o *CreateRule) Validate() error { return validRule("create_rule", o.Rule) }

func validRule(op string, r *metadata.RewriteRule) error {
	switch {
	case r == nil:
		return fmt.Errorf("%s: no rule", op)
	case r.Name == "":
		return fmt.Errorf("%s: no rule name (name: ...)", op)
	case r.Table == "":
		return fmt.Errorf("%s %s: no table (table: ...)", op, r.Name)
	case r.Definition == "":
		return fmt.Errorf("%s %s: no definition (definition: CREATE RULE ...)", op, r.Label())
	}
	return nil
}

func (o *CreateRule) apply(m *metadata.MetaData) error {
	r := o.Rule
	if m.RewriteRule(r.Schema, r.Table, r.Name) != nil {
		return fmt.Errorf("%s: it exists already", o.what())
	}
	m.RewriteRules = append(slices.Clone(m.RewriteRules), r.Clone())
	return nil
}

func (o *DropRule) name() string {
	if o.RuleName == "" && o.Rule != nil {
		return o.Rule.Name
	}
	return o.RuleName
}

func (o *DropRule) what() string { return "drop_rule " + o.name() + " on " + o.qname() }

// Reverse returns a CreateRule of the carried rule; without it the op is
// irreversible.
func (o *DropRule) Reverse() (Op, error) {
	if o.Rule == nil {
		return nil, irreversible(o.what(), "the rule's definition (definition: CREATE RULE ...)")
	}
	r := o.Rule.Clone()
	r.Schema, r.Table, r.Name = o.Schema, o.Table, o.name()
	return &CreateRule{Rule: r}, nil
}

// Validate checks the names.
func (o *DropRule) Validate() error {
	if o.name() == "" || o.Table == "" {
		return errors.New("drop_rule: give the rule's name and table (name: ..., table: ...)")
	}
	return nil
}

func (o *DropRule) apply(m *metadata.MetaData) error {
	if !m.RemoveRewriteRule(o.Schema, o.Table, o.name()) {
		return fmt.Errorf("%s: there is no such rule", o.what())
	}
	return nil
}

func (o *ReplaceRule) what() string {
	if o.Rule == nil {
		return "replace_rule"
	}
	return "replace_rule " + o.Rule.Label()
}

// Reverse replaces the rule back; without Existing the op is
// irreversible.
func (o *ReplaceRule) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the rule as it was (existing: {definition: ...})")
	}
	return &ReplaceRule{Rule: o.Existing.Clone(), Existing: o.Rule.Clone()}, nil
}

// Validate checks both name the same rule.
func (o *ReplaceRule) Validate() error {
	if err := validRule("replace_rule", o.Rule); err != nil {
		return err
	}
	if e := o.Existing; e != nil {
		if err := validRule("replace_rule: existing", e); err != nil {
			return err
		}
		if e.Label() != o.Rule.Label() {
			return fmt.Errorf("%s: existing is %s; a replace keeps table and name", o.what(), e.Label())
		}
	}
	return nil
}

func (o *ReplaceRule) apply(m *metadata.MetaData) error {
	r := o.Rule
	i := slices.IndexFunc(m.RewriteRules, func(x *metadata.RewriteRule) bool { return x.Label() == r.Label() })
	if i < 0 {
		return fmt.Errorf("%s: there is no such rule", o.what())
	}
	m.RewriteRules = slices.Clone(m.RewriteRules)
	m.RewriteRules[i] = r.Clone()
	return nil
}

func (o *CreateRule) encode() (*yaml.Node, error) { return metadata.EncodeRewriteRule(o.Rule) }

func (o *DropRule) encode() (*yaml.Node, error) {
	if o.Rule == nil {
		b := newMap()
		b.str("schema", o.Schema)
		b.set("table", strNode(o.Table))
		b.set("name", strNode(o.name()))
		return b.n, nil
	}
	r := o.Rule.Clone()
	r.Schema, r.Table, r.Name = o.Schema, o.Table, o.name()
	return metadata.EncodeRewriteRule(r)
}

func (o *ReplaceRule) encode() (*yaml.Node, error) {
	n, err := metadata.EncodeRewriteRule(o.Rule)
	if err != nil || o.Existing == nil {
		return n, err
	}
	ex, err := metadata.EncodeRewriteRule(o.Existing)
	if err != nil {
		return nil, err
	}
	n.Content = append(n.Content, strNode("existing"), ex)
	return n, nil
}

// ruleKeys are the keys of a rule mapping in an op: schema.yaml's.
var ruleKeys = metadata.Keys("rule")

// ruleDecoders returns the decoders of the rule ops.
func ruleDecoders() map[string]func(d *decoder, n *yaml.Node) Op {
	return map[string]func(d *decoder, n *yaml.Node) Op{
		"create_rule": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("create_rule", n, "name"), ruleKeys)
			return &CreateRule{Rule: element(d, o, ruleKeys, metadata.DecodeRewriteRule)}
		},
		"drop_rule": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("drop_rule", n, "name"), ruleKeys)
			op := &DropRule{TableRef: TableRef{Schema: o.str("schema"), Table: o.required("table")}, RuleName: o.required("name")}
			if o.has("definition") {
				op.Rule = element(d, o, ruleKeys, metadata.DecodeRewriteRule)
			}
			return op
		},
		"replace_rule": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("replace_rule", n, "name"), append(slices.Clone(ruleKeys), "existing"))
			op := &ReplaceRule{Rule: element(d, o, ruleKeys, metadata.DecodeRewriteRule)}
			if o.has("existing") {
				r, err := metadata.DecodeRewriteRule(d.file, o.val("existing"), o.sub("existing"))
				d.add(err)
				op.Existing = r
			}
			return op
		},
	}
}
