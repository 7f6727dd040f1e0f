package postgres

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// createTableSQL renders CREATE TABLE for t with body, its parenthesised
// columns and constraints: a partitioned table ends with PARTITION BY, a
// partition is CREATE TABLE ... PARTITION OF parent with only its own
// constraints (the columns are the parent's) and its bound.
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
	if t.PartitionBy != "" {
		b.WriteString(" PARTITION BY " + t.PartitionBy)
	}
	return b.String()
}
