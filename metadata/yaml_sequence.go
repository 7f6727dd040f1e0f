package metadata

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// sequenceKeys are a sequence mapping's keys: under sequences:, a serial
// column's sequence:, and the sequence ops of revision files.
var sequenceKeys = []string{"schema", "name", "type", "increment", "start", "min_value", "max_value", "cache", "cycle"}

// sequenceTypes are the types a sequence can have.
var sequenceTypes = []string{"smallint", "integer", "bigint"}

// sequences reads the sequences list.
func (r *reader) sequences(n *yaml.Node) []*Sequence {
	var out []*Sequence
	for i, item := range r.list("sequences", n, "sequences") {
		p := Path("sequences").Index(i)
		where := elementName("sequence", qualify(scalarOf(item, "schema"), scalarOf(item, "name")), i)
		out = append(out, r.sequence(p, item, where))
	}
	return out
}

// sequence reads one sequence mapping.
func (r *reader) sequence(p Path, n *yaml.Node, where string) *Sequence {
	s := &Sequence{}
	f := r.fields(p, n, where, sequenceKeys)
	if f == nil {
		return s
	}
	s.Schema = r.str(p.Field("schema"), f["schema"].val, where+": schema")
	s.Name = r.str(p.Field("name"), f["name"].val, where+": name")
	s.Type = r.str(p.Field("type"), f["type"].val, where+": type")
	if v, ok := f["type"]; ok && s.Type != "" && !slices.Contains(sequenceTypes, s.Type) {
		r.errorf(p.Field("type"), v.val, "%s: type %q is not a sequence type; use smallint, integer or bigint", where, s.Type)
	}
	s.Increment = r.int64Of(p.Field("increment"), f["increment"].val, where+": increment")
	s.Cache = r.int64Of(p.Field("cache"), f["cache"].val, where+": cache")
	for key, dst := range map[string]**int64{"start": &s.Start, "min_value": &s.MinValue, "max_value": &s.MaxValue} {
		if v, ok := f[key]; ok && !IsNullNode(v.val) {
			x := r.int64Of(p.Field(key), v.val, where+": "+key)
			*dst = &x
		}
	}
	s.Cycle = r.boolean(p.Field("cycle"), f["cycle"].val, where+": cycle")
	return s
}

// identity reads a column's identity and sequence. Either implies
// autoincrement; a sequence belongs to a serial column, and implies it.
func (r *reader) identity(p Path, c *Column, f map[string]field, where string) {
	if v, ok := f["identity"]; ok && !IsNullNode(v.val) {
		c.Identity = r.str(p.Field("identity"), v.val, where+": identity")
		if !slices.Contains(IdentityKinds, c.Identity) {
			r.errorf(p.Field("identity"), v.val, "%s: identity %q is not one of %s", where, c.Identity, strings.Join(IdentityKinds, ", "))
		}
		c.AutoIncrement = true
	}
	if v, ok := f["sequence"]; ok && !IsNullNode(v.val) {
		c.Sequence = r.sequence(p.Field("sequence"), v.val, where+": sequence")
		switch c.Identity {
		case "":
			c.Identity = IdentitySerial
		case IdentitySerial:
		default:
			r.errorf(p.Field("sequence"), v.key, "%s: a sequence: belongs to a serial column, not to identity %s; remove one of them", where, c.Identity)
		}
		c.AutoIncrement = true
	}
}

// int64Of reads a whole number; null is 0.
func (r *reader) int64Of(p Path, n *yaml.Node, what string) int64 {
	if n == nil || IsNullNode(n) {
		return 0
	}
	v, err := strconv.ParseInt(n.Value, 10, 64)
	if n.Kind != yaml.ScalarNode || err != nil {
		r.errorf(p, n, "%s must be a whole number, not %s", what, DescribeNode(n))
	}
	return v
}

// sequence writes a sequence mapping, options only where set.
func (o *out) sequence(s *Sequence, owned bool) *yaml.Node {
	b := o.mapping(true)
	if !owned {
		b.set1("schema", s.Schema)
	}
	b.set1("name", s.Name)
	b.set1("type", s.Type)
	num := func(key string, v int64) {
		b.set(key, o.node(yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v, 10)}))
	}
	if s.Increment != 0 {
		num("increment", s.Increment)
	}
	for _, opt := range []struct {
		key string
		v   *int64
	}{{"start", s.Start}, {"min_value", s.MinValue}, {"max_value", s.MaxValue}} {
		if opt.v != nil {
			num(opt.key, *opt.v)
		}
	}
	if s.Cache != 0 {
		num("cache", s.Cache)
	}
	if s.Cycle {
		b.set("cycle", o.boolean(true))
	}
	return b.n
}

// identity writes a column's identity and sequence, where set; by default
// is what autoincrement means without one, and is left out.
func (o *out) identity(b obj, c *Column) {
	if c.Identity != "" && c.Identity != IdentityByDefault && (c.Identity != IdentitySerial || c.Sequence == nil) {
		b.set("identity", o.str(c.Identity))
	}
	if c.Sequence != nil {
		b.set("sequence", o.sequence(c.Sequence, true))
	}
}

// DecodeSequence reads n, a sequence mapping as in schema.yaml's
// sequences list (or a serial column's sequence, whose name may be
// empty), for the sequence ops of revision files.
func DecodeSequence(file string, n *yaml.Node, what string) (*Sequence, error) {
	return decode(file, n, func(r *reader, n *yaml.Node) *Sequence {
		return r.sequence("", n, what)
	})
}

// EncodeSequence renders s as a sequence mapping, as [DecodeSequence]
// reads it.
func EncodeSequence(s *Sequence) (*yaml.Node, error) {
	return encode(func(o *out) *yaml.Node { return o.sequence(s, false) })
}
