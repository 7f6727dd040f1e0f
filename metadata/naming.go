package metadata

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// NamingConvention maps a constraint kind (ix, uq, ck, fk, pk) to a name
// template in SQLAlchemy's syntax: %(table_name)s, %(column_0_name)s,
// %(column_0N_name)s (all columns run together), %(column_0_N_name)s (all
// columns joined by _), the same three for _label (table_column) and _key,
// %(referred_table_name)s, %(referred_column_0_name)s (and its N forms), and
// %(constraint_name)s (a check's given name).
type NamingConvention map[string]string

// Constraint kinds, the keys of a [NamingConvention].
const (
	KindIndex      = "ix"
	KindUnique     = "uq"
	KindCheck      = "ck"
	KindForeignKey = "fk"
	KindPrimaryKey = "pk"
)

// DefaultNamingConvention names every constraint deterministically, so that
// revisions can drop constraints by name on every database. Checks are left
// to the database unless named, since a useful check name needs a human.
var DefaultNamingConvention = NamingConvention{
	KindIndex:      "ix_%(column_0_label)s",
	KindUnique:     "uq_%(table_name)s_%(column_0_name)s",
	KindForeignKey: "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
	KindPrimaryKey: "pk_%(table_name)s",
}

// MaxNameLength is the longest name a derived name may have: PostgreSQL's
// 63 bytes, the smallest limit of the databases Retort speaks. Longer
// derived names are shortened with a hash suffix, as SQLAlchemy does.
const MaxNameLength = 63

// NameSource is what a template's tokens are filled from.
type NameSource struct {
	Table          string
	Columns        []string
	RefTable       string
	RefColumns     []string
	ConstraintName string
}

// conventionKinds are the keys a [NamingConvention] may have.
var conventionKinds = []string{KindIndex, KindUnique, KindCheck, KindForeignKey, KindPrimaryKey}

// conventionTokens are the usual tokens, for suggestions.
var conventionTokens = []string{"table_name", "referred_table_name", "constraint_name",
	"column_0_name", "column_0_label", "column_0_key", "column_0N_name", "column_0_N_name",
	"column_0N_label", "column_0_N_label", "referred_column_0_name", "referred_column_0N_name",
	"referred_column_0_N_name"}

// checkTemplate reports the first unknown token of a template.
func checkTemplate(tmpl string) error {
	for _, m := range tokenRE().FindAllStringSubmatch(tmpl, -1) {
		tok := m[1]
		if slices.Contains(conventionTokens[:3], tok) || columnTokenRE().MatchString(tok) {
			continue
		}
		return fmt.Errorf("unknown token %%(%s)s%s", tok, didYouMean(tok, conventionTokens))
	}
	return nil
}

var tokenRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%\(([a-zA-Z0-9_]+)\)s`) })

// Derive fills the template for kind from src. It returns "" and no error
// when the convention has no template for kind.
func (nc NamingConvention) Derive(kind string, src NameSource) (string, error) {
	tmpl, ok := nc[kind]
	if !ok || tmpl == "" {
		return "", nil
	}
	var firstErr error
	name := expandTokens(tmpl, func(tok string) string {
		v, err := src.token(tok)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return v
	})
	if firstErr != nil {
		return "", fmt.Errorf("naming convention %s %q: %w", kind, tmpl, firstErr)
	}
	return truncateName(name), nil
}

// expandTokens replaces each %(name)s of tmpl (tokenRE's matches, left to
// right) by what value gives for name; without a regexp, since every
// derived name of every write and compare comes through here.
func expandTokens(tmpl string, value func(name string) string) string {
	if !strings.Contains(tmpl, "%(") {
		return tmpl
	}
	var b strings.Builder
	for i := 0; i < len(tmpl); {
		if strings.HasPrefix(tmpl[i:], "%(") {
			j := i + 2
			for j < len(tmpl) && tokenChar(tmpl[j]) {
				j++
			}
			if j > i+2 && strings.HasPrefix(tmpl[j:], ")s") {
				b.WriteString(value(tmpl[i+2 : j]))
				i = j + 2
				continue
			}
		}
		b.WriteByte(tmpl[i])
		i++
	}
	return b.String()
}

func tokenChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

var columnTokenRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(referred_)?column_(\d+)(N|_N)?_(name|label|key)$`) })

func (s NameSource) token(tok string) (string, error) {
	switch tok {
	case "table_name":
		return s.Table, nil
	case "referred_table_name":
		return s.RefTable, nil
	case "constraint_name":
		if s.ConstraintName == "" {
			return "", fmt.Errorf("%%(constraint_name)s needs the constraint to be named")
		}
		return s.ConstraintName, nil
	}
	m := columnTokenRE().FindStringSubmatch(tok)
	if m == nil {
		return "", fmt.Errorf("unknown token %%(%s)s", tok)
	}
	cols, table := s.Columns, s.Table
	if m[1] != "" {
		cols, table = s.RefColumns, s.RefTable
	}
	i, _ := strconv.Atoi(m[2])
	label := func(c string) string {
		if m[4] == "label" {
			return table + "_" + c
		}
		return c
	}
	switch m[3] {
	case "N", "_N":
		sep := map[string]string{"N": "", "_N": "_"}[m[3]]
		if i >= len(cols) {
			return "", fmt.Errorf("%%(%s)s: there is no column %d", tok, i)
		}
		parts := make([]string, 0, len(cols)-i)
		for _, c := range cols[i:] {
			parts = append(parts, label(c))
		}
		if m[4] == "label" && sep == "" {
			// SQLAlchemy's column_0N_label: table_a + table_b, no separator.
			return strings.Join(parts, ""), nil
		}
		return strings.Join(parts, sep), nil
	}
	if i >= len(cols) {
		return "", fmt.Errorf("%%(%s)s: there is no column %d", tok, i)
	}
	return label(cols[i]), nil
}

func truncateName(name string) string {
	if len(name) <= MaxNameLength {
		return name
	}
	sum := md5.Sum([]byte(name))
	h := hex.EncodeToString(sum[:])[:8]
	cut := MaxNameLength - len(h) - 1
	for cut > 0 && !isRuneStart(name[cut]) {
		cut--
	}
	return name[:cut] + "_" + h
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// DerivedName returns the name the convention gives each kind of object of
// t, or "" when there is none; name is the object's given name, used only by
// %(constraint_name)s.
func (m *MetaData) DerivedName(kind string, t *Table, cols []string, refTable string, refCols []string, name string) (string, error) {
	return m.Convention().Derive(kind, NameSource{Table: t.Name, Columns: cols, RefTable: refTable, RefColumns: refCols, ConstraintName: name})
}

// ApplyNamingConvention gives every unnamed constraint and index of m the
// name its convention derives. Explicit names are kept as they are. A name
// that cannot be derived is left empty and reported in the returned
// [ErrorList]; the other names are still filled in.
func (m *MetaData) ApplyNamingConvention() error {
	var errs ErrorList
	bad := map[string]bool{}
	for _, kind := range sortedKeys(m.NamingConvention) {
		if err := checkTemplate(m.NamingConvention[kind]); err != nil {
			errs.Add(Path("naming_convention").Field(kind), templateProblem, kind, err)
			bad[kind] = true
		}
	}
	for i, t := range m.Tables {
		m.nameTable(Path("tables").Index(i), t, bad, &errs)
	}
	return errs.Err()
}

// templateProblem reports a template with an unknown token.
const templateProblem = "naming convention %s: %v"

// nameTable names t's constraints and indexes, except those of the kinds
// whose template is bad (reported once, by the caller).
func (m *MetaData) nameTable(p Path, t *Table, bad map[string]bool, errs *ErrorList) {
	fill := func(at Path, what string, name *string, kind string, cols []string, refTable string, refCols []string) {
		if *name != "" || len(cols) == 0 || bad[kind] {
			return // named, unnamable here, or without columns: Validate reports that
		}
		n, err := m.DerivedName(kind, t, cols, refTable, refCols, "")
		if err != nil {
			errs.Add(at, "table %q: %s: cannot derive a name: %v; give it a name or fix the convention", t.QualifiedName(), what, err)
		}
		*name = n
	}
	if pk := t.PrimaryKey; pk != nil {
		fill(p.Field("primary_key"), "primary key", &pk.Name, KindPrimaryKey, pk.Columns, "", nil)
	}
	for k, fk := range t.ForeignKeys {
		fill(p.Field("foreign_keys").Index(k), "foreign key", &fk.Name, KindForeignKey, fk.Columns, fk.RefTable, fk.RefColumns)
	}
	for k, u := range t.Uniques {
		fill(p.Field("unique").Index(k), "unique constraint", &u.Name, KindUnique, u.Columns, "", nil)
	}
	for k, c := range t.Checks {
		if c.Name == "" && strings.Contains(m.Convention()[KindCheck], "%(constraint_name)s") {
			errs.Add(p.Field("checks").Index(k), "table %q: check %q has no name, and the ck naming convention uses %%(constraint_name)s: give it a name", t.QualifiedName(), c.Expression)
			continue
		}
		if c.Name == "" && !bad[KindCheck] {
			n, err := m.DerivedName(KindCheck, t, nil, "", nil, "")
			if err != nil {
				errs.Add(p.Field("checks").Index(k), "table %q: check %q: cannot derive a name: %v; give it a name", t.QualifiedName(), c.Expression, err)
			}
			c.Name = n
		}
	}
	for k, ix := range t.Indexes {
		at := p.Field("indexes").Index(k)
		if ix.Name == "" && len(ix.Columns) == 0 && len(ix.Expressions) > 0 && !bad[KindIndex] {
			n, err := m.DerivedName(KindIndex, t, nil, "", nil, "")
			if err != nil {
				errs.Add(at, "table %q: index on %s has no columns to derive a name from: give it a name", t.QualifiedName(), strings.Join(ix.Expressions, ", "))
			}
			ix.Name = n
			continue
		}
		fill(at, "index", &ix.Name, KindIndex, ix.Columns, "", nil)
	}
}
