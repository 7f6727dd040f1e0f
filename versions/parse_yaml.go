package versions

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

// ParseYAML reads a YAML revision file. path is used in errors and stored
// in the revision's Path.
func ParseYAML(path string, data []byte) (*Revision, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, yamlError(path, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &FileError{Path: path, Err: errors.New("empty file: expected a mapping with revision, down_revision, upgrade and downgrade")}
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, nodeError(path, root, "expected a mapping with revision, down_revision, upgrade and downgrade")
	}
	r := &Revision{Path: path, Transactional: true}
	seen := map[string]bool{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if seen[k.Value] {
			return nil, nodeError(path, k, "duplicate key %q", k.Value)
		}
		seen[k.Value] = true
		if err := r.setField(path, k, v); err != nil {
			return nil, err
		}
	}
	if !seen["revision"] {
		return nil, nodeError(path, root, "missing key \"revision\"")
	}
	if !seen["down_revision"] {
		return nil, nodeError(path, root, "missing key \"down_revision\" (null for a base revision)")
	}
	r.DowngradeDerived = !seen["downgrade"]
	return r, nil
}

// setField stores one top-level key of a revision file.
func (r *Revision) setField(path string, k, v *yaml.Node) error {
	var err error
	switch k.Value {
	case "revision":
		if r.ID, err = scalar(path, v); err == nil {
			if verr := ValidateID(r.ID); verr != nil {
				err = nodeError(path, v, "%v", verr)
			}
		}
	case "down_revision":
		r.DownRevisions, err = idList(path, v)
	case "branch_labels":
		r.BranchLabels, err = idList(path, v)
	case "depends_on":
		r.DependsOn, err = idList(path, v)
	case "message":
		if !isNull(v) {
			r.Message, err = scalar(path, v)
		}
	case "created":
		r.Created, err = timestamp(path, v)
	case "transactional":
		r.Transactional, err = boolean(path, v)
	case "lint":
		r.LintIgnore, err = lintIgnore(path, v)
	case "upgrade":
		r.body.upgrade, err = opList(path, v)
	case "downgrade":
		r.body.downgrade, err = opList(path, v)
	default:
		var ok bool
		if ok, err = r.setTimeoutNode(path, k, v); !ok && err == nil {
			err = nodeError(path, k, "unknown key %q (expected revision, down_revision, branch_labels, depends_on, message, created, transactional, lock_timeout, statement_timeout, lock_retries, retry_backoff, lint, upgrade, downgrade)", k.Value)
		}
	}
	return err
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func scalar(path string, n *yaml.Node) (string, error) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return "", nodeError(path, n, "expected a string")
	}
	return n.Value, nil
}

// idList reads null, a scalar, or a sequence of scalars (Alembic accepts
// all three for down_revision, branch_labels and depends_on).
func idList(path string, n *yaml.Node) ([]string, error) {
	switch {
	case isNull(n):
		return nil, nil
	case n.Kind == yaml.ScalarNode:
		if n.Value == "" {
			return nil, nodeError(path, n, "expected a revision id, a list of them, or null")
		}
		return []string{n.Value}, nil
	case n.Kind == yaml.SequenceNode:
		out := make([]string, 0, len(n.Content))
		for _, c := range n.Content {
			s, err := scalar(path, c)
			if err != nil {
				return nil, err
			}
			if contains(out, s) {
				return nil, nodeError(path, c, "%q is listed twice", s)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, nodeError(path, n, "expected a revision id, a list of them, or null")
}

func timestamp(path string, n *yaml.Node) (time.Time, error) {
	if isNull(n) {
		return time.Time{}, nil
	}
	s, err := scalar(path, n)
	if err != nil {
		return time.Time{}, err
	}
	if t, ok := parseCreated(s); ok {
		return t, nil
	}
	return time.Time{}, nodeError(path, n, "created: expected an RFC 3339 time such as 2026-11-23T21:40:00Z, got %q", s)
}

// createdLayouts are the time forms a created key may take.
var createdLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999Z07:00", "2006-01-02 15:04:05.999999999", "2006-01-02T15:04:05.999999999", "2006-01-02"}

// parseCreated reads a created value in the first of createdLayouts that
// fits.
func parseCreated(s string) (time.Time, bool) {
	for _, layout := range createdLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func boolean(path string, n *yaml.Node) (bool, error) {
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		return false, nodeError(path, n, "expected true or false")
	}
	return b, nil
}

func opList(path string, n *yaml.Node) (*yaml.Node, error) {
	if isNull(n) {
		return nil, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, nodeError(path, n, "expected a list of operations")
	}
	return n, nil
}

func nodeError(path string, n *yaml.Node, format string, args ...any) error {
	return &FileError{Path: path, Line: n.Line, Column: n.Column, Err: fmt.Errorf(format, args...)}
}

var yamlLine = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^yaml: line (\d+): (.*)$`) })

// yamlError turns a yaml syntax error into a FileError with its line.
func yamlError(path string, err error) error {
	if m := yamlLine().FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &FileError{Path: path, Line: line, Err: errors.New(m[2])}
	}
	return &FileError{Path: path, Err: err}
}

// lintIgnore reads the lint key: a mapping whose one key, ignore, lists
// rule ids.
func lintIgnore(path string, n *yaml.Node) ([]string, error) {
	if n.Kind != yaml.MappingNode {
		return nil, nodeError(path, n, "lint: expected a mapping such as {ignore: [table-rewrite]}")
	}
	var out []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Value != "ignore" {
			return nil, nodeError(path, k, "lint: unknown key %q (expected ignore)", k.Value)
		}
		ids, err := idList(path, v)
		if err != nil {
			return nil, err
		}
		out = append(out, ids...)
	}
	return out, nil
}
