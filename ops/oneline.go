package ops

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// OneLine renders one op on one line, in revision-file form
// ("add_column: {table: users, column: {...}}"), cut after n bytes with
// " ..."; just its name when it does not encode.
func OneLine(o Op, n int) string {
	seq, err := EncodeList([]Op{o})
	if err != nil || len(seq.Content) != 1 {
		return o.Name()
	}
	item := seq.Content[0]
	for _, c := range item.Content[1:] {
		c.Style = yaml.FlowStyle
	}
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(item); err != nil {
		return o.Name()
	}
	s := strings.Join(strings.Fields(b.String()), " ")
	if len(s) > n {
		s = s[:n] + " ..."
	}
	return s
}
