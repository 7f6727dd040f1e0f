package mysql

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// How MySQL and MariaDB judge two spellings of a default, a check or an
// index expression (autogenerate's comparison; see dialect.Equivalence).
// Both sides have already been through canonicalDefault / canonicalExpr
// (canon.go: the CURRENT_TIMESTAMP family and its precision, which the
// server ties to the column's, booleans, quoted numbers). On top of that,
// both texts are parsed and printed in one canonical form:
//
//   - now(), current_timestamp(), localtime and localtimestamp are
//     CURRENT_TIMESTAMP, with their precision kept; TRUE and FALSE are 1
//     and 0;
//   - != is <>; an IN list's order does not matter; redundant parentheses,
//     white space, backticks and the case of names, keywords and
//     functions do not matter; strings compare by value (backslash
//     escapes read, charset introducers such as _utf8mb4 dropped);
//   - a default's literal is read by its column's type: '0' is 0 on a
//     number column, 0 is '0' on a text column; each side of ON UPDATE is
//     judged alone.
//
// Two texts that still differ are different, unless one calls a function
// the rules do not know: then it is Undecided (a note). Ask settles
// defaults by inserting both into a scratch TEMPORARY table.
var canonRules = &dialect.CanonRules{
	Backslash: true, IgnoreIdentCase: true, BoolsAreInts: true,
	Synonyms: map[string]string{"now/0": "current_timestamp", "now/1": "current_timestamp",
		"localtime/0": "current_timestamp", "localtimestamp/0": "current_timestamp",
		"localtime/1": "current_timestamp", "localtimestamp/1": "current_timestamp",
		"current_date/0": "curdate", "curdate/0": "curdate", "char_length/1": "char_length",
		"octet_length/1": "length", "lcase/1": "lower", "ucase/1": "upper"},
	Known:   knownFunctions,
	Rewrite: rewrite,
}

var knownFunctions = map[string]bool{
	"current_timestamp": true, "curdate": true, "current_time": true, "curtime": true, "utc_timestamp": true,
	"sysdate": true, "unix_timestamp": true, "lower": true, "upper": true, "length": true, "char_length": true,
	"abs": true, "coalesce": true, "ifnull": true, "nullif": true, "rand": true, "uuid": true, "uuid_short": true,
	"json_valid": true, "json_object": true, "json_array": true, "concat": true, "substr": true,
	"substring": true, "trim": true, "left": true, "right": true, "round": true, "regexp_like": true,
	"current_user": true, "user": true, "row": true, "year": true, "date": true, "if": true,
}

// rewrite applies MySQL's own equivalences to a node.
func rewrite(n *dialect.Node) *dialect.Node {
	switch {
	case n.Kind == dialect.NodeFunc && n.Text == "current_date":
		n.Text = "curdate"
	}
	return n
}

// Equivalent judges two texts offline by the rules above.
func (d *Dialect) Equivalent(target, current dialect.Expr) dialect.Verdict {
	if target.Kind != dialect.ExprDefault || target.Column == nil {
		return dialect.JudgeSQL(target.SQL, current.SQL, canonRules, nil)
	}
	typ := target.Column.Type
	lit := func(n *dialect.Node) *dialect.Node { return literalFor(n, typ) }
	tv, tu := splitOnUpdate(target.SQL)
	cv, cu := splitOnUpdate(current.SQL)
	v := dialect.JudgeSQL(tv, cv, canonRules, lit)
	if v != dialect.Same || tu == cu {
		return v
	}
	return dialect.JudgeSQL(tu, cu, canonRules, nil)
}

// EquivalentTypes reports whether two types are one on the server: the
// same column type once rendered and read back (bool is tinyint(1)).
func (d *Dialect) EquivalentTypes(target, current metadata.Type) bool {
	a, errA := typeSQL(target.For("mysql"), "", nil)
	b, errB := typeSQL(current.For("mysql"), "", nil)
	if errA != nil || errB != nil {
		return false
	}
	ta, _ := canonicalType(a)
	tb, _ := canonicalType(b)
	return ta.Equal(tb)
}

// splitOnUpdate splits "X ON UPDATE Y" (as canonicalDefault spells it).
func splitOnUpdate(s string) (value, onUpdate string) {
	if i := indexOutside(asciiLower(s), " on update "); i >= 0 {
		return s[:i], strings.TrimSpace(s[i+len(" on update "):])
	}
	return s, ""
}

// literalFor reads a default's literal by the column's type.
func literalFor(n *dialect.Node, t metadata.Type) *dialect.Node {
	switch {
	case n.Kind == dialect.NodeString && (isNumericKind(t.Kind) || t.Kind == metadata.Boolean):
		if num := dialect.NumberNode(n.Text); num != nil {
			return num
		}
	case n.Kind == dialect.NodeNumber && (t.Kind == metadata.Text || t.Kind == metadata.Varchar || t.Kind == metadata.Char):
		return &dialect.Node{Kind: dialect.NodeString, Text: n.Text}
	case t.Kind == metadata.Boolean && n.Kind == dialect.NodeKeyword:
		return rewrite(n)
	}
	return n
}
