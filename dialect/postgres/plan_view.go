package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planView renders the view ops; ok is false for any other op.
func (p Postgres) planView(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateView:
		out, err = p.createView(o.View, false)
	case *ops.DropView:
		r := o.Ref()
		out = p.dropView(r.Schema, r.Table, o.IsMaterialized())
	case *ops.ReplaceView:
		out, err = p.replaceView(o)
	default:
		return nil, false, nil
	}
	return out, true, err
}

// createView renders CREATE [OR REPLACE] [MATERIALIZED] VIEW, then the
// indexes of a materialized view and the comment.
func (p Postgres) createView(v *metadata.View, replace bool) ([]dialect.Statement, error) {
	if v.Materialized && v.CheckOption != "" {
		return nil, fmt.Errorf("materialized view %s: PostgreSQL has no CHECK OPTION for a materialized view; remove check_option", v.QualifiedName())
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(viewKind(v.Materialized) + " " + p.qname(v.Schema, v.Name))
	var opts []string
	if v.SecurityBarrier {
		opts = append(opts, "security_barrier = true")
	}
	if v.SecurityInvoker {
		opts = append(opts, "security_invoker = true")
	}
	if len(opts) > 0 {
		if v.Materialized {
			return nil, fmt.Errorf("materialized view %s: security_barrier and security_invoker are options of plain views; remove them", v.QualifiedName())
		}
		b.WriteString(" WITH (" + strings.Join(opts, ", ") + ")")
	}
	b.WriteString(" AS\n" + v.Definition)
	if v.CheckOption != "" {
		b.WriteString("\nWITH " + strings.ToUpper(v.CheckOption) + " CHECK OPTION")
	}
	out := stmts(b.String())
	r := ops.TableRef{Schema: v.Schema, Table: v.Name}
	for _, ix := range v.Indexes {
		if ix.Name == "" {
			return nil, fmt.Errorf("materialized view %s: an index has no name; name it", v.QualifiedName())
		}
		out = append(out, stmts(dialect.CreateIndexSQL(p, r, ix))...)
	}
	if v.Comment != "" {
		c, err := p.comment(viewKind(v.Materialized)+" "+p.qname(v.Schema, v.Name), v.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}

func viewKind(materialized bool) string {
	if materialized {
		return "MATERIALIZED VIEW"
	}
	return "VIEW"
}

func (p Postgres) dropView(schema, name string, materialized bool) []dialect.Statement {
	return stmts("DROP " + viewKind(materialized) + " " + p.qname(schema, name))
}

// replaceView replaces a plain view in place with CREATE OR REPLACE VIEW
// (its options replaced too; PostgreSQL refuses a query whose columns
// are not the old ones, in order, with more at the end) and sets a changed
// comment; a materialized view, or a change of kind, is dropped and
// created.
func (p Postgres) replaceView(o *ops.ReplaceView) ([]dialect.Statement, error) {
	v, old := o.View, o.Existing
	wasMat := old != nil && old.Materialized
	if v.Materialized || wasMat {
		out := p.dropView(v.Schema, v.Name, wasMat)
		more, err := p.createView(v, false)
		return append(out, more...), err
	}
	plain := v.Clone()
	plain.Comment = ""
	out, err := p.createView(plain, true)
	if err != nil {
		return nil, err
	}
	if old == nil || old.Comment != v.Comment {
		c, err := p.comment("VIEW "+p.qname(v.Schema, v.Name), v.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}
