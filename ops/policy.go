package ops

import (
	"errors"
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// CreatePolicy creates a PostgreSQL row-level security policy on a table
// (CREATE POLICY, then its comment). MySQL and SQLite have no policies
// and refuse it.
type CreatePolicy struct {
	Policy *metadata.Policy
}

// DropPolicy drops a policy (DROP POLICY name ON table). Policy holds it
// whole for Reverse: in a revision file, any policy key beyond schema,
// table and name (command: ALL at least) says the mapping carries it.
// Policy is nil when a revision names only the policy, which makes the
// op irreversible.
type DropPolicy struct {
	TableRef
	PolicyName string
	Policy     *metadata.Policy
}

// ReplacePolicy changes a policy to Policy (same table and name): ALTER
// POLICY when only its roles and expressions change, else a drop and a
// create in the same transaction. Existing is the policy before, for
// Reverse.
type ReplacePolicy struct {
	Policy   *metadata.Policy
	Existing *metadata.Policy
}

// Name returns "create_policy".
func (*CreatePolicy) Name() string { return "create_policy" }

// Name returns "drop_policy".
func (*DropPolicy) Name() string { return "drop_policy" }

// Name returns "replace_policy".
func (*ReplacePolicy) Name() string { return "replace_policy" }

func (*CreatePolicy) op()  {}
func (*DropPolicy) op()    {}
func (*ReplacePolicy) op() {}

func (o *CreatePolicy) what() string {
	if o.Policy == nil {
		return "create_policy"
	}
	return "create_policy " + o.Policy.Label()
}

// Reverse returns a DropPolicy carrying the policy.
func (o *CreatePolicy) Reverse() (Op, error) {
	if o.Policy == nil {
		return nil, errors.New("create_policy: no policy")
	}
	return DropPolicyOf(o.Policy), nil
}

// DropPolicyOf returns the op that drops p and carries it for Reverse.
func DropPolicyOf(p *metadata.Policy) *DropPolicy {
	return &DropPolicy{TableRef: TableRef{Schema: p.Schema, Table: p.Table}, PolicyName: p.Name, Policy: p.Clone()}
}

// Validate checks the names.
func (o *CreatePolicy) Validate() error { return validPolicy("create_policy", o.Policy) }

func validPolicy(op string, p *metadata.Policy) error {
	switch {
	case p == nil:
		return fmt.Errorf("%s: no policy", op)
	case p.Name == "":
		return fmt.Errorf("%s: no policy name (name: ...)", op)
	case p.Table == "":
		return fmt.Errorf("%s %s: no table (table: ...)", op, p.Name)
	}
	return nil
}

func (o *CreatePolicy) apply(m *metadata.MetaData) error {
	p := o.Policy
	if m.Policy(p.Schema, p.Table, p.Name) != nil {
		return fmt.Errorf("%s: it exists already", o.what())
	}
	m.Policies = append(slices.Clone(m.Policies), p.Clone())
	return nil
}

func (o *DropPolicy) name() string {
	if o.PolicyName == "" && o.Policy != nil {
		return o.Policy.Name
	}
	return o.PolicyName
}

func (o *DropPolicy) what() string { return "drop_policy " + o.name() + " on " + o.qname() }

// Reverse returns a CreatePolicy of the carried policy; without it the
// op is irreversible.
func (o *DropPolicy) Reverse() (Op, error) {
	if o.Policy == nil {
		return nil, irreversible(o.what(), "the whole policy (as:, command:, roles:, using:, with_check:, comment:; command: ALL at least)")
	}
	p := o.Policy.Clone()
	p.Schema, p.Table, p.Name = o.Schema, o.Table, o.name()
	return &CreatePolicy{Policy: p}, nil
}

// Validate checks the names.
func (o *DropPolicy) Validate() error {
	if o.name() == "" || o.Table == "" {
		return errors.New("drop_policy: give the policy's name and table (name: ..., table: ...)")
	}
	return nil
}

func (o *DropPolicy) apply(m *metadata.MetaData) error {
	if !m.RemovePolicy(o.Schema, o.Table, o.name()) {
		return fmt.Errorf("%s: there is no such policy", o.what())
	}
	return nil
}

func (o *ReplacePolicy) what() string {
	if o.Policy == nil {
		return "replace_policy"
	}
	return "replace_policy " + o.Policy.Label()
}

// Reverse replaces the policy back; without Existing the op is
// irreversible.
func (o *ReplacePolicy) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the policy as it was (existing: {using: ..., ...})")
	}
	return &ReplacePolicy{Policy: o.Existing.Clone(), Existing: o.Policy.Clone()}, nil
}

// Validate checks both name the same policy.
func (o *ReplacePolicy) Validate() error {
	if err := validPolicy("replace_policy", o.Policy); err != nil {
		return err
	}
	if e := o.Existing; e != nil {
		if err := validPolicy("replace_policy: existing", e); err != nil {
			return err
		}
		if e.Label() != o.Policy.Label() {
			return fmt.Errorf("%s: existing is %s; a replace keeps table and name", o.what(), e.Label())
		}
	}
	return nil
}

func (o *ReplacePolicy) apply(m *metadata.MetaData) error {
	p := o.Policy
	i := slices.IndexFunc(m.Policies, func(x *metadata.Policy) bool { return x.Label() == p.Label() })
	if i < 0 {
		return fmt.Errorf("%s: there is no such policy", o.what())
	}
	m.Policies = slices.Clone(m.Policies)
	m.Policies[i] = p.Clone()
	return nil
}

// renamePolicyTable makes the policies of table old follow it to new, as
// PostgreSQL's do (a policy belongs to its table, not to its name).
func renamePolicyTable(m *metadata.MetaData, schema, old, new string) {
	for i, p := range m.Policies {
		if p.Schema == schema && p.Table == old {
			m.Policies = slices.Clone(m.Policies)
			c := p.Clone()
			c.Table = new
			m.Policies[i] = c
		}
	}
}

// dropTablePolicies removes the policies of a dropped table, which
// PostgreSQL drops with it.
func dropTablePolicies(m *metadata.MetaData, schema, table string) {
	m.Policies = slices.DeleteFunc(slices.Clone(m.Policies), func(p *metadata.Policy) bool { return p.Schema == schema && p.Table == table })
	if len(m.Policies) == 0 {
		m.Policies = nil
	}
}
