package metadata

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// ReadFile reads the schema.yaml file at path; see [Read].
func ReadFile(path string) (*MetaData, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Read(path, data)
}

// ReadOptions say which broken [Rules] reading a schema refuses.
type ReadOptions struct {
	// Database is the database the schema is for (a dialect's Name):
	// rules it enforces are errors; the others, which only other
	// databases enforce, are portability problems, reported (as warnings)
	// only with Portable. "" (none known): only rules every database
	// enforces are errors, the others warnings.
	Database string
	// Strict makes every rule an error, whatever database enforces it:
	// the schema must be valid on every database.
	Strict bool
	// Portable reports the rules only other databases than Database
	// enforce, as warnings (migrate's --portable): a schema meant to move.
	Portable bool
	// Reflected says the schema was written from a database's catalog:
	// the database accepted it, so only [RuleModel] (a model no DDL can be
	// written for) is an error, unless Strict.
	Reflected bool
}

// ReadFileWith reads the schema.yaml file at path; see [ReadWith].
func ReadFileWith(path string, o ReadOptions) (*MetaData, ErrorList, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	return ReadWith(path, data, o)
}

// Read is [ReadWith] with Strict set: a schema breaking any rule is
// refused.
func Read(filename string, data []byte) (*MetaData, error) {
	m, _, err := ReadWith(filename, data, ReadOptions{Strict: true})
	return m, err
}

// ReadWith decodes a schema.yaml document (or its JSON form, see
// [WriteJSON]) into a model, expands the column shorthands into the long
// forms, names unnamed constraints with [MetaData.ApplyNamingConvention]
// and checks the result with [MetaData.Validate]. filename is used in
// messages only.
//
// Every problem is reported, as an [ErrorList] of [*Error] sorted by
// position, each at the line and column of the YAML node at fault. Problems
// of form (YAML syntax, unknown keys, wrong kinds of values, unknown types)
// are reported first: the model is checked only when there are none. A
// broken rule that o's database does not enforce is returned as a warning
// (the first result list) instead, with the model.
//
// A file without naming_convention gets a nil one (the default), and so
// does a file spelling out [DefaultNamingConvention]; a file that gives a
// convention replaces the default entirely, as in SQLAlchemy.
func ReadWith(filename string, data []byte, o ReadOptions) (*MetaData, ErrorList, error) {
	r := &reader{file: filename, src: map[Path]*yaml.Node{}}
	root, err := r.parse(data)
	if err != nil {
		return nil, nil, err
	}
	m := r.metadata(root)
	if len(r.errs) > 0 {
		r.errs.Sort()
		return nil, nil, r.errs
	}
	var problems ErrorList
	for _, err := range []error{m.ApplyNamingConvention(), m.Validate()} {
		var l ErrorList
		if errors.As(err, &l) {
			problems = append(problems, l...)
		}
	}
	errs, warnings := r.place(problems).Split(o)
	if err := errs.Err(); err != nil {
		return nil, warnings, err
	}
	return m, warnings, nil
}

// syntaxErrorRE matches the YAML parser's messages.
var syntaxErrorRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)^yaml: (?:line (\d+): )?(.*)$`) })

// parse returns the document's root node, or nil for an empty document.
func (r *reader) parse(data []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); errors.Is(err, io.EOF) {
		return nil, nil
	} else if err != nil {
		return nil, r.syntaxError(err)
	}
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, ErrorList{{File: r.file, Line: next.Line, Column: next.Column,
			Msg: "a second YAML document starts here; a schema is one document, so remove the ---"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, r.syntaxError(err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return DerefNode(doc.Content[0]), nil
}

func (r *reader) syntaxError(err error) error {
	e := &Error{File: r.file, Msg: "invalid YAML: " + err.Error()}
	if m := syntaxErrorRE().FindStringSubmatch(err.Error()); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		e.Msg = "invalid YAML: " + m[2]
	}
	return ErrorList{e}
}

// place gives each problem the position of the node its element came
// from (or of the nearest enclosing element), drops repeats, and sorts.
func (r *reader) place(problems ErrorList) ErrorList {
	var out ErrorList
	seen := map[string]bool{}
	for _, e := range problems {
		if seen[string(e.Path)+"\x00"+e.Msg] {
			continue
		}
		seen[string(e.Path)+"\x00"+e.Msg] = true
		e.File = r.file
		for p := e.Path; p != ""; p = p.Parent() {
			if n, ok := r.src[p]; ok {
				e.Line, e.Column = n.Line, n.Column
				break
			}
		}
		out = append(out, e)
	}
	out.Sort()
	return out
}

var schemaKeys = []string{"naming_convention", "extensions", "enums", "domains", "sequences", "tables", "views",
	"functions", "procedures", "aggregates", "triggers", "rules", "policies", "events", "schemas"}

func (r *reader) metadata(root *yaml.Node) *MetaData {
	m := New()
	f := r.fields("", root, "the schema", schemaKeys)
	if nc, ok := f["naming_convention"]; ok {
		m.NamingConvention = r.convention(nc.val)
	}
	if e, ok := f["enums"]; ok {
		m.Enums = r.enums(e.val)
	}
	if sq, ok := f["sequences"]; ok {
		m.Sequences = r.sequences(sq.val)
	}
	if v, ok := f["views"]; ok {
		m.Views = r.views(v.val)
	}
	r.routinesOf(m, f)
	r.rulesOf(m, f)
	r.policiesOf(m, f)
	r.eventsOf(m, f)
	r.schemasOf(m, f)
	if ex, ok := f["extensions"]; ok {
		m.Extensions = r.extensions(ex.val)
	}
	if d, ok := f["domains"]; ok {
		m.Domains = r.domains(d.val)
	}
	if t, ok := f["tables"]; ok {
		for i, n := range r.list("tables", t.val, "tables") {
			m.Tables = append(m.Tables, r.table(Path("tables").Index(i), n, i))
		}
	}
	return m
}

// convention reads naming_convention; the default spelled out is nil.
func (r *reader) convention(n *yaml.Node) NamingConvention {
	p := Path("naming_convention")
	f := r.fields(p, n, "naming_convention", conventionKinds)
	if f == nil {
		return nil
	}
	nc := NamingConvention{}
	for _, kind := range conventionKinds {
		if v, ok := f[kind]; ok {
			nc[kind] = r.str(p.Field(kind), v.val, "naming_convention: "+kind)
		}
	}
	if maps.Equal(nc, DefaultNamingConvention) {
		return nil
	}
	return nc
}

// enums reads the enums mapping: a name, or schema.name, to its values.
func (r *reader) enums(n *yaml.Node) []*Enum {
	var out []*Enum
	r.mapping("enums", n, "enums", func(key, val *yaml.Node) {
		p := Path("enums").Index(len(out))
		r.src[p], r.src[p.Field("values")] = key, val
		e := &Enum{Name: key.Value}
		if schema, name, ok := strings.Cut(key.Value, "."); ok {
			e.Schema, e.Name = schema, name
		}
		e.Values = r.stringList(p.Field("values"), val, "enum "+strconv.Quote(key.Value))
		out = append(out, e)
	})
	return out
}
