package dialect

import (
	"context"
	"database/sql"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// ExprKind says what an SQL text in a comparison is.
type ExprKind int

// The SQL texts autogenerate compares by meaning.
const (
	// ExprDefault is a column's server default; Expr.Column is set.
	ExprDefault ExprKind = iota
	// ExprCheck is a check constraint's expression.
	ExprCheck
	// ExprIndex is one expression of an expression index.
	ExprIndex
	// ExprPredicate is a partial index's WHERE.
	ExprPredicate
)

// String names the kind in notes: "default", "check", ...
func (k ExprKind) String() string {
	switch k {
	case ExprDefault:
		return "default"
	case ExprCheck:
		return "check"
	case ExprIndex:
		return "index expression"
	case ExprPredicate:
		return "index predicate"
	}
	return "expression"
}

// Expr is one SQL text of a model, with what gives it its meaning: the
// table it belongs to and, for a default, the column (whose type decides
// what a literal means).
type Expr struct {
	Kind   ExprKind
	Table  *metadata.Table
	Column *metadata.Column
	SQL    string
}

// Verdict is the answer to "do these two spellings mean the same?".
type Verdict int

// The verdicts.
const (
	// Different: the two mean different things (a real change).
	Different Verdict = iota
	// Same: the two are spellings of one meaning (no change).
	Same
	// Undecided: the rules cannot tell (an expression they cannot
	// canonicalise); autogenerate notes it, and --strict makes it a change.
	Undecided
)

// Equivalence is implemented by dialects that judge two spellings of an
// SQL text by meaning rather than by spelling (optional, by type
// assertion; see CHANGES-INTERFACE.md). Each dialect's equiv.go documents
// its rules. Target is the schema.yaml side, current what the database (or
// the folded history) holds; both have been through Normalize.
type Equivalence interface {
	// Equivalent answers offline, by the dialect's documented rules.
	Equivalent(target, current Expr) Verdict
	// EquivalentTypes reports whether two column types are one type on
	// this database (int4 and integer, bool and tinyint(1), ...), with col
	// the target's column.
	EquivalentTypes(target, current metadata.Type) bool
}

// TxBeginner is what an online question needs: *sql.DB or *sql.Conn. The
// questions run in one transaction that is rolled back.
type TxBeginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// Pair is one question for the database: do Target and Current mean the
// same?
type Pair struct{ Target, Current Expr }

// EquivalenceAsker is implemented by dialects that can ask the database
// itself (optional, by type assertion). Ask answers all the pairs of a run
// in a fixed number of statements, whatever their number: the declared
// texts are rendered into scratch objects (a temporary table, in a
// transaction rolled back at the end) whose values or catalog text are read
// back at once. A pair the database cannot answer is Undecided. Nothing is
// left behind in the database.
type EquivalenceAsker interface {
	Ask(ctx context.Context, db TxBeginner, pairs []Pair) ([]Verdict, error)
}

// JudgeSQL is the offline verdict on two SQL texts under r: Same when their
// canonical forms agree, Different when they differ and every function in
// them is known, Undecided otherwise (an unknown function, or text outside
// the grammar of [Canonical]). literal, when set, rewrites each parsed root
// first (a default's literal read by its column's type).
func JudgeSQL(target, current string, r *CanonRules, literal func(*Node) *Node) Verdict {
	target, current = strings.TrimSpace(target), strings.TrimSpace(current)
	if target == current {
		return Same
	}
	if target == "" || current == "" {
		ct, errT := CanonicalText(target, r, literal)
		cc, errC := CanonicalText(current, r, literal)
		if errT == nil && errC == nil && ct == cc {
			return Same // NULL is no default
		}
		return Different
	}
	a, err := canonicalWith(target, r, literal)
	if err != nil {
		return Undecided
	}
	b, err := canonicalWith(current, r, literal)
	if err != nil {
		return Undecided
	}
	switch {
	case a.Text == b.Text:
		return Same
	case a.Opaque || b.Opaque:
		return Undecided
	}
	return Different
}

// CanonicalText is the canonical text of src under r (and literal), ""
// for an empty text or NULL.
func CanonicalText(src string, r *CanonRules, literal func(*Node) *Node) (string, error) {
	if strings.TrimSpace(src) == "" {
		return "", nil
	}
	c, err := canonicalWith(src, r, literal)
	return c.Text, err
}

func canonicalWith(src string, r *CanonRules, literal func(*Node) *Node) (Canon, error) {
	c, err := Canonical(src, r)
	if err != nil || literal == nil {
		return c, err
	}
	root := literal(c.Root)
	if root == nil || root.Kind == NodeKeyword && root.Text == "null" {
		return Canon{}, nil
	}
	text, opaque := Print(root, r)
	return Canon{Text: text, Root: root, Opaque: opaque}, nil
}

// AutoIncrementEquivalence is implemented by dialects on which a column
// can number rows without saying autoincrement (optional, by type
// assertion). SQLite: an INTEGER PRIMARY KEY is an alias of the rowid and
// numbers rows; the AUTOINCREMENT keyword only stops the reuse of numbers.
type AutoIncrementEquivalence interface {
	// AutoIncrementSatisfied reports whether current, a column of table
	// cur that does not say autoincrement, numbers rows as target (which
	// does) asks.
	AutoIncrementSatisfied(cur *metadata.Table, target, current *metadata.Column) bool
}
