package mysql

import (
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// mustJoin reports whether op b has to run in the same ALTER TABLE as
// op a, an earlier op of the list: MySQL wants an AUTO_INCREMENT column to
// be a key at every moment (Error 1075), so adding one and the primary
// key, unique constraint or index over it are one statement, and so are
// dropping that key and the column.
func mustJoin(a, b ops.Op) bool {
	switch b := b.(type) {
	case *ops.CreateIndex:
		add, ok := a.(*ops.AddColumn)
		return ok && add.TableRef == b.TableRef && add.Column.AutoIncrement && b.Index != nil &&
			len(b.Index.Expressions) == 0 && slices.Contains(b.Index.Columns, add.Column.Name)
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

// dropsNext reports whether the op planned into the same ALTER TABLE
// (partner) drops column of table: then the key over an AUTO_INCREMENT
// column may go.
func (p *planner) dropsNext(table ops.TableRef, column string) bool {
	d, ok := p.next.(*ops.DropColumn)
	return ok && d.TableRef == table && d.ColumnName == column
}

// partner returns the index of the op of list that op i must run with in
// one ALTER TABLE (mustJoin), -1 when there is none. The next op is the
// usual one; autogenerate puts the keys of existing tables after every
// added column, and a hand-written revision may put anything between, so
// an added AUTO_INCREMENT column looks further for the first key over it,
// and a key over an AUTO_INCREMENT column that is dropped for the first
// drop of that column. The search stops at an op that renames or drops
// the table, or touches the column otherwise.
//
// Plan folds the partner into op i's statement and plans nothing at the
// partner's place; the statement carries op i, so that when it fails
// neither op counts as applied. (If an op between the two fails, the
// runner counts op i as applied and the partner not: the compensation of
// an added column drops it, and its key with it when the key has no other
// column; that of a dropped key cannot add it back over the dropped
// column, and says so.)
func (p *planner) partner(list []ops.Op, i int) int {
	if i+1 < len(list) && mustJoin(list[i], list[i+1]) {
		return i + 1
	}
	if j := p.autoIncrementPartner(list, i); j > 0 {
		return j
	}
	return -1
}

// autoIncrementPartner is partner's search beyond the next op.
func (p *planner) autoIncrementPartner(list []ops.Op, i int) int {
	var ref ops.TableRef
	var cols []string
	var match func(ops.Op) bool
	switch o := list[i].(type) {
	case *ops.AddColumn:
		if !o.Column.AutoIncrement {
			return -1
		}
		ref, cols = o.TableRef, []string{o.Column.Name}
		match = func(b ops.Op) bool { return mustJoin(o, b) }
	case *ops.DropConstraint, *ops.DropIndex:
		ref, cols = p.autoIncrementKeyColumns(o)
		match = func(b ops.Op) bool {
			d, ok := b.(*ops.DropColumn)
			return ok && d.TableRef == ref && slices.Contains(cols, d.ColumnName)
		}
	}
	if len(cols) == 0 {
		return -1
	}
	for j := i + 1; j < len(list); j++ {
		if match(list[j]) {
			return j
		}
		if stopsSearch(list[j], ref, cols) {
			return -1
		}
	}
	return -1
}

// autoIncrementKeyColumns returns the table and the AUTO_INCREMENT
// columns (in the state) of the primary key, unique constraint or index
// that o, a drop_constraint or drop_index, drops.
func (p *planner) autoIncrementKeyColumns(o ops.Op) (ops.TableRef, []string) {
	ref, _ := ops.TableOf(o)
	t := p.stateTable(ref)
	if t == nil {
		return ref, nil
	}
	var key []string
	switch o := o.(type) {
	case *ops.DropIndex:
		if ix := t.Index(o.IndexName); ix != nil {
			key = ix.Columns
		} else if u := t.Unique(o.IndexName); u != nil {
			key = u.Columns
		}
	case *ops.DropConstraint:
		switch {
		case o.PrimaryKey != nil:
			key = o.PrimaryKey.Columns
		case o.Unique != nil:
			key = o.Unique.Columns
		case o.Type == ops.ConstraintPrimary && t.PrimaryKey != nil:
			key = t.PrimaryKey.Columns
		case (o.Type == ops.ConstraintUnique || o.Type == "") && t.Unique(o.ConstraintName) != nil:
			key = t.Unique(o.ConstraintName).Columns
		}
	}
	var out []string
	for _, name := range key {
		if c := t.Column(name); c != nil && c.AutoIncrement {
			out = append(out, name)
		}
	}
	return ref, out
}

// stopsSearch reports an op after which partner looks no further: it
// renames or drops table r, or adds, alters or drops one of cols.
func stopsSearch(o ops.Op, r ops.TableRef, cols []string) bool {
	switch o := o.(type) {
	case *ops.RenameTable:
		return o.TableRef == r
	case *ops.DropTable:
		return o.TableRef == r
	case *ops.AddColumn:
		return o.TableRef == r && slices.Contains(cols, o.Column.Name)
	case *ops.AlterColumn:
		return o.TableRef == r && slices.Contains(cols, o.ColumnName)
	case *ops.DropColumn:
		return o.TableRef == r && slices.Contains(cols, o.ColumnName)
	}
	return false
}

// planJoined plans the partner op b for its place in the ALTER TABLE of
// the op before it: a create_index as ADD INDEX.
func (p *planner) planJoined(b ops.Op) ([]dialect.Statement, error) {
	ci, ok := b.(*ops.CreateIndex)
	if !ok {
		return p.plan(b)
	}
	ix := ci.Index.Clone()
	if ix.Name == "" {
		ix.Name, _ = p.state.DerivedName(metadata.KindIndex, &metadata.Table{Name: ci.Table}, ix.Columns, "", nil, "")
	}
	clause, err := p.indexClause(ix)
	if ix.Name == "" {
		kind, _ := p.indexKind(ix)
		clause = kind + "INDEX (" + dialect.IndexKey(p.d, ix) + ")"
	}
	return sqls("ALTER TABLE " + p.table(ci.TableRef) + " ADD " + clause), err
}

// replacement returns the index of a later op of list that creates, on the
// table op i drops a key or index of, a key whose columns start with those
// of every foreign key that relies on the dropped one (the one that
// replaces it behind the keys), -1 when op i drops nothing a foreign key
// relies on or no such op follows. Plan then runs the two as one ALTER
// TABLE, the new key first, "ADD PRIMARY KEY (a, b), DROP INDEX a": the
// foreign keys always have an index, so MariaDB neither refuses the drop
// (Error 1553) nor makes an index of its own named after a key, and no
// key is dropped and added again (dropKey's way, which checks every row
// again). The statement carries op i, as partner's do.
func (p *planner) replacement(list []ops.Op, i int) int {
	ref, name, ok := droppedKey(list[i])
	t := p.stateTable(ref)
	if !ok || t == nil {
		return -1
	}
	var relying [][]string
	for _, fk := range t.ForeignKeys {
		if covered(t, fk.Columns, "") && !covered(t, fk.Columns, name) {
			relying = append(relying, fk.Columns)
		}
	}
	if relying == nil {
		return -1
	}
	var all []string
	for _, cols := range relying {
		all = append(all, cols...)
	}
	for j := i + 1; j < len(list); j++ {
		if cols, ok := createdKey(list[j], ref); ok && startsAll(cols, relying) {
			return j
		}
		if stopsSearch(list[j], ref, all) {
			return -1
		}
	}
	return -1
}

// droppedKey returns the table and index name (PRIMARY for the primary
// key) of a drop_index or of a drop_constraint of a unique constraint or
// primary key.
func droppedKey(o ops.Op) (ops.TableRef, string, bool) {
	switch o := o.(type) {
	case *ops.DropIndex:
		return o.TableRef, o.IndexName, true
	case *ops.DropConstraint:
		switch {
		case o.Type == ops.ConstraintPrimary:
			return o.TableRef, "PRIMARY", true
		case o.Type == ops.ConstraintUnique:
			return o.TableRef, o.ConstraintName, true
		}
	}
	return ops.TableRef{}, "", false
}

// createdKey returns the columns of the primary key, unique constraint or
// column index that o creates on table r.
func createdKey(o ops.Op, r ops.TableRef) ([]string, bool) {
	switch o := o.(type) {
	case *ops.CreatePrimaryKey:
		return o.PrimaryKey.Columns, o.TableRef == r && o.PrimaryKey != nil
	case *ops.CreateUniqueConstraint:
		return o.Unique.Columns, o.TableRef == r && o.Unique != nil
	case *ops.CreateIndex:
		return o.Index.Columns, o.TableRef == r && o.Index != nil && len(o.Index.Expressions) == 0 &&
			o.Index.Where == "" && o.Index.Using == ""
	}
	return nil, false
}

// startsAll reports whether key starts with each of prefixes.
func startsAll(key []string, prefixes [][]string) bool {
	for _, cols := range prefixes {
		if len(key) < len(cols) || !slices.EqualFunc(key[:len(cols)], cols, strings.EqualFold) {
			return false
		}
	}
	return true
}

// plainDrop is the ALTER TABLE that drops the key or index of a
// drop_index or drop_constraint, without dropKey's care for the foreign
// keys that rely on it (replacement's caller gives them another first).
func (p *planner) plainDrop(o ops.Op) []dialect.Statement {
	ref, name, _ := droppedKey(o)
	clause := "DROP INDEX " + p.d.QuoteIdent(name)
	if name == "PRIMARY" {
		if d, ok := o.(*ops.DropConstraint); ok && d.Type == ops.ConstraintPrimary {
			clause = "DROP PRIMARY KEY"
		}
	}
	return sqls("ALTER TABLE " + p.table(ref) + " " + clause)
}
