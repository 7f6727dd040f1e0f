package postgres

import (
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// createDomain renders CREATE DOMAIN with its collation, default, NOT
// NULL and named checks, then its comment.
func (p Postgres) createDomain(d *metadata.Domain) ([]dialect.Statement, error) {
	typ, err := p.TypeSQL(d.Type)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	b.WriteString("CREATE DOMAIN " + p.qname(d.Schema, d.Name) + " AS " + typ)
	if d.Collation != "" {
		b.WriteString(" COLLATE " + p.QuoteIdent(d.Collation))
	}
	if d.Default != "" {
		b.WriteString(" DEFAULT " + d.Default)
	}
	if d.NotNull {
		b.WriteString(" NOT NULL")
	}
	for _, c := range d.Checks {
		b.WriteString(" " + dialect.CheckClause(p, c))
	}
	out := stmts(b.String())
	if d.Comment != "" {
		s, err := p.comment("DOMAIN "+p.qname(d.Schema, d.Name), d.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

// alterDomain renders one ALTER DOMAIN per change: default, NOT NULL, the
// checks dropped, then those added (a changed check is both).
func (p Postgres) alterDomain(o *ops.AlterDomain) []dialect.Statement {
	alter := "ALTER DOMAIN " + p.qname(o.Schema, o.DomainName) + " "
	var out []string
	if o.Default != nil {
		if *o.Default == "" {
			out = append(out, alter+"DROP DEFAULT")
		} else {
			out = append(out, alter+"SET DEFAULT "+*o.Default)
		}
	}
	if o.NotNull != nil {
		if *o.NotNull {
			out = append(out, alter+"SET NOT NULL")
		} else {
			out = append(out, alter+"DROP NOT NULL")
		}
	}
	for _, c := range o.DropChecks {
		out = append(out, alter+"DROP CONSTRAINT "+p.QuoteIdent(c.Name))
	}
	for _, c := range o.AddChecks {
		out = append(out, alter+"ADD "+dialect.CheckClause(p, c))
	}
	return stmts(out...)
}

// createExtension renders CREATE EXTENSION with its schema and version
// where the op says them.
func (p Postgres) createExtension(e *metadata.Extension) ([]dialect.Statement, error) {
	s := "CREATE EXTENSION " + p.QuoteIdent(e.Name)
	if e.Schema != "" {
		s += " SCHEMA " + p.QuoteIdent(e.Schema)
	}
	if e.Version != "" {
		lit, err := p.Literal(e.Version)
		if err != nil {
			return nil, err
		}
		s += " VERSION " + lit
	}
	return stmts(s), nil
}
