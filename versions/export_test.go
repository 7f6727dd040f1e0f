package versions

import (
	"bytes"
	"fmt"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/ops"
)

// MarshalWhole is [Marshal] as it was before it encoded one op at a time:
// the whole revision as one node tree and one YAML document, to check that
// the bytes are the same.
func MarshalWhole(r *Revision) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	add := func(key string, v *yaml.Node) {
		root.Content = append(root.Content, str(key), v)
	}
	add("revision", str(r.ID))
	add("down_revision", downNode(r.DownRevisions))
	add("branch_labels", flowList(r.BranchLabels))
	add("depends_on", flowList(r.DependsOn))
	add("message", str(r.Message))
	if !r.Created.IsZero() {
		add("created", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: r.Created.UTC().Format(time.RFC3339)})
	}
	add("transactional", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: fmt.Sprint(r.Transactional)})
	for _, part := range []struct {
		key  string
		list []ops.Op
	}{{"upgrade", r.Upgrade}, {"downgrade", r.Downgrade}} {
		n, err := ops.EncodeList(part.list)
		if err != nil {
			return nil, err
		}
		add(part.key, n)
	}
	var buf bytes.Buffer
	err := encode(&buf, root)
	return buf.Bytes(), err
}
