package lint

import (
	"fmt"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// opContext is what the rules of one op see.
type opContext struct {
	at      opRef
	state   *metadata.MetaData // the schema before the op
	created map[string]bool    // tables created earlier in this revision
	inTx    bool               // the revision runs in a transaction
}

// isNew reports whether t was created by this revision (no rows, nobody
// uses it yet: locks and data rules do not matter).
func (c *opContext) isNew(t ops.TableRef) bool { return c.created[key(t)] }

func key(t ops.TableRef) string { return t.Schema + "." + t.Table }

// staticFindings are the rules read from the op itself and the schema
// before it: destructive, data-dependent, backward-incompatible, hygiene.
func staticFindings(c *opContext, op ops.Op) []Finding {
	var out []Finding
	add := func(id, msg string) { out = append(out, newFinding(id, c.at, msg)) }
	switch o := op.(type) {
	case *ops.CreateTable:
		if o.Table != nil {
			tableHygiene(o.Table, add)
		}
	case *ops.DropTable:
		if !c.isNew(o.TableRef) {
			add(DropTable, fmt.Sprintf("drops table %s and its rows; the running application still reads it", o.TableRef.Table))
		}
	case *ops.RenameTable:
		if !c.isNew(o.TableRef) {
			add(RenameTable, fmt.Sprintf("renames table %s to %s; the running application still uses %s", o.Table, o.NewName, o.Table))
		}
	case *ops.AddColumn:
		if o.Column != nil && !o.Column.Nullable && o.Column.Default == "" && !o.Column.AutoIncrement && !c.isNew(o.TableRef) {
			add(RequiredColumn, fmt.Sprintf("adds NOT NULL column %s.%s without a default: fails on a table with rows, and the running application's inserts fail", o.Table, o.Column.Name))
		}
		if o.Column != nil && o.Column.Type.Kind == metadata.Timestamp {
			add(TimestampWithoutZone, fmt.Sprintf("column %s.%s is timestamp without time zone", o.Table, o.Column.Name))
		}
	case *ops.DropColumn:
		if !c.isNew(o.TableRef) {
			add(DropColumn, fmt.Sprintf("drops column %s.%s and its data; the running application still selects it", o.Table, o.ColumnName))
		}
	case *ops.AlterColumn:
		alterColumn(c, o, add)
	case *ops.CreateIndex:
		if o.Index != nil && o.Index.Unique && !c.isNew(o.TableRef) {
			add(UniqueExistingRows, fmt.Sprintf("unique index %s on %s fails if existing rows hold duplicates", o.Index.Name, o.Table))
		}
	case *ops.CreateUniqueConstraint:
		if !c.isNew(o.TableRef) {
			add(UniqueExistingRows, fmt.Sprintf("unique constraint on %s fails if existing rows hold duplicates", o.Table))
		}
	case *ops.CreateCheckConstraint:
		if !c.isNew(o.TableRef) {
			add(CheckExistingRows, fmt.Sprintf("check on %s fails if an existing row breaks it", o.Table))
		}
	case *ops.CreateForeignKey:
		if !c.isNew(o.TableRef) {
			add(ForeignKeyExisting, fmt.Sprintf("foreign key on %s fails if a row references a missing parent", o.Table))
		}
	case *ops.CreatePrimaryKey:
		if !c.isNew(o.TableRef) {
			add(UniqueExistingRows, fmt.Sprintf("primary key on %s fails if existing rows hold duplicates or NULLs", o.Table))
		}
	case *ops.DropConstraint:
		if o.Type == ops.ConstraintPrimary {
			add(NoPrimaryKey, fmt.Sprintf("drops the primary key of %s", o.Table))
		}
	case *ops.DropEnum:
		add(DropEnum, fmt.Sprintf("drops enum %s", o.EnumName))
	case *ops.AlterEnumDropValue:
		add(DropEnumValue, fmt.Sprintf("drops value %q of enum %s", o.Value, o.EnumName))
	case *ops.BulkDelete:
		add(BulkDeleteRule, fmt.Sprintf("deletes rows of %s", o.Table))
	case *ops.Execute:
		out = append(out, executeFindings(c, o)...)
	}
	return out
}

// tableHygiene checks a new table's definition.
func tableHygiene(t *metadata.Table, add func(id, msg string)) {
	if t.PrimaryKey == nil || len(t.PrimaryKey.Columns) == 0 {
		add(NoPrimaryKey, fmt.Sprintf("table %s has no primary key", t.Name))
	} else if len(t.PrimaryKey.Columns) == 1 {
		if col := t.Column(t.PrimaryKey.Columns[0]); col != nil && (col.Type.Kind == metadata.Integer || col.Type.Kind == metadata.SmallInt) {
			add(IntPrimaryKey, fmt.Sprintf("primary key %s.%s is %s", t.Name, col.Name, col.Type.Kind))
		}
	}
	for _, col := range t.Columns {
		if col.Type.Kind == metadata.Timestamp {
			add(TimestampWithoutZone, fmt.Sprintf("column %s.%s is timestamp without time zone", t.Name, col.Name))
		}
	}
}

// alterColumn checks renames, type changes and SET NOT NULL.
func alterColumn(c *opContext, o *ops.AlterColumn, add func(id, msg string)) {
	if c.isNew(o.TableRef) {
		return
	}
	if o.NewName != "" && o.NewName != o.ColumnName {
		add(RenameColumn, fmt.Sprintf("renames column %s.%s to %s; the running application still uses %s", o.Table, o.ColumnName, o.NewName, o.ColumnName))
	}
	if o.Type != nil {
		old := o.ExistingType
		if old == nil {
			if t := c.state.Table(o.Schema, o.Table); t != nil {
				if col := t.Column(o.ColumnName); col != nil {
					old = &col.Type
				}
			}
		}
		switch {
		case old != nil && narrower(*old, *o.Type):
			add(NarrowType, fmt.Sprintf("narrows %s.%s from %s to %s: larger values fail or are cut", o.Table, o.ColumnName, old, o.Type))
		case old == nil || !old.Equal(*o.Type):
			add(ChangeColumnType, fmt.Sprintf("changes the type of %s.%s to %s", o.Table, o.ColumnName, o.Type))
		}
	}
	if o.Nullable != nil && !*o.Nullable && (o.ExistingNullable == nil || *o.ExistingNullable) {
		add(NotNullExistingRows, fmt.Sprintf("SET NOT NULL on %s.%s fails if a row holds NULL", o.Table, o.ColumnName))
	}
}

// intRank orders integer kinds by width.
var intRank = map[metadata.Kind]int{metadata.SmallInt: 1, metadata.Integer: 2, metadata.BigInt: 3}

// narrower reports whether to holds fewer values than from.
func narrower(from, to metadata.Type) bool {
	if a, b := intRank[from.Kind], intRank[to.Kind]; a > 0 && b > 0 {
		return b < a
	}
	switch {
	case from.Kind == to.Kind && (to.Kind == metadata.Varchar || to.Kind == metadata.Char || to.Kind == metadata.VarBinary):
		return from.Length == 0 && to.Length > 0 || to.Length > 0 && to.Length < from.Length
	case from.Kind == to.Kind && to.Kind == metadata.Numeric:
		return to.Precision > 0 && (from.Precision == 0 || to.Precision-to.Scale < from.Precision-from.Scale || to.Scale < from.Scale)
	case from.Kind == metadata.Text && (to.Kind == metadata.Varchar || to.Kind == metadata.Char):
		return true
	case from.Kind == metadata.Double && to.Kind == metadata.Real:
		return true
	case from.Kind == metadata.TimestampTZ && to.Kind == metadata.Timestamp:
		return true
	}
	return false
}

// executeFindings reads the SQL of an execute op.
func executeFindings(c *opContext, o *ops.Execute) []Finding {
	var out []Finding
	add := func(id, msg, stmt string) {
		f := newFinding(id, c.at, msg)
		f.Statement = stmt
		out = append(out, f)
	}
	texts := []string{o.SQL}
	for _, s := range o.PerDialect {
		texts = append(texts, s)
	}
	for _, text := range texts {
		for _, s := range statements(text) {
			switch {
			case deleteRE().MatchString(s) && !whereRE().MatchString(s):
				add(DeleteWithoutWhere, "DELETE without WHERE empties the table", s)
			case updateRE().MatchString(s) && !whereRE().MatchString(s):
				add(UpdateWithoutWhere, "UPDATE without WHERE overwrites every row", s)
			case truncRE().MatchString(s):
				add(TruncateTable, "", s)
			case dropSchRE().MatchString(s):
				add(DropSchema, "", s)
			}
			if galeraRE().MatchString(s) {
				add(GaleraUnreplicated, "", s)
			}
			if c.inTx && concurRE().MatchString(s) {
				add(ConcurrentlyInTx, "CONCURRENTLY inside the revision's transaction fails: set transactional: false", s)
			}
		}
	}
	return out
}
