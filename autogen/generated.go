package autogen

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// generatedChange returns col's generation for an alter_column when it
// differs from old's ({} when col is not generated), or nil. Expressions
// are compared by meaning, as index expressions are. A column that
// becomes generated, or stops being, is warned of: dialects refuse it
// (dialect.ErrGeneratedConversion).
func (c *comparer) generatedChange(t *metadata.Table, col, old *metadata.Column) *metadata.Generated {
	g, og := col.Generated, old.Generated
	switch {
	case g == nil && og == nil:
		return nil
	case g == nil || og == nil:
		c.p.warnf("%s.%s: the column becomes generated or stops being generated, which no database does in place without replacing or freezing its values: %v",
			t.QualifiedName(), col.Name, dialect.ErrGeneratedConversion)
		return generatedOrZero(g)
	case g.Stored == og.Stored && c.sameExpr(t.QualifiedName()+"."+col.Name,
		dialect.Expr{Kind: dialect.ExprIndex, Table: t, SQL: g.Expression},
		dialect.Expr{Kind: dialect.ExprIndex, Table: t, SQL: og.Expression}, true):
		return nil
	}
	return g.Clone()
}

// generatedOrZero is a generation for alter_column: the empty one stands
// for a column that is not generated.
func generatedOrZero(g *metadata.Generated) *metadata.Generated {
	if g == nil {
		return &metadata.Generated{}
	}
	return g.Clone()
}
