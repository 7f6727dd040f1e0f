package autogen

import (
	"reflect"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// views creates the target's new views, drops those gone and replaces
// those changed. Where the dialect's views hold on to column types
// (dialect.ViewTypeBinder), the views over a table whose column changes
// type (directly or through other views) are dropped before the change
// and created after it, as explicit ops of the revision. Drops run first,
// the deepest view first (the views over a dropped table before it);
// creates and replaces run after the tables' changes, in creation order,
// before columns are dropped.
func (c *comparer) views() {
	if len(c.target.Views) == 0 && len(c.current.Views) == 0 {
		return
	}
	rebuild := map[string]bool{}
	for _, v := range dialect.ViewsOver(c.current, c.rebuiltRelations()) {
		rebuild[v.QualifiedName()] = true
	}
	current, err := dialect.SortViews(c.current.Views)
	if err != nil {
		c.p.err = err
		return
	}
	target, err := dialect.SortViews(c.target.Views)
	if err != nil {
		c.p.err = err
		return
	}
	drop := map[string]bool{}
	for _, tv := range target {
		cv := c.current.View(tv.Schema, tv.Name)
		switch {
		case cv == nil:
			c.p.createViews = append(c.p.createViews, &ops.CreateView{View: tv.Clone()})
		case rebuild[tv.QualifiedName()]:
			drop[tv.QualifiedName()] = true
			c.p.createViews = append(c.p.createViews, &ops.CreateView{View: tv.Clone()})
		case !c.sameView(tv, cv):
			c.p.createViews = append(c.p.createViews, &ops.ReplaceView{View: tv.Clone(), Existing: cv.Clone()})
		}
	}
	for _, cv := range current {
		if c.target.View(cv.Schema, cv.Name) == nil || rebuild[cv.QualifiedName()] {
			drop[cv.QualifiedName()] = true
		}
	}
	for i := len(current) - 1; i >= 0; i-- {
		if cv := current[i]; drop[cv.QualifiedName()] {
			c.p.dropViews = append(c.p.dropViews, &ops.DropView{Schema: cv.Schema, ViewName: cv.Name,
				Materialized: cv.Materialized, View: cv.Clone()})
		}
	}
}

// rebuiltRelations names what the views over it must be dropped and
// created around: a materialized view that changes (replace_view drops
// and creates it) or becomes or stops being one, and, where the
// dialect's views hold on to column types, the tables with a column
// whose type changes.
func (c *comparer) rebuiltRelations() map[string]bool {
	out := map[string]bool{}
	for _, tv := range c.target.Views {
		if cv := c.current.View(tv.Schema, tv.Name); cv != nil && (tv.Materialized || cv.Materialized) && !c.sameView(tv, cv) {
			out[tv.QualifiedName()] = true
		}
	}
	if b, ok := c.d.(dialect.ViewTypeBinder); !ok || !b.ViewsBindColumnTypes() {
		return out
	}
	for _, t := range c.target.Tables {
		cur := c.current.Table(t.Schema, t.Name)
		if cur == nil {
			continue
		}
		for _, col := range t.Columns {
			if old := cur.Column(col.Name); old != nil && !c.sameType(t, col, old) {
				out[t.QualifiedName()] = true
				break
			}
		}
	}
	return out
}

// sameView reports whether two views of one name are the same: query and
// options (definitions compared with their white space collapsed),
// comment, and a materialized view's indexes.
func (c *comparer) sameView(tv, cv *metadata.View) bool {
	a, b := tv.Clone(), cv.Clone()
	a.Definition, b.Definition = collapseSpace(a.Definition), collapseSpace(b.Definition)
	return a.SameQuery(b) && a.Comment == b.Comment && reflect.DeepEqual(a.Indexes, b.Indexes)
}

// collapseSpace turns every run of white space outside quotes into one
// space: a definition re-indented by hand is the same query.
func collapseSpace(s string) string {
	var b strings.Builder
	var quote rune
	space := false
	for _, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '\'' || r == '"' || r == '`':
			quote = r
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
