package ops

import (
	"fmt"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// AlterRowSecurity sets a PostgreSQL table's row-level security switches
// (ALTER TABLE ... ENABLE/DISABLE ROW LEVEL SECURITY, [NO] FORCE ROW LEVEL
// SECURITY). Existing is what they were, for Reverse; nil makes the op
// irreversible. MySQL and SQLite have no row security and refuse it.
type AlterRowSecurity struct {
	TableRef
	RowSecurity metadata.RowSecurity
	Existing    *metadata.RowSecurity
}

// Name returns "alter_row_security".
func (*AlterRowSecurity) Name() string { return "alter_row_security" }

func (*AlterRowSecurity) op() {}

func (o *AlterRowSecurity) what() string { return "alter_row_security " + o.qname() }

// Reverse sets the switches back; without Existing the op is
// irreversible.
func (o *AlterRowSecurity) Reverse() (Op, error) {
	if o.Existing == nil {
		return nil, irreversible(o.what(), "the switches as they were (existing: {enabled: ..., forced: ...})")
	}
	now := o.RowSecurity
	return &AlterRowSecurity{TableRef: o.TableRef, RowSecurity: *o.Existing, Existing: &now}, nil
}

// Validate checks the table name.
func (o *AlterRowSecurity) Validate() error { return o.validateRef("alter_row_security") }

func (o *AlterRowSecurity) apply(m *metadata.MetaData) error {
	t, err := o.table(m, o.what())
	if err != nil {
		return err
	}
	if e := o.Existing; e != nil && *e != t.RowSecurity {
		return fmt.Errorf("%s: existing says enabled %v, forced %v, but the table has enabled %v, forced %v; fix existing:",
			o.what(), e.Enabled, e.Forced, t.RowSecurity.Enabled, t.RowSecurity.Forced)
	}
	t.RowSecurity = o.RowSecurity
	return nil
}

func (o *AlterRowSecurity) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	b.set("enabled", boolNode(o.RowSecurity.Enabled))
	b.set("forced", boolNode(o.RowSecurity.Forced))
	if o.Existing != nil {
		ex, err := metadata.EncodeRowSecurity(*o.Existing)
		if err != nil {
			return nil, err
		}
		b.set("existing", ex)
	}
	return b.n, nil
}

func decodeAlterRowSecurity(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_row_security", n, "table"), withRef("enabled", "forced", "existing"))
	if !o.has("enabled") && o.f != nil {
		d.errorf(o.n, "%s: enabled is missing (true or false)", o.what)
	}
	op := &AlterRowSecurity{TableRef: o.ref(), RowSecurity: metadata.RowSecurity{Enabled: o.boolean("enabled"), Forced: o.boolean("forced")}}
	if o.has("existing") {
		s, err := metadata.DecodeRowSecurity(d.file, o.val("existing"), o.sub("existing"))
		d.add(err)
		op.Existing = &s
	}
	return op
}

func init() { decoders["alter_row_security"] = decodeAlterRowSecurity }
