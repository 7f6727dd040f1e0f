package jsonschema

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// Problem is one place where a document breaks its schema.
type Problem struct {
	Line, Column int
	Path         string // where, as a JSON-pointer-like path: /tables/0/columns/1
	Message      string
}

func (p Problem) String() string {
	return fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Column, p.Path, p.Message)
}

// Error lists the problems of a file.
type Error struct {
	File     string
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = e.File + ":" + p.String()
	}
	return strings.Join(lines, "\n")
}

// Validate checks the YAML document data (named file in messages)
// against schema, a JSON Schema as [Generate] writes it. It returns nil, a
// YAML syntax error, or an *[Error] listing every problem with its line.
func Validate(schema []byte, file string, data []byte) error {
	var root map[string]any
	if err := json.Unmarshal(schema, &root); err != nil {
		return fmt.Errorf("jsonschema: reading the schema: %w", err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	v := validator{root: root}
	if len(doc.Content) > 0 {
		v.check(root, doc.Content[0], "")
	}
	if len(v.problems) == 0 {
		return nil
	}
	return &Error{File: file, Problems: v.problems}
}

type validator struct {
	root     map[string]any
	problems []Problem
}

func (v *validator) add(n *yaml.Node, path, format string, args ...any) {
	if path == "" {
		path = "/"
	}
	v.problems = append(v.problems, Problem{Line: n.Line, Column: n.Column, Path: path, Message: fmt.Sprintf(format, args...)})
}

// check validates n against schema s at path.
func (v *validator) check(s map[string]any, n *yaml.Node, path string) {
	n = metadata.DerefNode(n)
	if r, ok := s["$ref"].(string); ok {
		def, found := v.resolve(r)
		if !found {
			v.add(n, path, "the schema refers to %s, which it does not define", r)
			return
		}
		v.check(def, n, path)
	}
	if alts, ok := s["anyOf"].([]any); ok {
		v.anyOf(alts, n, path)
	}
	if t, ok := s["type"]; ok && !matchesType(t, n) {
		v.add(n, path, "want %s, not %s", describeTypes(t), kindOf(n))
		return
	}
	if e, ok := s["enum"].([]any); ok && !inEnum(e, n) {
		v.add(n, path, "%q is not one of %s", n.Value, describeEnum(e))
	}
	switch n.Kind {
	case yaml.MappingNode:
		v.object(s, n, path)
	case yaml.SequenceNode:
		if items, ok := s["items"].(map[string]any); ok {
			for i, c := range n.Content {
				v.check(items, c, fmt.Sprintf("%s/%d", path, i))
			}
		}
	}
}

// object checks a mapping's keys and values.
func (v *validator) object(s map[string]any, n *yaml.Node, path string) {
	props, _ := s["properties"].(map[string]any)
	have := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		have[k.Value] = true
		at := path + "/" + k.Value
		if ps, ok := props[k.Value].(map[string]any); ok {
			v.check(ps, val, at)
			continue
		}
		switch extra := s["additionalProperties"].(type) {
		case bool:
			if !extra {
				v.add(k, at, "unknown key %q%s", k.Value, suggest(k.Value, keysOf(props)))
			}
		case map[string]any:
			v.check(extra, val, at)
		}
	}
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			if name := r.(string); !have[name] {
				v.add(n, path, "%s is missing", name)
			}
		}
	}
	count := len(n.Content) / 2
	if m, ok := s["minProperties"].(float64); ok && count < int(m) {
		v.add(n, path, "want at least %d key(s), not %d", int(m), count)
	}
	if m, ok := s["maxProperties"].(float64); ok && count > int(m) {
		v.add(n, path, "want at most %d key(s), not %d: %s", int(m), count, strings.Join(keysIn(n), ", "))
	}
}

// anyOf passes when one alternative passes. Otherwise it reports the
// problems of the alternatives whose type fits the node (a typo inside a
// mapping is reported as such, not as "not a string"), or a type error.
func (v *validator) anyOf(alts []any, n *yaml.Node, path string) {
	var fitting [][]Problem
	var types []string
	for _, a := range alts {
		alt := a.(map[string]any)
		sub := validator{root: v.root}
		sub.check(alt, n, path)
		if len(sub.problems) == 0 {
			return
		}
		if t, ok := v.typeOf(alt); ok {
			types = append(types, describeTypes(t))
			if !matchesType(t, n) {
				continue
			}
		}
		fitting = append(fitting, sub.problems)
	}
	if len(fitting) > 0 {
		best := fitting[0]
		for _, f := range fitting[1:] {
			if len(f) < len(best) {
				best = f
			}
		}
		v.problems = append(v.problems, best...)
		return
	}
	v.add(n, path, "want %s, not %s", strings.Join(types, " or "), kindOf(n))
}

// typeOf is an alternative's type, following a $ref.
func (v *validator) typeOf(s map[string]any) (any, bool) {
	if r, ok := s["$ref"].(string); ok {
		if def, found := v.resolve(r); found {
			return v.typeOf(def)
		}
	}
	t, ok := s["type"]
	return t, ok
}

func (v *validator) resolve(ref string) (map[string]any, bool) {
	name, ok := strings.CutPrefix(ref, "#/$defs/")
	if !ok {
		return nil, false
	}
	defs, _ := v.root["$defs"].(map[string]any)
	def, ok := defs[name].(map[string]any)
	return def, ok
}

// kindOf is the JSON type of a YAML node.
func kindOf(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "object"
	case yaml.SequenceNode:
		return "array"
	}
	switch n.ShortTag() {
	case "!!null":
		return "null"
	case "!!bool":
		return "boolean"
	case "!!int":
		return "integer"
	case "!!float":
		return "number"
	}
	return "string"
}

func matchesType(t any, n *yaml.Node) bool {
	k := kindOf(n)
	for _, want := range typeList(t) {
		if want == k || (want == "number" && k == "integer") {
			return true
		}
	}
	return false
}

func typeList(t any) []string {
	switch t := t.(type) {
	case string:
		return []string{t}
	case []any:
		out := make([]string, len(t))
		for i, x := range t {
			out[i], _ = x.(string)
		}
		return out
	case []string:
		return t
	}
	return nil
}

func describeTypes(t any) string { return strings.Join(typeList(t), " or ") }

func inEnum(e []any, n *yaml.Node) bool {
	if n.Kind != yaml.ScalarNode {
		return false
	}
	for _, x := range e {
		if s, ok := x.(string); ok && s == n.Value {
			return true
		}
	}
	return false
}

func describeEnum(e []any) string {
	parts := make([]string, len(e))
	for i, x := range e {
		parts[i] = fmt.Sprint(x)
	}
	return strings.Join(parts, ", ")
}

func keysOf(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func keysIn(n *yaml.Node) []string {
	var keys []string
	for i := 0; i+1 < len(n.Content); i += 2 {
		keys = append(keys, n.Content[i].Value)
	}
	return keys
}

// suggest is "; did you mean X?" for the closest known key within two
// edits, else the list of keys.
func suggest(key string, known []string) string {
	best, dist := "", 3
	for _, k := range known {
		if d := editDistance(key, k); d < dist {
			best, dist = k, d
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	if len(known) == 0 {
		return ""
	}
	return " (known: " + strings.Join(known, ", ") + ")"
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = slices.Min([]int{prev[j] + 1, cur[j-1] + 1, prev[j-1] + cost})
		}
		prev = cur
	}
	return prev[len(b)]
}
