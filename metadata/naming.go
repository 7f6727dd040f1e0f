package metadata

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"regexp"
	"strconv"
	"strings"
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

var tokenRE = regexp.MustCompile(`%\(([a-zA-Z0-9_]+)\)s`)

// Derive fills the template for kind from src. It returns "" and no error
// when the convention has no template for kind.
func (nc NamingConvention) Derive(kind string, src NameSource) (string, error) {
	tmpl, ok := nc[kind]
	if !ok || tmpl == "" {
		return "", nil
	}
	var firstErr error
	name := tokenRE.ReplaceAllStringFunc(tmpl, func(tok string) string {
		v, err := src.token(tokenRE.FindStringSubmatch(tok)[1])
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

var columnTokenRE = regexp.MustCompile(`^(referred_)?column_(\d+)(N|_N)?_(name|label|key)$`)

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
	m := columnTokenRE.FindStringSubmatch(tok)
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
// name its convention derives. Explicit names are kept as they are.
func (m *MetaData) ApplyNamingConvention() error {
	for _, t := range m.Tables {
		if err := m.nameTable(t); err != nil {
			return fmt.Errorf("table %s: %w", t.QualifiedName(), err)
		}
	}
	return nil
}

func (m *MetaData) nameTable(t *Table) error {
	fill := func(name *string, kind string, cols []string, refTable string, refCols []string) error {
		if *name != "" {
			return nil
		}
		n, err := m.DerivedName(kind, t, cols, refTable, refCols, "")
		*name = n
		return err
	}
	if pk := t.PrimaryKey; pk != nil {
		if err := fill(&pk.Name, KindPrimaryKey, pk.Columns, "", nil); err != nil {
			return err
		}
	}
	for _, fk := range t.ForeignKeys {
		if err := fill(&fk.Name, KindForeignKey, fk.Columns, fk.RefTable, fk.RefColumns); err != nil {
			return err
		}
	}
	for _, u := range t.Uniques {
		if err := fill(&u.Name, KindUnique, u.Columns, "", nil); err != nil {
			return err
		}
	}
	for _, c := range t.Checks {
		if c.Name == "" && strings.Contains(m.Convention()[KindCheck], "%(constraint_name)s") {
			return fmt.Errorf("check %q has no name, and the ck naming convention uses %%(constraint_name)s: give it a name", c.Expression)
		}
		if err := fill(&c.Name, KindCheck, nil, "", nil); err != nil {
			return err
		}
	}
	for _, ix := range t.Indexes {
		if ix.Name == "" && len(ix.Columns) == 0 {
			return fmt.Errorf("index on %v has no columns to derive a name from: give it a name", ix.Expressions)
		}
		if err := fill(&ix.Name, KindIndex, ix.Columns, "", nil); err != nil {
			return err
		}
	}
	return nil
}
