package metadata

import (
	"slices"
	"strings"
)

// View check options: what WITH ... CHECK OPTION a view was created with.
const (
	// CheckLocal is WITH LOCAL CHECK OPTION: rows written through the view
	// must satisfy its own condition.
	CheckLocal = "local"
	// CheckCascaded is WITH [CASCADED] CHECK OPTION: its condition and
	// those of the views it reads.
	CheckCascaded = "cascaded"
)

// CheckOptions lists the values [View.CheckOption] may take besides "".
var CheckOptions = []string{CheckLocal, CheckCascaded}

// ViewSecurities lists the values [View.Security] may take besides ""
// (MySQL's SQL SECURITY).
var ViewSecurities = []string{"definer", "invoker"}

// ViewAlgorithms lists the values [View.Algorithm] may take besides ""
// (MySQL's ALGORITHM).
var ViewAlgorithms = []string{"undefined", "merge", "temptable"}

// View is a view, or a PostgreSQL materialized view, of the schema
// ([MetaData.Views]). Definition is its query as the database renders it
// (pg_get_viewdef, information_schema.VIEWS, the text after AS in
// sqlite_master), so that a reflected view compares equal to itself; the
// zero value of each option is the database's default for it.
type View struct {
	// Schema is the view's schema; "" is the default schema.
	Schema string
	// Name is the view's name.
	Name string
	// Definition is the view's query (SELECT ..., no trailing semicolon).
	Definition string
	// Materialized makes it a PostgreSQL materialized view.
	Materialized bool
	// CheckOption is WITH LOCAL or CASCADED CHECK OPTION ("" for none).
	CheckOption string
	// SecurityInvoker is PostgreSQL's security_invoker option (15+): the
	// view reads its tables with the privileges of its user.
	SecurityInvoker bool
	// SecurityBarrier is PostgreSQL's security_barrier option.
	SecurityBarrier bool
	// Security is MySQL's SQL SECURITY ("definer", "invoker"; "" is
	// the server's default, DEFINER).
	Security string
	// Algorithm is MySQL's ALGORITHM ("undefined", "merge",
	// "temptable"; "" is UNDEFINED).
	Algorithm string
	// Definer is MySQL's DEFINER account (user@host); "" leaves it to
	// the server (the account that runs the migration). Inspect records
	// it only when it is another account than the inspecting one.
	Definer string
	// CharacterSetClient and CollationConnection are MySQL's session
	// settings the view was created under (SHOW CREATE VIEW's columns):
	// they decide the character set of its literals without an
	// introducer. "" is the session's of the account that runs the
	// migration; Inspect records them only when they differ from the
	// inspecting session's.
	CharacterSetClient  string
	CollationConnection string
	// Comment is the view's comment (PostgreSQL).
	Comment string
	// Indexes are a materialized view's indexes.
	Indexes []*Index
	// Reads names the tables and views the query reads (schema.name, or
	// name in the default schema), as the database's dependency data
	// gives them: views are created after what they read and dropped
	// before it. Empty when unknown (a view written by hand); it is not
	// compared.
	Reads []string
}

// Clone returns a deep copy of v (nil for nil).
func (v *View) Clone() *View {
	if v == nil {
		return nil
	}
	c := *v
	c.Indexes = nil
	for _, ix := range v.Indexes {
		c.Indexes = append(c.Indexes, ix.Clone())
	}
	c.Reads = cloneSlice(v.Reads)
	return &c
}

// QualifiedName returns schema.name, or name in the default schema.
func (v *View) QualifiedName() string { return qualify(v.Schema, v.Name) }

// Kind is "materialized view" or "view", for messages.
func (v *View) Kind() string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}

// SameQuery reports whether v and o are the same query with the same
// options: names, comments and indexes aside. What differs here needs the
// view replaced (or, materialized, dropped and created).
func (v *View) SameQuery(o *View) bool {
	return v.Definition == o.Definition && v.Materialized == o.Materialized && v.CheckOption == o.CheckOption &&
		v.SecurityInvoker == o.SecurityInvoker && v.SecurityBarrier == o.SecurityBarrier &&
		v.Security == o.Security && v.Algorithm == o.Algorithm && v.Definer == o.Definer &&
		v.CharacterSetClient == o.CharacterSetClient && v.CollationConnection == o.CollationConnection
}

// TrimDefinition returns a view's query without the white space around
// it and a final semicolon: pg_get_viewdef's " SELECT ...;" is
// "SELECT ...".
func TrimDefinition(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, ";")
	return strings.TrimSpace(s)
}

// View returns the view with the given schema and name, or nil.
func (m *MetaData) View(schema, name string) *View {
	for _, v := range m.Views {
		if v.Schema == schema && v.Name == name {
			return v
		}
	}
	return nil
}

// RemoveView deletes the view with the given schema and name and reports
// whether it was there.
func (m *MetaData) RemoveView(schema, name string) bool {
	for i, v := range m.Views {
		if v.Schema == schema && v.Name == name {
			m.Views = slices.Delete(slices.Clone(m.Views), i, i+1)
			if len(m.Views) == 0 {
				m.Views = nil
			}
			return true
		}
	}
	return false
}
