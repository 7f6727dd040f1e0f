package diagram

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// Schema draws m's tables, their key columns and their foreign keys in
// format f ([Mermaid] erDiagram or [DOT]).
func Schema(w io.Writer, m *metadata.MetaData, f Format) error {
	s := newSchemaPicture(m)
	bw := bufio.NewWriter(w)
	switch f {
	case Mermaid:
		s.mermaid(bw)
	case DOT:
		s.dot(bw)
	default:
		return fmt.Errorf("diagram: a schema is drawn as mermaid or dot, not %q", f)
	}
	return bw.Flush()
}

// schemaPicture is what both formats draw: per table, the columns worth
// showing, and the foreign keys resolved to tables.
type schemaPicture struct {
	m        *metadata.MetaData
	tables   []*metadata.Table
	keyCols  map[*metadata.Table][]*metadata.Column
	edges    []edge
	external []string // referred tables the model does not hold
}

// edge is one foreign key, from table to the table it refers to.
type edge struct {
	from, to *metadata.Table
	toName   string // qualified name, also when to is nil
	fk       *metadata.ForeignKey
}

func newSchemaPicture(m *metadata.MetaData) *schemaPicture {
	s := &schemaPicture{m: m, tables: m.Tables, keyCols: map[*metadata.Table][]*metadata.Column{}}
	shown := map[*metadata.Table]map[string]bool{}
	mark := func(t *metadata.Table, cols []string) {
		if shown[t] == nil {
			shown[t] = map[string]bool{}
		}
		for _, c := range cols {
			shown[t][c] = true
		}
	}
	for _, t := range m.Tables {
		if t.PrimaryKey != nil {
			mark(t, t.PrimaryKey.Columns)
		}
		for _, fk := range t.ForeignKeys {
			mark(t, fk.Columns)
			schema := fk.RefSchema
			if schema == "" {
				schema = t.Schema
			}
			to := m.Table(schema, fk.RefTable)
			name := fk.RefTable
			if schema != "" {
				name = schema + "." + fk.RefTable
			}
			if to != nil {
				mark(to, fk.RefColumns)
				name = to.QualifiedName()
			} else if !slices.Contains(s.external, name) {
				s.external = append(s.external, name)
			}
			s.edges = append(s.edges, edge{from: t, to: to, toName: name, fk: fk})
		}
	}
	for _, t := range m.Tables {
		for _, c := range t.Columns {
			if shown[t][c.Name] {
				s.keyCols[t] = append(s.keyCols[t], c)
			}
		}
	}
	return s
}

// keys returns the PK/FK markers of column c of t.
func keys(t *metadata.Table, c string) []string {
	var k []string
	if t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, c) {
		k = append(k, "PK")
	}
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, c) {
			k = append(k, "FK")
			break
		}
	}
	return k
}

// optional reports whether a row may have no parent: a foreign key column
// is nullable.
func (e edge) optional() bool {
	for _, n := range e.fk.Columns {
		if c := e.from.Column(n); c != nil && c.Nullable {
			return true
		}
	}
	return false
}

// identifying reports whether the foreign key is part of the primary key.
func (e edge) identifying() bool {
	pk := e.from.PrimaryKey
	if pk == nil {
		return false
	}
	for _, c := range e.fk.Columns {
		if !slices.Contains(pk.Columns, c) {
			return false
		}
	}
	return true
}

// label names the foreign key by its columns: what a reader looks for,
// and the same whether the database kept the constraint's name (SQLite
// does not) or schema.yaml derives one.
func (e edge) label() string {
	return strings.Join(e.fk.Columns, ", ")
}
