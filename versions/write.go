package versions

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/retortdb/retort/internal/yamlout"
	"github.com/retortdb/retort/ops"
	"go.yaml.in/yaml/v3"
)

// NewID returns a fresh revision id: 12 random lower-case hex digits.
func NewID() string {
	var b [6]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}

// NameOptions shape a new revision's file name.
type NameOptions struct {
	// DatePrefix puts the creation time first, Alembic's popular
	// "%(year)d_%(month).2d_%(day).2d_%(hour).2d%(minute).2d-" template,
	// so that files list in creation order.
	DatePrefix bool
	// Ext is ".yaml" (the default) or ".sql".
	Ext string
}

var slugWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\w+`) })

// slugLength is Alembic's truncate_slug_length default.
const slugLength = 40

// FileName returns the file name for a revision: "<rev>_<slug>.yaml", the
// slug made from the message as Alembic makes it.
func FileName(r *Revision, o NameOptions) string {
	slug := strings.ToLower(strings.Join(slugWord().FindAllString(r.Message, -1), "_"))
	if len(slug) > slugLength {
		slug = slug[:slugLength]
		if i := strings.LastIndex(slug, "_"); i > 0 {
			slug = slug[:i]
		}
		slug += "_"
	}
	ext := o.Ext
	if ext == "" {
		ext = ".yaml"
	}
	name := r.ID + "_" + slug + ext
	if o.DatePrefix {
		c := r.Created
		if c.IsZero() {
			c = time.Now().UTC()
		}
		name = c.Format("2006_01_02_1504") + "-" + name
	}
	return name
}

// Marshal renders a revision as a YAML revision file (docs/design.md's layout),
// or in the .sql form when its Path ends in ".sql".
func Marshal(r *Revision) ([]byte, error) {
	if strings.HasSuffix(r.Path, ".sql") {
		return marshalSQL(r)
	}
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
	for _, kv := range r.Timeouts.values() {
		v := str(kv[1])
		if kv[0] == "lock_retries" {
			v.Tag = "!!int"
		}
		add(kv[0], v)
	}
	if len(r.LintIgnore) > 0 {
		lint := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
		lint.Content = append(lint.Content, str("ignore"), flowList(r.LintIgnore))
		add("lint", lint)
	}
	var buf bytes.Buffer
	if err := encode(&buf, root); err != nil {
		return nil, fmt.Errorf("revision %s: %w", r.ID, err)
	}
	for _, part := range []struct {
		key  string
		list []ops.Op
	}{{"upgrade", r.Upgrade}, {"downgrade", r.Downgrade}} {
		if err := marshalOps(&buf, part.key, part.list); err != nil {
			return nil, fmt.Errorf("revision %s: %s: %w", r.ID, part.key, err)
		}
	}
	return buf.Bytes(), nil
}

// marshalOps appends "key:" and its list of ops to buf, one op at a time:
// the emitter keeps every event of a document until it ends, so the
// revision that creates 1,000 tables cost hundreds of MB as one document;
// the bytes are the same (nothing in block style depends on its siblings).
func marshalOps(buf *bytes.Buffer, key string, list []ops.Op) error {
	if len(list) == 0 {
		buf.WriteString(key + ": []\n")
		return nil
	}
	prefix := key + ":\n"
	buf.WriteString(prefix)
	var one bytes.Buffer
	for i, o := range list {
		item, err := ops.EncodeItem(i, o)
		if err != nil {
			return err
		}
		seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{item}}
		doc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{str(key), seq}}
		one.Reset()
		if err := encode(&one, doc); err != nil {
			return err
		}
		buf.Write(bytes.TrimPrefix(one.Bytes(), []byte(prefix)))
	}
	return nil
}

// encode appends n to buf as a YAML document indented by 2.
func encode(buf *bytes.Buffer, n *yaml.Node) error {
	return yamlout.Append(buf, n)
}

func str(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

func downNode(down []string) *yaml.Node {
	switch len(down) {
	case 0:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	case 1:
		return str(down[0])
	}
	return flowList(down)
}

func flowList(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}

// marshalSQL renders the .sql form; only ops.Execute with SQL fits it.
func marshalSQL(r *Revision) ([]byte, error) {
	var b bytes.Buffer
	fmt.Fprintf(&b, "-- revision: %s\n-- down_revision: %s\n", r.ID, noneOr(r.DownRevisions))
	if len(r.BranchLabels) > 0 {
		fmt.Fprintf(&b, "-- branch_labels: %s\n", strings.Join(r.BranchLabels, ", "))
	}
	if len(r.DependsOn) > 0 {
		fmt.Fprintf(&b, "-- depends_on: %s\n", strings.Join(r.DependsOn, ", "))
	}
	fmt.Fprintf(&b, "-- message: %s\n", strings.ReplaceAll(r.Message, "\n", " "))
	if !r.Created.IsZero() {
		fmt.Fprintf(&b, "-- created: %s\n", r.Created.UTC().Format(time.RFC3339))
	}
	if !r.Transactional {
		b.WriteString("-- transactional: false\n")
	}
	for _, kv := range r.Timeouts.values() {
		fmt.Fprintf(&b, "-- %s: %s\n", kv[0], kv[1])
	}
	for _, part := range []struct {
		key  string
		list []ops.Op
	}{{"upgrade", r.Upgrade}, {"downgrade", r.Downgrade}} {
		fmt.Fprintf(&b, "\n-- %s\n", part.key)
		for _, o := range part.list {
			e, ok := o.(*ops.Execute)
			if !ok || len(e.PerDialect) > 0 {
				return nil, fmt.Errorf("revision %s: a .sql revision holds plain SQL only, not %s", r.ID, o.Name())
			}
			b.WriteString(strings.TrimSpace(e.SQL) + "\n")
		}
	}
	return b.Bytes(), nil
}

func noneOr(ids []string) string {
	if len(ids) == 0 {
		return "none"
	}
	return strings.Join(ids, ", ")
}
