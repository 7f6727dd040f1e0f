package ops

import (
	"errors"
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// CreateDomain creates a domain (PostgreSQL).
type CreateDomain struct {
	Domain *metadata.Domain
}

// DropDomain drops a domain. Domain holds its whole definition for
// Reverse; without it the op is irreversible.
type DropDomain struct {
	Schema     string
	DomainName string
	Domain     *metadata.Domain
}

// AlterDomain changes a domain's default or NOT NULL, adds checks and
// drops checks. A nil field is left as it is; an empty non-nil Default
// drops the default. A dropped check is carried whole, so that Reverse
// adds it back.
type AlterDomain struct {
	Schema     string
	DomainName string

	Default    *string
	NotNull    *bool
	AddChecks  []*metadata.Check
	DropChecks []*metadata.Check

	ExistingDefault *string
	ExistingNotNull *bool
}

// Name returns "create_domain".
func (*CreateDomain) Name() string { return "create_domain" }

// Name returns "drop_domain".
func (*DropDomain) Name() string { return "drop_domain" }

// Name returns "alter_domain".
func (*AlterDomain) Name() string { return "alter_domain" }

func (*CreateDomain) op() {}
func (*DropDomain) op()   {}
func (*AlterDomain) op()  {}

func (o *CreateDomain) what() string {
	if o.Domain == nil {
		return "create_domain"
	}
	return "create_domain " + o.Domain.QualifiedName()
}

// Reverse returns a DropDomain carrying the domain.
func (o *CreateDomain) Reverse() (Op, error) {
	if o.Domain == nil {
		return nil, errors.New("create_domain: no domain")
	}
	return &DropDomain{Schema: o.Domain.Schema, DomainName: o.Domain.Name, Domain: o.Domain.Clone()}, nil
}

// Validate checks the name, the type and the checks' names.
func (o *CreateDomain) Validate() error {
	if o.Domain == nil || o.Domain.Name == "" {
		return errors.New("create_domain: no domain name (name: ...)")
	}
	if err := validateType(o.Domain.Type); err != nil {
		return fmt.Errorf("%s: %w", o.what(), err)
	}
	return validateDomainChecks(o.what(), o.Domain.Checks)
}

func validateDomainChecks(what string, checks []*metadata.Check) error {
	for _, c := range checks {
		if c == nil || c.Name == "" || c.Expression == "" {
			return fmt.Errorf("%s: a domain check needs a name and an expression ({name: ..., expression: VALUE > 0})", what)
		}
	}
	return nil
}

func (o *CreateDomain) apply(m *metadata.MetaData) error {
	if m.Domain(o.Domain.Schema, o.Domain.Name) != nil {
		return fmt.Errorf("%s: domain %s exists already", o.what(), o.Domain.QualifiedName())
	}
	m.Domains = append(m.Domains, o.Domain.Clone())
	return nil
}

func (o *DropDomain) name() string {
	if o.DomainName == "" && o.Domain != nil {
		return o.Domain.Name
	}
	return o.DomainName
}

func (o *DropDomain) what() string { return "drop_domain " + qualify(o.Schema, o.name()) }

// Reverse returns a CreateDomain of the carried domain.
func (o *DropDomain) Reverse() (Op, error) {
	if o.Domain == nil {
		return nil, irreversible(o.what(), "the whole domain (type, default, not_null, checks, ...)")
	}
	d := o.Domain.Clone()
	d.Schema, d.Name = o.Schema, o.name()
	return &CreateDomain{Domain: d}, nil
}

// Validate checks the name.
func (o *DropDomain) Validate() error {
	if o.name() == "" {
		return errors.New("drop_domain: no domain name (name: ...)")
	}
	return nil
}

func (o *DropDomain) apply(m *metadata.MetaData) error {
	if !m.RemoveDomain(o.Schema, o.name()) {
		return fmt.Errorf("%s: there is no domain %s", o.what(), qualify(o.Schema, o.name()))
	}
	return nil
}

func (o *AlterDomain) what() string { return "alter_domain " + qualify(o.Schema, o.DomainName) }

// Reverse swaps default and not null with their existing values and the
// checks added with those dropped.
func (o *AlterDomain) Reverse() (Op, error) {
	r := &AlterDomain{Schema: o.Schema, DomainName: o.DomainName}
	var missing []string
	r.Default, r.ExistingDefault = swap(o.Default, o.ExistingDefault, "existing_default", &missing)
	r.NotNull, r.ExistingNotNull = swap(o.NotNull, o.ExistingNotNull, "existing_not_null", &missing)
	if len(missing) > 0 {
		return nil, irreversible(o.what(), fmt.Sprint(missing)+" (the domain as it was)")
	}
	r.AddChecks = cloneEachCheck(o.DropChecks)
	r.DropChecks = cloneEachCheck(o.AddChecks)
	return r, nil
}

func cloneEachCheck(cs []*metadata.Check) []*metadata.Check {
	var out []*metadata.Check
	for _, c := range cs {
		out = append(out, c.Clone())
	}
	return out
}

// Validate checks the name, that something changes, and the checks.
func (o *AlterDomain) Validate() error {
	if o.DomainName == "" {
		return errors.New("alter_domain: no domain name (name: ...)")
	}
	if o.Default == nil && o.NotNull == nil && len(o.AddChecks) == 0 && len(o.DropChecks) == 0 {
		return fmt.Errorf("%s: nothing to change (default, not_null, add_checks or drop_checks)", o.what())
	}
	if err := validateDomainChecks(o.what(), o.AddChecks); err != nil {
		return err
	}
	for _, c := range o.DropChecks {
		if c == nil || c.Name == "" {
			return fmt.Errorf("%s: a dropped check needs its name", o.what())
		}
	}
	return nil
}

func (o *AlterDomain) apply(m *metadata.MetaData) error {
	d := m.Domain(o.Schema, o.DomainName)
	if d == nil {
		return fmt.Errorf("%s: there is no domain %s", o.what(), qualify(o.Schema, o.DomainName))
	}
	if o.Default != nil {
		d.Default = *o.Default
	}
	if o.NotNull != nil {
		d.NotNull = *o.NotNull
	}
	for _, c := range o.DropChecks {
		i := slices.IndexFunc(d.Checks, func(x *metadata.Check) bool { return x.Name == c.Name })
		if i < 0 {
			return fmt.Errorf("%s: domain %s has no check %s", o.what(), d.QualifiedName(), c.Name)
		}
		d.Checks = slices.Delete(d.Checks, i, i+1)
	}
	for _, c := range o.AddChecks {
		if d.Check(c.Name) != nil {
			return fmt.Errorf("%s: domain %s has a check %s already", o.what(), d.QualifiedName(), c.Name)
		}
		d.Checks = append(d.Checks, c.Clone())
	}
	if len(d.Checks) == 0 {
		d.Checks = nil
	}
	return nil
}

func (o *CreateDomain) encode() (*yaml.Node, error) { return metadata.EncodeDomain(o.Domain) }

func (o *DropDomain) encode() (*yaml.Node, error) {
	if o.Domain == nil {
		b := newMap()
		b.set("name", strNode(o.name()))
		b.str("schema", o.Schema)
		return b.n, nil
	}
	d := o.Domain.Clone()
	d.Schema, d.Name = o.Schema, o.name()
	return metadata.EncodeDomain(d)
}

func (o *AlterDomain) encode() (*yaml.Node, error) {
	b := newMap()
	b.set("name", strNode(o.DomainName))
	b.str("schema", o.Schema)
	b.optStr("default", o.Default)
	b.optBool("not_null", o.NotNull)
	for _, l := range []struct {
		key    string
		checks []*metadata.Check
	}{{"add_checks", o.AddChecks}, {"drop_checks", o.DropChecks}} {
		if len(l.checks) == 0 {
			continue
		}
		list := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for _, c := range l.checks {
			n, err := metadata.EncodeCheck(c)
			if err != nil {
				return nil, err
			}
			list.Content = append(list.Content, n)
		}
		b.set(l.key, list)
	}
	b.optStr("existing_default", o.ExistingDefault)
	b.optBool("existing_not_null", o.ExistingNotNull)
	return b.n, nil
}

// domainKeys are the keys of a domain mapping in an op: schema.yaml's.
var domainKeys = metadata.Keys("domain")

func decodeCreateDomain(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_domain", n, "name"), domainKeys)
	o.required("name")
	return &CreateDomain{Domain: element(d, o, domainKeys, metadata.DecodeDomain)}
}

func decodeDropDomain(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_domain", n, "name"), domainKeys)
	op := &DropDomain{Schema: o.str("schema"), DomainName: o.required("name")}
	if o.has("type") || o.has("native") { // the type marks the domain carried
		op.Domain = element(d, o, domainKeys, metadata.DecodeDomain)
	}
	return op
}

var alterDomainKeys = []string{"schema", "name", "default", "not_null", "add_checks", "drop_checks", "existing_default", "existing_not_null"}

func decodeAlterDomain(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_domain", n, "name"), alterDomainKeys)
	op := &AlterDomain{Schema: o.str("schema"), DomainName: o.required("name"),
		Default: o.optStr("default"), NotNull: o.optBool("not_null"),
		ExistingDefault: o.optStr("existing_default"), ExistingNotNull: o.optBool("existing_not_null")}
	for key, dst := range map[string]*[]*metadata.Check{"add_checks": &op.AddChecks, "drop_checks": &op.DropChecks} {
		for _, item := range d.list(o.val(key), o.sub(key)) {
			c, err := metadata.DecodeCheck(d.file, item, o.sub(key))
			d.add(err)
			*dst = append(*dst, c)
		}
	}
	return op
}
