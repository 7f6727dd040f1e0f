package postgres

import (
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/retortdb/retort/metadata"
)

// Normalize returns m as PostgreSQL gives it back through Inspect: types
// mapped to PostgreSQL and back (blob and varbinary as bytea read back as
// blob; serial types as integers with autoincrement; native spellings in
// format_type's form), variants resolved, defaults as pg_get_expr prints
// simple ones, an autoincrement column without default, primary key columns
// NOT NULL, no action as the empty action, btree as the default index
// method, names PostgreSQL would give unnamed constraints, and tables,
// enums, constraints and indexes sorted by name, as Inspect lists them;
// sequences with PostgreSQL's defaults left unset ([CompactSequence]).
// Check expressions, index expressions and predicates are left as written.
func (p Postgres) Normalize(m *metadata.MetaData) *metadata.MetaData {
	n := m.Clone()
	for _, t := range n.Tables {
		nt := named(n, t)
		*t = *nt
		normalizeTable(t)
	}
	for i, s := range n.Sequences {
		n.Sequences[i] = CompactSequence(s, "", nil)
	}
	normalizeViews(n)
	normalizeRoutines(n)
	sort.SliceStable(n.Sequences, func(i, j int) bool {
		a, b := n.Sequences[i], n.Sequences[j]
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.Name < b.Name
	})
	sort.SliceStable(n.Tables, func(i, j int) bool {
		a, b := n.Tables[i], n.Tables[j]
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.Name < b.Name
	})
	normalizeDomains(n)
	sort.SliceStable(n.Enums, func(i, j int) bool {
		a, b := n.Enums[i], n.Enums[j]
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.Name < b.Name
	})
	return n
}

func normalizeTable(t *metadata.Table) {
	// Character sets and row formats are MySQL's; a table has no
	// collation here (a column's COLLATE is kept).
	t.Charset, t.Collation, t.RowFormat = "", "", ""
	pk := map[string]bool{}
	if t.PrimaryKey != nil {
		for _, c := range t.PrimaryKey.Columns {
			pk[c] = true
		}
		if t.PrimaryKey.Name == "" {
			t.PrimaryKey.Name = truncate(t.Name+"_pkey", 63)
		}
	}
	for _, c := range t.Columns {
		var auto bool
		c.Type, auto = CanonicalType(typeOf(c.Type))
		c.AutoIncrement = c.AutoIncrement || auto
		if pk[c.Name] || c.AutoIncrement {
			c.Nullable = false
		}
		c.Default = NormalizeDefault(c.Default)
		if c.AutoIncrement {
			c.Default = ""
		}
		if c.Identity == metadata.IdentityAutoincrement || c.Identity == metadata.IdentityRowid {
			c.Identity = "" // SQLite's kinds: the default here
		}
		if c.AutoIncrement && c.Identity == "" {
			c.Identity = metadata.IdentityByDefault // what columnDef creates
		}
		if c.AutoIncrement && c.Identity == metadata.IdentitySerial {
			c.Sequence = CompactSequence(c.Sequence, t.Name, c)
		} else {
			c.Sequence = nil
		}
		if !c.AutoIncrement {
			c.Identity = ""
		}
		normalizeColumnExtras(c)
		normalizeAttributes(c)
	}
	if pk := t.PrimaryKey; pk != nil && !pk.Deferrable {
		pk.InitiallyDeferred = false
	}
	for _, u := range t.Uniques {
		if u.Name == "" && len(u.Columns) > 0 {
			u.Name = truncate(t.Name+"_"+strings.Join(u.Columns, "_")+"_key", 63)
		}
		if !u.Deferrable {
			u.InitiallyDeferred = false
		}
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" && len(fk.Columns) > 0 {
			fk.Name = truncate(t.Name+"_"+strings.Join(fk.Columns, "_")+"_fkey", 63)
		}
		if fk.RefSchema == t.Schema {
			fk.RefSchema = ""
		}
		fk.OnDelete = normalizeAction(fk.OnDelete)
		fk.OnUpdate = normalizeAction(fk.OnUpdate)
		if !fk.Deferrable {
			fk.InitiallyDeferred = false
		}
	}
	for _, c := range t.Checks {
		if c.Name == "" {
			c.Name = checkName(t, c.Expression)
		}
		c.Expression = stripOuterParens(strings.TrimSpace(c.Expression))
	}
	for _, ix := range t.Indexes {
		if strings.EqualFold(ix.Using, "btree") {
			ix.Using = ""
		}
		ix.Using = strings.ToLower(ix.Using)
	}
	byName := func(n func(i int) string) func(i, j int) bool {
		return func(i, j int) bool { return n(i) < n(j) }
	}
	sort.SliceStable(t.Uniques, byName(func(i int) string { return t.Uniques[i].Name }))
	sort.SliceStable(t.ForeignKeys, byName(func(i int) string { return t.ForeignKeys[i].Name }))
	sort.SliceStable(t.Checks, byName(func(i int) string { return t.Checks[i].Name }))
	sort.SliceStable(t.Indexes, byName(func(i int) string { return t.Indexes[i].Name }))
}

func normalizeAction(a string) string {
	a = strings.ToLower(strings.TrimSpace(a))
	if a == metadata.NoAction {
		return ""
	}
	return a
}

// serials are PostgreSQL's auto-numbered integer pseudo-types.
var serials = map[string]metadata.Kind{
	"serial": metadata.Integer, "serial4": metadata.Integer,
	"bigserial": metadata.BigInt, "serial8": metadata.BigInt,
	"smallserial": metadata.SmallInt, "serial2": metadata.SmallInt,
}

// nativeSpellings maps native type names to format_type's spelling.
var nativeSpellings = map[string]string{
	"int": "integer", "int4": "integer", "int2": "smallint", "int8": "bigint",
	"float4": "real", "float8": "double precision", "bool": "boolean",
	"varchar": "character varying", "char": "character", "bpchar": "character",
	"decimal": "numeric", "timetz": "time with time zone", "varbit": "bit varying",
	"timestamp": "timestamp without time zone", "timestamptz": "timestamp with time zone",
	"time": "time without time zone",
}

var nativeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([a-z_][a-z0-9_ ]*?)\s*(\([0-9, ]*\))?\s*((?:with|without) time zone)?\s*((?:\[\])*)$`)
})

// CanonicalType returns the canonical type PostgreSQL reads t back as, and
// whether t is a serial type (an autoincrement integer).
func CanonicalType(t metadata.Type) (metadata.Type, bool) {
	switch t.Kind {
	case metadata.VarBinary:
		return metadata.BlobType, false
	case metadata.Numeric:
		return metadata.NumericType(t.Precision, t.Scale), false
	case metadata.Native:
	default:
		return t, false
	}
	text := strings.ToLower(strings.Join(strings.Fields(t.Native), " "))
	if k, ok := serials[text]; ok {
		return metadata.Type{Kind: k}, true
	}
	return fromFormatType(nativeForm(text)), false
}

// nativeForm respells a native type as format_type prints it: int4[] as
// integer[], timestamptz(3) as timestamp(3) with time zone.
func nativeForm(text string) string {
	m := nativeRE().FindStringSubmatch(text)
	if m == nil {
		return text
	}
	base, args, zone, arrays := m[1], strings.ReplaceAll(m[2], " ", ""), m[3], m[4]
	switch base {
	case "timestamptz", "timetz":
		base, zone = strings.TrimSuffix(base, "tz"), "with time zone"
	}
	if s, ok := nativeSpellings[base]; ok {
		base = s
	}
	if strings.HasSuffix(base, " without time zone") || strings.HasSuffix(base, " with time zone") {
		i := strings.Index(base, " with")
		if zone == "" {
			zone = strings.TrimSpace(base[i:])
		}
		base = base[:i]
	}
	if (base == "timestamp" || base == "time") && zone == "" {
		zone = "without time zone"
	}
	if base == "bit" && args == "" {
		args = "(1)"
	}
	if args == "" && base == "character" {
		args = "(1)"
	}
	out := base + args
	if zone != "" {
		out += " " + zone
	}
	return out + arrays
}

var wordRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`"(?:[^"]|"")*"|'(?:[^']|'')*'|[A-Za-z_][A-Za-z0-9_$]*`)
})

// checkName is the name PostgreSQL gives an unnamed check: table_column_check
// when the expression uses exactly one column, else table_check.
func checkName(t *metadata.Table, expr string) string {
	used := map[string]bool{}
	for _, w := range wordRE().FindAllString(expr, -1) {
		switch {
		case w[0] == '\'':
			continue
		case w[0] == '"':
			w = strings.ReplaceAll(w[1:len(w)-1], `""`, `"`)
		default:
			w = strings.ToLower(w)
		}
		if t.Column(w) != nil {
			used[w] = true
		}
	}
	if len(used) == 1 {
		for c := range used {
			return truncate(t.Name+"_"+c+"_check", 63)
		}
	}
	return truncate(t.Name+"_check", 63)
}
