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
