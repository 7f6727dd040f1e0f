package mysql

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planView renders the view ops; ok is false for any other op. A
// replace is CREATE OR REPLACE VIEW: the view keeps its privileges.
func (p *planner) planView(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	var s string
	switch o := o.(type) {
	case *ops.CreateView:
		s, err = p.createView(o.View, false)
	case *ops.DropView:
		if o.IsMaterialized() {
			return nil, true, dialect.ErrNoMaterializedViews
		}
		s = "DROP VIEW " + p.table(o.Ref())
	case *ops.ReplaceView:
		s, err = p.createView(o.View, true)
	default:
		return nil, false, nil
	}
	return sqls(s), true, err
}

// createView renders CREATE [OR REPLACE] [ALGORITHM=] [DEFINER=] [SQL
// SECURITY] VIEW ... [WITH ... CHECK OPTION]. No DEFINER clause leaves the
// definer to the server: the account that runs the migration.
func (p *planner) createView(v *metadata.View, replace bool) (string, error) {
	if v.Materialized {
		return "", fmt.Errorf("view %s: %w", v.QualifiedName(), dialect.ErrNoMaterializedViews)
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	if v.Algorithm != "" {
		b.WriteString("ALGORITHM = " + strings.ToUpper(v.Algorithm) + " ")
	}
	if v.Definer != "" {
		b.WriteString(p.definerClause(v.Definer))
	}
	if v.Security != "" {
		b.WriteString("SQL SECURITY " + strings.ToUpper(v.Security) + " ")
	}
	b.WriteString("VIEW " + p.table(ops.TableRef{Schema: v.Schema, Table: v.Name}) + " AS " + v.Definition)
	if v.CheckOption != "" {
		b.WriteString(" WITH " + strings.ToUpper(v.CheckOption) + " CHECK OPTION")
	}
	return b.String(), nil
}
