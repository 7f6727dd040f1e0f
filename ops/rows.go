package ops

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// rows reads bulk_insert's rows: a list of mappings with the same keys.
// The first row's keys give the column order.
func (d *decoder) rows(n *yaml.Node, what string) ([]string, [][]any) {
	items := d.list(n, what)
	var cols []string
	rows := make([][]any, 0, len(items))
	for i, item := range items {
		at := fmt.Sprintf("%s[%d]", what, i)
		if item.Kind != yaml.MappingNode {
			d.errorf(item, "%s must be a mapping of column to value, not %s", at, metadata.DescribeNode(item))
			continue
		}
		if cols == nil {
			cols = rowKeys(item)
		}
		rows = append(rows, d.row(item, at, cols))
	}
	return cols, rows
}

func rowKeys(n *yaml.Node) []string {
	cols := make([]string, 0, len(n.Content)/2)
	for i := 0; i < len(n.Content); i += 2 {
		cols = append(cols, metadata.DerefNode(n.Content[i]).Value)
	}
	return cols
}

// row reads one row's values in the order of cols.
func (d *decoder) row(n *yaml.Node, at string, cols []string) []any {
	row := make([]any, len(cols))
	seen := make([]bool, len(cols))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := metadata.DerefNode(n.Content[i]), metadata.DerefNode(n.Content[i+1])
		j := indexOf(cols, k.Value)
		switch {
		case k.Kind != yaml.ScalarNode:
			d.errorf(k, "%s: a key must be a column name, not %s", at, metadata.DescribeNode(k))
		case j < 0:
			d.errorf(k, "%s: column %q is not in the first row; every row has the same columns (%s)", at, k.Value, strings.Join(cols, ", "))
		case seen[j]:
			d.errorf(k, "%s: column %q is given twice", at, k.Value)
		default:
			seen[j] = true
			row[j] = d.value(v, at+"."+k.Value)
		}
	}
	for j, ok := range seen {
		if !ok {
			d.errorf(n, "%s: no value for column %q; every row has the same columns as the first (null for none)", at, cols[j])
		}
	}
	return row
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// value reads a row's value by its YAML tag: nil, bool, int64, float64 or
// string. A quoted scalar is a string; a timestamp is kept as its text.
func (d *decoder) value(n *yaml.Node, at string) any {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, "%s must be a single value (null, true, 42, 1.5 or text), not %s", at, metadata.DescribeNode(n))
		return nil
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		var b bool
		return decodeScalar(d, n, at, &b)
	case "!!int":
		var i int64
		return decodeScalar(d, n, at, &i)
	case "!!float":
		var f float64
		return decodeScalar(d, n, at, &f)
	case "!!str", "!!timestamp":
		return n.Value
	}
	d.errorf(n, "%s: values tagged %s are not supported; write null, true, 42, 1.5 or text", at, n.ShortTag())
	return nil
}

func decodeScalar[T any](d *decoder, n *yaml.Node, at string, v *T) any {
	if err := n.Decode(v); err != nil {
		d.errorf(n, "%s: %q does not fit a 64-bit value; quote it to keep it as text", at, n.Value)
		return nil
	}
	return *v
}

// valueNode renders a row's value so that it reads back as the same value.
func valueNode(v any) (*yaml.Node, error) {
	scalar := func(tag, text string) *yaml.Node {
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: text}
	}
	switch v := v.(type) {
	case nil:
		return scalar("!!null", "null"), nil
	case bool:
		return scalar("!!bool", strconv.FormatBool(v)), nil
	case int64:
		return scalar("!!int", strconv.FormatInt(v, 10)), nil
	case float64:
		return scalar("!!float", formatFloat(v)), nil
	case string:
		return strNode(v), nil
	}
	return nil, fmt.Errorf("a value of type %T (want nil, bool, int64, float64 or string)", v)
}

// formatFloat writes f so that YAML reads it back as a float.
func formatFloat(f float64) string {
	switch {
	case math.IsNaN(f):
		return ".nan"
	case math.IsInf(f, 1):
		return ".inf"
	case math.IsInf(f, -1):
		return "-.inf"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".e") {
		s += ".0"
	}
	return s
}
