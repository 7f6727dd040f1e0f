package sqlite

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// The "move and copy" recreate of SQLite's documentation
// (https://www.sqlite.org/lang_altertable.html#otheralter), for changes
// ALTER TABLE cannot make:
//
//	PRAGMA foreign_keys = OFF                     -- BeforeTx: not possible inside a transaction
//	CREATE TABLE "_retort_tmp_t" (new definition)
//	INSERT INTO "_retort_tmp_t" (cols) SELECT cols FROM "t"
//	(carry the AUTOINCREMENT counter over in sqlite_sequence)
//	(save the CREATE TRIGGER text, and that of indexes the model does not
//	 know, into temp."_retort_saved")
//	DROP TABLE "t"
//	PRAGMA legacy_alter_table = ON                -- views on "t" must not be checked mid-way
//	ALTER TABLE "_retort_tmp_t" RENAME TO "t"
//	PRAGMA legacy_alter_table = OFF
//	CREATE INDEX ... (the model's indexes)
//	SELECT sql FROM temp."_retort_saved"          -- ExecRows: replay the triggers
//	...
//	PRAGMA foreign_key_check                      -- FailIfRows: a broken key fails the transaction
//	PRAGMA foreign_keys = ON                      -- AfterTx
//
// Foreign key enforcement must be off: with it on, DROP TABLE runs an
// implicit DELETE that fires ON DELETE CASCADE in the child tables, and
// deferring the keys does not stop the cascade. So the whole transaction
// runs without enforcement, and PRAGMA foreign_key_check at its end stands
// in for it: it fails the transaction when any row breaks a key, the rows
// the recreate copied or the rows other ops of the revision wrote. The one
// thing it cannot restore is an ON DELETE action fired by a DELETE that an
// execute op of the same revision runs: put such an op in a revision of
// its own.

// tmpPrefix starts the name of the table a recreate builds.
const tmpPrefix = "_retort_tmp_"

// savedTable is the temp table that keeps the trigger SQL across the drop.
const savedTable = `temp."_retort_saved"`

// tableBatch plans the ops on table ref that start at list[i]: in place
// when SQLite's ALTER TABLE can do each of them, else as one recreate.
func (p *planner) tableBatch(list []ops.Op, i int, ref ops.TableRef) (int, error) {
	j := i
	for j < len(list) {
		if r, ok := tableOp(list[j]); !ok || r != ref {
			break
		}
		j++
	}
	before := p.cur.Table(ref.Schema, ref.Table)
	if before == nil {
		// ops.Apply says what is missing.
		return 0, p.apply(i, list[i])
	}
	before = before.Clone()
	src := newColumnSources(before)
	mark := len(p.out)
	recreate := false
	for k := i; k < j; k++ {
		o := list[k]
		t := p.cur.Table(ref.Schema, ref.Table)
		if err := generatedConversion(t, o); err != nil {
			return 0, opError(k, o, err)
		}
		if !recreate && needsRecreate(t, o) {
			recreate = true
			p.out = p.out[:mark] // the batch goes into the recreate
		}
		if err := p.apply(k, o); err != nil {
			return 0, err
		}
		if a, ok := o.(*ops.AlterColumn); ok && a.NewName != "" {
			renameInSQL(p.cur.Table(ref.Schema, ref.Table), a.ColumnName, a.NewName)
		}
		src.track(o)
		if !recreate {
			if err := p.inPlace(k, o); err != nil {
				return 0, opError(k, o, err)
			}
		}
	}
	if recreate {
		after := p.cur.Table(ref.Schema, ref.Table)
		if err := p.recreate(i, j-1, before, after, src.pairs(after)); err != nil {
			return 0, opError(j-1, list[j-1], err)
		}
	}
	return j - i, nil
}

// inPlace plans op o, already applied to the model, with ALTER TABLE,
// CREATE INDEX or DROP INDEX.
func (p *planner) inPlace(i int, o ops.Op) error {
	switch o := o.(type) {
	case *ops.AddColumn:
		t := p.cur.Table(o.Schema, o.Table)
		def, err := p.d.columnSQL(p.cur, t, t.Column(o.Column.Name), nil)
		if err != nil {
			return err
		}
		p.emitSQL(i, "ALTER TABLE "+quote(o.Table)+" ADD COLUMN "+def)
	case *ops.DropColumn:
		p.emitSQL(i, "ALTER TABLE "+quote(o.Table)+" DROP COLUMN "+quote(dropColumnName(o)))
	case *ops.AlterColumn:
		if o.NewName != "" {
			p.emitSQL(i, "ALTER TABLE "+quote(o.Table)+" RENAME COLUMN "+quote(o.ColumnName)+" TO "+quote(o.NewName))
		}
	case *ops.CreateIndex:
		t := p.cur.Table(o.Schema, o.Table)
		ix := t.Indexes[len(t.Indexes)-1]
		if o.Index.Name != "" {
			ix = t.Index(o.Index.Name)
		}
		p.emitSQL(i, createIndexSQL(o.Table, ix))
	case *ops.DropIndex:
		name := o.IndexName
		if name == "" && o.Index != nil {
			name = o.Index.Name
		}
		p.emitSQL(i, "DROP INDEX "+quote(name))
	case *ops.SetTableComment:
		// SQLite keeps no comments.
	}
	return nil
}

func dropColumnName(o *ops.DropColumn) string {
	if o.ColumnName == "" && o.Column != nil {
		return o.Column.Name
	}
	return o.ColumnName
}

// recreate plans the move and copy of before into after for ops first to
// last; pairs lists (new column, source column) to copy.
func (p *planner) recreate(first, last int, before, after *metadata.Table, pairs [][2]string) error {
	if !p.recreated {
		p.recreated, p.firstRecreate = true, first
	}
	name, tmp := after.Name, tmpPrefix+after.Name
	create, err := p.d.createTableSQL(p.cur, after, tmp)
	if err != nil {
		return err
	}
	var out []dialect.Statement
	add := func(sql string, args ...any) { out = append(out, dialect.Statement{SQL: sql, Args: args}) }
	step := func(label, sql string) { out = append(out, dialect.Statement{SQL: sql, Progress: label}) }
	step("create the new table", create)
	if len(pairs) > 0 {
		to, from := make([]string, len(pairs)), make([]string, len(pairs))
		for k, pr := range pairs {
			to[k], from[k] = quote(pr[0]), quote(pr[1])
		}
		step("copy rows", "INSERT INTO "+quote(tmp)+" ("+strings.Join(to, ", ")+") SELECT "+strings.Join(from, ", ")+" FROM "+quote(before.Name))
	}
	if inlinePrimaryKey(after) != nil {
		// Keep AUTOINCREMENT from reusing the numbers of deleted rows.
		add("DELETE FROM sqlite_sequence WHERE name = ?", tmp)
		add("INSERT INTO sqlite_sequence (name, seq) SELECT ?, seq FROM sqlite_sequence WHERE name = ?", tmp, before.Name)
	}
	triggers := p.cur.TriggersOf("", before.Name)
	save, args := saveQuery(before, triggers)
	add("CREATE TEMP TABLE IF NOT EXISTS " + savedTable + " (sql TEXT NOT NULL)")
	add("DELETE FROM " + savedTable)
	add(save, args...)
	step("drop the old table", "DROP TABLE "+quote(before.Name))
	add("PRAGMA legacy_alter_table = ON")
	add("ALTER TABLE " + quote(tmp) + " RENAME TO " + quote(name))
	add("PRAGMA legacy_alter_table = OFF")
	for _, ix := range after.Indexes {
		step("build index "+ix.Name, createIndexSQL(name, ix))
	}
	for _, t := range triggers { // modelled: written out, so a --sql script keeps them too
		step("create trigger "+t.Name, t.Definition)
	}
	out = append(out, dialect.Statement{SQL: "SELECT sql FROM " + savedTable + " ORDER BY rowid", ExecRows: true,
		Progress: "replay triggers"})
	add("DELETE FROM " + savedTable)
	labelSteps(name, out)
	p.emit(last, out...)
	return nil
}

// labelSteps numbers the steps of the recreate of table name that carry
// a label, for a progress display: "recreate table t: copy rows (2/6)".
func labelSteps(name string, out []dialect.Statement) {
	n := 0
	for _, s := range out {
		if s.Progress != "" {
			n++
		}
	}
	k := 0
	for i := range out {
		if out[i].Progress != "" {
			k++
			out[i].Progress = fmt.Sprintf("recreate table %s: %s (%d/%d)", name, out[i].Progress, k, n)
		}
	}
}

// saveQuery copies the SQL of before's triggers and indexes the model
// does not know (made by execute ops) into the saved table; the modelled
// triggers are created again from the model.
func saveQuery(before *metadata.Table, modelled []*metadata.Trigger) (string, []any) {
	args := []any{before.Name}
	var b strings.Builder
	b.WriteString("INSERT INTO " + savedTable + " (sql) SELECT sql FROM main.sqlite_schema" +
		" WHERE tbl_name = ? COLLATE NOCASE AND sql IS NOT NULL AND ((type = 'trigger'")
	for _, t := range modelled {
		b.WriteString(" AND name <> ?")
		args = append(args, t.Name)
	}
	b.WriteString(") OR (type = 'index'")
	if len(before.Indexes) > 0 {
		b.WriteString(" AND name NOT IN (")
		for k, ix := range before.Indexes {
			if k > 0 {
				b.WriteString(", ")
			}
			b.WriteString("?")
			args = append(args, ix.Name)
		}
		b.WriteString(")")
	}
	b.WriteString(")) ORDER BY type = 'trigger', rowid")
	return b.String(), args
}

// finish wraps the statements of a plan that recreates tables in the
// foreign key handling described above.
func (p *planner) finish() []dialect.Statement {
	if !p.recreated {
		return p.out
	}
	out := make([]dialect.Statement, 0, len(p.out)+4)
	out = append(out, dialect.Statement{SQL: "PRAGMA foreign_keys = OFF", BeforeTx: true, Op: p.firstRecreate})
	out = append(out, p.out...)
	out = append(out,
		dialect.Statement{SQL: "PRAGMA foreign_key_check", FailIfRows: true, Op: p.lastOp},
		dialect.Statement{SQL: "PRAGMA foreign_keys = ON", AfterTx: true, Op: p.lastOp},
		dialect.Statement{SQL: "PRAGMA legacy_alter_table = OFF", AfterTx: true, Op: p.lastOp},
	)
	return out
}

// enumChange plans alter_enum_add_value and alter_enum_drop_value: the
// enum's values live in the CHECK of every column of that enum, so each
// table with such a column is recreated.
func (p *planner) enumChange(list []ops.Op, i int) error {
	var name string
	switch o := list[i].(type) {
	case *ops.AlterEnumAddValue:
		name = o.EnumName
	case *ops.AlterEnumDropValue:
		name = o.EnumName
	}
	var befores []*metadata.Table
	for _, t := range p.cur.Tables {
		for _, c := range t.Columns {
			if typ := c.Type.For(Name); typ.Kind == metadata.EnumKind && typ.EnumName == name {
				befores = append(befores, t.Clone())
				break
			}
		}
	}
	if err := p.apply(i, list[i]); err != nil {
		return err
	}
	for _, before := range befores {
		after := p.cur.Table(before.Schema, before.Name)
		if err := p.recreate(i, i, before, after, newColumnSources(before).pairs(after)); err != nil {
			return opError(i, list[i], err)
		}
	}
	return nil
}
