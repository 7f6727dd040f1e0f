package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

// mustJoin reports whether op b has to run in the same ALTER TABLE as the
// op a before it: MySQL wants an AUTO_INCREMENT column to be a key at
// every moment (Error 1075), so adding one and the primary key or unique
// constraint over it are one statement, and so are dropping that key and
// the column.
func mustJoin(a, b ops.Op) bool {
	switch b := b.(type) {
	case *ops.CreatePrimaryKey:
		add, ok := a.(*ops.AddColumn)
		return ok && add.TableRef == b.TableRef && add.Column.AutoIncrement && b.PrimaryKey != nil &&
			slices.Contains(b.PrimaryKey.Columns, add.Column.Name)
	case *ops.CreateUniqueConstraint:
		add, ok := a.(*ops.AddColumn)
		return ok && add.TableRef == b.TableRef && add.Column.AutoIncrement && b.Unique != nil &&
			slices.Contains(b.Unique.Columns, add.Column.Name)
	case *ops.DropColumn:
		drop, ok := a.(*ops.DropConstraint)
		if !ok || drop.TableRef != b.TableRef {
			return false
		}
		switch {
		case drop.PrimaryKey != nil:
			return slices.Contains(drop.PrimaryKey.Columns, b.ColumnName)
		case drop.Unique != nil:
			return slices.Contains(drop.Unique.Columns, b.ColumnName)
		}
		return drop.Type == ops.ConstraintPrimary
	}
	return false
}

// joinAlter folds next, a single ALTER TABLE of table, into the last
// statement of out when that is a single ALTER TABLE of the same table:
// "ALTER TABLE t ADD COLUMN ..., ADD PRIMARY KEY (...)". It reports false,
// changing nothing, when the statements are not of that shape.
func joinAlter(out, next []dialect.Statement, table string) ([]dialect.Statement, bool) {
	prefix := "ALTER TABLE " + table + " "
	if len(out) == 0 || len(next) != 1 {
		return out, false
	}
	last := out[len(out)-1]
	if !strings.HasPrefix(last.SQL, prefix) || !strings.HasPrefix(next[0].SQL, prefix) ||
		len(last.Args) > 0 || len(next[0].Args) > 0 || last.NoTransaction != next[0].NoTransaction {
		return out, false
	}
	last.SQL += ", " + strings.TrimPrefix(next[0].SQL, prefix)
	joined := slices.Clone(out)
	joined[len(joined)-1] = last
	return joined, true
}

// tableOf is the quoted table an op acts on, "" when it acts on none.
func (p *planner) tableOf(o ops.Op) string {
	ref, ok := ops.TableOf(o)
	if !ok {
		return ""
	}
	return p.table(ref)
}

// dropsNext reports whether the next op drops column of table: then the
// key over an AUTO_INCREMENT column may go, in the same ALTER TABLE.
func (p *planner) dropsNext(table ops.TableRef, column string) bool {
	d, ok := p.next.(*ops.DropColumn)
	return ok && d.TableRef == table && d.ColumnName == column
}
