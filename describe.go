package retort

import (
	"bytes"
	"strings"

	"github.com/retortdb/retort/ops"
	"go.yaml.in/yaml/v3"
)

// describe renders one op on one line, in revision-file form:
// "add_column: {table: users, column: {...}}".
func describe(o ops.Op) string {
	seq, err := ops.EncodeList([]ops.Op{o})
	if err != nil || len(seq.Content) != 1 {
		return o.Name()
	}
	item := seq.Content[0]
	for _, n := range item.Content[1:] {
		n.Style = yaml.FlowStyle
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(item); err != nil {
		return o.Name()
	}
	return oneLine(strings.TrimSpace(b.String()), 300)
}

// EncodeOps renders ops as the upgrade: list of a revision file, for
// printing the compensation of a [PartialError].
func EncodeOps(list []ops.Op) (string, error) {
	seq, err := ops.EncodeList(list)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(seq); err != nil {
		return "", err
	}
	return b.String(), nil
}
