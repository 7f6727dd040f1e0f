package postgres

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// createTableSQL renders CREATE TABLE for t with body, its parenthesised
// columns and constraints: a partitioned table ends with PARTITION BY, a
// partition is CREATE TABLE ... PARTITION OF parent with only its own
// constraints (the columns are the parent's) and its bound; a table that
// inherits ends with INHERITS (parents), its body holding only its own
// columns.
func (p Postgres) createTableSQL(t *metadata.Table, body string) string {
	name := p.qname(t.Schema, t.Name)
	var b strings.Builder
	if po := t.PartitionOf; po != nil {
		b.WriteString("CREATE TABLE " + name + " PARTITION OF " + p.qname(po.ParentRef(t)))
		if strings.TrimSpace(strings.Trim(body, "()\n ")) != "" {
			b.WriteString(" " + body)
		}
		b.WriteString(" " + po.Bound)
	} else {
		b.WriteString("CREATE TABLE " + name + " " + body)
	}
	if len(t.Inherits) > 0 {
		parents := make([]string, len(t.Inherits))
		for i, in := range t.Inherits {
			parents[i] = p.qname(in.ParentRef(t))
		}
		b.WriteString(" INHERITS (" + strings.Join(parents, ", ") + ")")
	}
	if t.PartitionBy != "" {
		b.WriteString(" PARTITION BY " + t.PartitionBy)
	}
	return b.String()
}
