package sqlite

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// How SQLite judges two spellings of a default, a check, an index
// expression or a partial-index predicate (autogenerate's comparison; see
// dialect.Equivalence). SQLite keeps the text as written, so the offline
// rules carry the whole meaning. Both texts are parsed and printed in one
// canonical form:
//
//   - TRUE and FALSE are 1 and 0 (SQLite's own definition);
//   - datetime('now'), date('now') and time('now') are CURRENT_TIMESTAMP,
//     CURRENT_DATE and CURRENT_TIME (same value, same text format);
//   - == is =, != is <>; an IN list's order does not matter;
//   - redundant parentheses (SQLite wants them around an expression
//     default: func.now() as (CURRENT_TIMESTAMP)), white space, quotes
//     and case of names, case of keywords and functions do not matter;
//     strings and numbers compare by value;
//   - a default's literal is read by the column's type affinity: '0' is 0
//     on INTEGER, NUMERIC and REAL affinity when it holds a number (what
//     SQLite stores), 0 is '0' on TEXT affinity; NULL is no default.
//
// Two texts that still differ are different, unless one calls a function
// the rules do not know: then it is Undecided (a note). Ask settles
// defaults by inserting both into a scratch temporary table.
var canonRules = &dialect.CanonRules{
	IgnoreIdentCase: true, BoolsAreInts: true,
	Known:   knownFunctions,
	Rewrite: rewrite,
}

var knownFunctions = map[string]bool{
	"current_timestamp": true, "current_date": true, "current_time": true, "datetime": true, "date": true,
	"time": true, "strftime": true, "julianday": true, "unixepoch": true, "lower": true, "upper": true,
	"length": true, "abs": true, "coalesce": true, "ifnull": true, "nullif": true, "random": true,
	"randomblob": true, "hex": true, "substr": true, "substring": true, "trim": true, "ltrim": true,
	"rtrim": true, "typeof": true, "json_valid": true, "instr": true, "replace": true, "round": true,
	"printf": true, "format": true, "glob": true, "like": true, "max": true, "min": true, "row": true,
	"lower_case": true, "json": true, "json_type": true, "iif": true, "unicode": true, "char": true,
}

// rewrite applies SQLite's own equivalences to a node.
func rewrite(n *dialect.Node) *dialect.Node {
	switch {
	case n.Kind == dialect.NodeFunc && len(n.Args) == 1 && n.Args[0].Kind == dialect.NodeString &&
		strings.EqualFold(n.Args[0].Text, "now"):
		switch n.Text {
		case "datetime":
			return &dialect.Node{Kind: dialect.NodeFunc, Text: "current_timestamp"}
		case "date":
			return &dialect.Node{Kind: dialect.NodeFunc, Text: "current_date"}
		case "time":
			return &dialect.Node{Kind: dialect.NodeFunc, Text: "current_time"}
		}
	}
	return n
}

// Equivalent judges two texts offline by the rules above.
func (d *Dialect) Equivalent(target, current dialect.Expr) dialect.Verdict {
	var lit func(*dialect.Node) *dialect.Node
	if target.Kind == dialect.ExprDefault && target.Column != nil {
		aff := columnAffinity(target.Column.Type)
		lit = func(n *dialect.Node) *dialect.Node { return literalFor(n, aff) }
	}
	return dialect.JudgeSQL(target.SQL, current.SQL, canonRules, lit)
}

// EquivalentTypes reports whether two types are one on SQLite: the same
// declared text, letter case and spacing aside (SQLite's rules ignore case;
// INT and INTEGER are not one, since only INTEGER PRIMARY KEY is a rowid
// alias), and the national spellings SQLite's documentation lists with the
// plain ones (NVARCHAR(n) is VARCHAR(n), NCHAR(n) and NATIVE CHARACTER(n)
// are CHAR(n), VARYING CHARACTER(n) is VARCHAR(n)). A length still counts:
// varchar(100) is not varchar(200). An enum is itself, not its TEXT.
func (d *Dialect) EquivalentTypes(target, current metadata.Type) bool {
	a, b := nationalPlain(target), nationalPlain(current)
	if a.For(Name).Kind == metadata.EnumKind || b.For(Name).Kind == metadata.EnumKind {
		return normalType(a).Equal(normalType(b))
	}
	return sameDeclared(a, b)
}

// nationalSpellings are the national character types and their plain names.
var nationalSpellings = []struct{ national, plain string }{
	{"nvarchar", "varchar"}, {"varying character", "varchar"}, {"native character", "char"}, {"nchar", "char"},
}

// nationalPlain respells a native national character type plainly.
func nationalPlain(t metadata.Type) metadata.Type {
	if t.Kind != metadata.Native {
		return t
	}
	text := strings.ToLower(strings.Join(strings.Fields(t.Native), " "))
	for _, n := range nationalSpellings {
		if rest, ok := strings.CutPrefix(text, n.national); ok && (rest == "" || rest[0] == '(' || rest[0] == ' ') {
			if p, err := metadata.ParseType(n.plain + rest); err == nil {
				return p
			}
		}
	}
	return t
}

// affinity is one of SQLite's column type affinities.
type affinity int

const (
	affNumeric affinity = iota
	affInteger
	affText
	affReal
	affBlob
)

// columnAffinity applies SQLite's rules (https://www.sqlite.org/datatype3.html
// section 3.1) to the declared type t renders as.
func columnAffinity(t metadata.Type) affinity {
	decl, err := typeSQL(t)
	if err != nil {
		return affBlob
	}
	u := strings.ToUpper(decl)
	switch {
	case strings.Contains(u, "INT"):
		return affInteger
	case strings.Contains(u, "CHAR"), strings.Contains(u, "CLOB"), strings.Contains(u, "TEXT"):
		return affText
	case u == "" || strings.Contains(u, "BLOB"):
		return affBlob
	case strings.Contains(u, "REAL"), strings.Contains(u, "FLOA"), strings.Contains(u, "DOUB"):
		return affReal
	}
	return affNumeric
}

// literalFor reads a default's literal as a column of affinity aff stores it.
func literalFor(n *dialect.Node, aff affinity) *dialect.Node {
	switch {
	case n.Kind == dialect.NodeString && (aff == affInteger || aff == affNumeric || aff == affReal):
		if num := dialect.NumberNode(n.Text); num != nil && n.Text == strings.TrimSpace(n.Text) {
			return num
		}
	case n.Kind == dialect.NodeNumber && aff == affText:
		return &dialect.Node{Kind: dialect.NodeString, Text: n.Text}
	}
	return n
}

// AutoIncrementSatisfied: autoincrement is satisfied by a rowid alias, the
// single-column INTEGER PRIMARY KEY, with or without the AUTOINCREMENT
// keyword (which SQLAlchemy and most SQLite users never write: it only
// stops the reuse of the numbers of deleted rows). The keyword is compared
// only where the model declares it (identity: autoincrement); Retort
// writes it when it creates an autoincrement column.
func (d *Dialect) AutoIncrementSatisfied(cur *metadata.Table, target, current *metadata.Column) bool {
	pk := cur.PrimaryKey
	return target.AutoIncrement && target.Identity != metadata.IdentityAutoincrement && pk != nil && len(pk.Columns) == 1 && strings.EqualFold(pk.Columns[0], current.Name) &&
		current.Type.Kind == metadata.Integer
}
