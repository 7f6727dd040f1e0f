package jsonschema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// The files a schema describes, each named by the file [WriteDir] writes.
const (
	SchemaFile   = "schema.json"   // schema.yaml, the target model
	RevisionFile = "revision.json" // a YAML revision file
	ConfigFile   = "migrate.json"  // migrate.yaml
)

// Dir is the folder, beside migrate.yaml, that "migrate init" and
// "migrate json-schema" write the schemas into.
const Dir = "jsonschema"

// Files lists the three schema files in a fixed order.
var Files = []string{SchemaFile, RevisionFile, ConfigFile}

// obj is a JSON object under construction.
type obj = map[string]any

// Generate returns the JSON Schema named file (one of [Files]), indented,
// with a trailing newline.
func Generate(file string) ([]byte, error) {
	var s obj
	switch file {
	case SchemaFile:
		s = withDefs(modelRoot(), "Retort schema.yaml: the schema you want", modelDefs())
	case RevisionFile:
		s = withDefs(revisionRoot(), "Retort revision file: one step of the migration history", opDefs(modelDefs()))
	case ConfigFile:
		s = configRoot()
		s["$schema"] = draft
		s["title"] = "Retort migrate.yaml: the configuration"
	default:
		return nil, fmt.Errorf("jsonschema: no schema for %q (want one of %v)", file, Files)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// WriteDir writes the three schemas into dir, creating it, and returns the
// paths written. Existing schema files are replaced: they are generated.
func WriteDir(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range Files {
		b, err := Generate(f)
		if err != nil {
			return nil, err
		}
		p := filepath.Join(dir, f)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// Modeline is the first line that points yaml-language-server at a schema
// file: "# yaml-language-server: $schema=<ref>".
func Modeline(ref string) string { return "# yaml-language-server: $schema=" + filepath.ToSlash(ref) }

// ModelineFor returns the modeline of a file written at path whose schemas
// live in root/jsonschema (root: the folder of migrate.yaml), with a path
// relative to the file, so that the project can move as a whole.
func ModelineFor(path, root, schemaFile string) string {
	target := filepath.Join(root, Dir, schemaFile)
	from, err1 := filepath.Abs(filepath.Dir(path))
	to, err2 := filepath.Abs(target)
	if err1 == nil && err2 == nil {
		if rel, err := filepath.Rel(from, to); err == nil {
			return Modeline(rel)
		}
	}
	return Modeline(target)
}

const draft = "https://json-schema.org/draft/2020-12/schema"

func withDefs(root obj, title string, defs obj) obj {
	root["$schema"] = draft
	root["title"] = title
	root["$defs"] = defs
	return root
}

// closed is an object schema that allows the keys listed, each with the
// value schema props gives it ({} when props has none: a key the reader
// knows and the schema does not describe is still allowed).
func closed(desc string, keys []string, props obj, required ...string) obj {
	p := obj{}
	for _, k := range keys {
		if v, ok := props[k]; ok {
			p[k] = v
		} else {
			p[k] = obj{}
		}
	}
	s := obj{"type": []string{"object", "null"}, "properties": p, "additionalProperties": false}
	if desc != "" {
		s["description"] = desc
	}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// typed is a value of type t, or null: Retort's readers take a null
// wherever a value may be left out, so the schemas do too.
func typed(t any, desc string) obj {
	types := []string{}
	switch t := t.(type) {
	case string:
		types = append(types, t)
	case []string:
		types = append(types, t...)
	}
	if !slices.Contains(types, "null") {
		types = append(types, "null")
	}
	s := obj{"type": types}
	if desc != "" {
		s["description"] = desc
	}
	return s
}

func str(desc string) obj     { return typed("string", desc) }
func boolean(desc string) obj { return typed("boolean", desc) }
func ref(def string) obj      { return obj{"$ref": "#/$defs/" + def} }
func strings_(desc string) obj {
	s := typed("array", desc)
	s["items"] = obj{"type": "string"}
	return s
}
func listOf(def, desc string) obj {
	s := typed("array", desc)
	s["items"] = ref(def)
	return s
}
func anyOf(desc string, alts ...obj) obj { return obj{"anyOf": alts, "description": desc} }

// without returns keys minus drop.
func without(keys []string, drop ...string) []string {
	return slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return slices.Contains(drop, k) })
}
