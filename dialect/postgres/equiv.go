package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// How PostgreSQL judges two spellings of a default, a check, an index
// expression or a partial-index predicate (autogenerate's comparison; see
// dialect.Equivalence). Offline, both texts are parsed and printed in one
// canonical form:
//
//   - casts the catalog adds are dropped: on literals, names and arrays
//     ('a'::character varying, (role)::text, '{}'::json); a cast on any
//     other expression is kept;
//   - x = ANY (ARRAY[a, b]) is x IN (a, b); x <> ALL (ARRAY[...]) is
//     x NOT IN (...); an IN list's order does not matter;
//   - now(), transaction_timestamp() and CURRENT_TIMESTAMP are one
//     function (the transaction's start); clock_timestamp() and
//     statement_timestamp() are others;
//   - redundant parentheses, white space and the case of keywords,
//     functions and unquoted names do not matter; strings compare by value
//     (E'a\\b' is 'a\b'); numbers by value (1.50 is 1.5);
//   - a default's literal is read by its column's type: '0' is 0 on a
//     number column, 't', 'true', 'yes', 'on', '1' are true on a boolean,
//     0 is '0' on a text column; NULL is no default.
//
// Two texts that still differ are different, unless one calls a function
// the rules do not know (Known): then it is Undecided, a note, which the
// online question (Ask) settles.
var canonRules = &dialect.CanonRules{
	EStrings: true, FoldCase: true, DropCasts: true,
	Synonyms: map[string]string{"now/0": "current_timestamp", "transaction_timestamp/0": "current_timestamp",
		"char_length/1": "length", "character_length/1": "length", "lcase/1": "lower", "ucase/1": "upper"},
	Known: knownFunctions,
}

// knownFunctions are the functions the offline rules know the meaning of.
var knownFunctions = map[string]bool{
	"current_timestamp": true, "current_date": true, "current_time": true, "localtimestamp": true,
	"localtime": true, "clock_timestamp": true, "statement_timestamp": true, "timeofday": true,
	"current_user": true, "session_user": true, "current_role": true, "current_schema": true, "user": true,
	"current_catalog": true, "lower": true, "upper": true, "length": true, "octet_length": true,
	"btrim": true, "ltrim": true, "rtrim": true, "trim": true, "coalesce": true, "nullif": true,
	"abs": true, "round": true, "floor": true, "ceil": true, "random": true, "gen_random_uuid": true,
	"uuid_generate_v4": true, "uuid_generate_v1": true, "nextval": true, "date_trunc": true, "row": true,
	"substring": true, "substr": true, "left": true, "right": true, "concat": true, "md5": true,
	"array_length": true, "cardinality": true, "greatest": true, "least": true, "to_tsvector": true,
	"jsonb_typeof": true, "json_typeof": true, "position": true, "strpos": true, "num_nonnulls": true,
}

// Equivalent judges two texts offline by the rules above.
func (Postgres) Equivalent(target, current dialect.Expr) dialect.Verdict {
	var lit func(*dialect.Node) *dialect.Node
	if target.Kind == dialect.ExprDefault && target.Column != nil {
		t, _ := CanonicalType(typeOf(target.Column.Type))
		lit = func(n *dialect.Node) *dialect.Node { return literalFor(n, t) }
	}
	return dialect.JudgeSQL(target.SQL, current.SQL, canonRules, lit)
}

// EquivalentTypes reports whether two types are one on PostgreSQL, after
// format_type's spelling (int4 is integer, varchar(10) is character
// varying(10), numeric(10) is numeric(10,0)).
func (Postgres) EquivalentTypes(target, current metadata.Type) bool {
	a, _ := CanonicalType(typeOf(target))
	b, _ := CanonicalType(typeOf(current))
	return a.Equal(b)
}

// literalFor reads a default's literal by the column's type.
func literalFor(n *dialect.Node, t metadata.Type) *dialect.Node {
	switch {
	case n.Kind == dialect.NodeString && isNumberKind(t.Kind):
		if num := dialect.NumberNode(n.Text); num != nil {
			return num
		}
	case t.Kind == metadata.Boolean && (n.Kind == dialect.NodeString || n.Kind == dialect.NodeNumber):
		switch strings.ToLower(strings.TrimSpace(n.Text)) {
		case "t", "true", "y", "yes", "on", "1":
			return &dialect.Node{Kind: dialect.NodeKeyword, Text: "true"}
		case "f", "false", "n", "no", "off", "0":
			return &dialect.Node{Kind: dialect.NodeKeyword, Text: "false"}
		}
	case n.Kind == dialect.NodeNumber && isTextKind(t.Kind):
		return &dialect.Node{Kind: dialect.NodeString, Text: n.Text}
	}
	return n
}

func isNumberKind(k metadata.Kind) bool {
	switch k {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Numeric, metadata.Real, metadata.Double:
		return true
	}
	return false
}

func isTextKind(k metadata.Kind) bool {
	switch k {
	case metadata.Text, metadata.Varchar, metadata.Char:
		return true
	}
	return false
}
