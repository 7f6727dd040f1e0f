package ops

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

func (o *CreatePolicy) encode() (*yaml.Node, error) { return metadata.EncodePolicy(o.Policy) }

func (o *DropPolicy) encode() (*yaml.Node, error) {
	if o.Policy == nil {
		b := newMap()
		b.str("schema", o.Schema)
		b.set("table", strNode(o.Table))
		b.set("name", strNode(o.name()))
		return b.n, nil
	}
	p := o.Policy.Clone()
	p.Schema, p.Table, p.Name = o.Schema, o.Table, o.name()
	n, err := metadata.EncodePolicy(p)
	if err == nil && !carriesPolicy(n) {
		n.Content = append(n.Content, strNode("command"), strNode("ALL")) // says the policy is carried
	}
	return n, err
}

// carriesPolicy reports whether a drop_policy mapping holds more than the
// policy's names: then it carries the whole policy, for the reverse.
func carriesPolicy(n *yaml.Node) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "schema" && k != "table" && k != "name" {
			return true
		}
	}
	return false
}

func (o *ReplacePolicy) encode() (*yaml.Node, error) {
	n, err := metadata.EncodePolicy(o.Policy)
	if err != nil || o.Existing == nil {
		return n, err
	}
	ex, err := metadata.EncodePolicy(o.Existing)
	if err != nil {
		return nil, err
	}
	n.Content = append(n.Content, strNode("existing"), ex)
	return n, nil
}

// policyKeys are the keys of a policy mapping in an op: schema.yaml's.
var policyKeys = metadata.Keys("policy")

// policyDecoders returns the decoders of the policy ops.
func policyDecoders() map[string]func(d *decoder, n *yaml.Node) Op {
	return map[string]func(d *decoder, n *yaml.Node) Op{
		"create_policy": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("create_policy", n, "name"), policyKeys)
			return &CreatePolicy{Policy: element(d, o, policyKeys, metadata.DecodePolicy)}
		},
		"drop_policy": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("drop_policy", n, "name"), policyKeys)
			op := &DropPolicy{TableRef: o.ref(), PolicyName: o.required("name")}
			if n.Kind == yaml.MappingNode && carriesPolicy(n) {
				op.Policy = element(d, o, policyKeys, metadata.DecodePolicy)
			}
			return op
		},
		"replace_policy": func(d *decoder, n *yaml.Node) Op {
			o := d.obj(n, labelled("replace_policy", n, "name"), append(slices.Clone(policyKeys), "existing"))
			op := &ReplacePolicy{Policy: element(d, o, policyKeys, metadata.DecodePolicy)}
			if o.has("existing") {
				p, err := metadata.DecodePolicy(d.file, o.val("existing"), o.sub("existing"))
				d.add(err)
				op.Existing = p
			}
			return op
		},
	}
}
