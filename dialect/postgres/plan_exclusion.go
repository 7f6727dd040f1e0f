package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// exclusionClause renders [CONSTRAINT name] EXCLUDE [USING method]
// (element WITH operator, ...) [INCLUDE (columns)] [WHERE (predicate)]
// [DEFERRABLE [INITIALLY DEFERRED]]: a column element quoted, an
// expression as written.
func (p Postgres) exclusionClause(x *metadata.Exclusion) string {
	var b strings.Builder
	if x.Name != "" {
		b.WriteString("CONSTRAINT " + p.QuoteIdent(x.Name) + " ")
	}
	b.WriteString("EXCLUDE ")
	if x.Using != "" {
		b.WriteString("USING " + x.Using + " ")
	}
	parts := make([]string, len(x.Elements))
	for i, e := range x.Elements {
		el := e.Expression
		if e.Column != "" {
			el = p.QuoteIdent(e.Column)
		}
		parts[i] = el + " WITH " + e.Operator
	}
	b.WriteString("(" + strings.Join(parts, ", ") + ")")
	if len(x.Include) > 0 {
		b.WriteString(" INCLUDE (" + dialect.QuoteList(p, x.Include) + ")")
	}
	if x.Where != "" {
		b.WriteString(" WHERE (" + x.Where + ")")
	}
	b.WriteString(dialect.Deferral(x.Deferrable, x.InitiallyDeferred))
	return b.String()
}

// createExclusion plans ALTER TABLE ADD CONSTRAINT ... EXCLUDE.
func (p Postgres) createExclusion(o *ops.CreateExclusionConstraint) []dialect.Statement {
	return stmts("ALTER TABLE " + p.table(o.TableRef) + " ADD " + p.exclusionClause(o.Exclusion))
}
