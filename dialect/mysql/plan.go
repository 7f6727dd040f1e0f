package mysql

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// ErrHandledByRunner is wrapped by Plan for ops the runner carries out
// itself (call, bulk_insert from a file): they have no SQL of their own.
var ErrHandledByRunner = errors.New("handled by the runner, not planned as SQL")

// Plan turns ops into MySQL statements, one or more per op. state is the
// schema before the first op; Plan folds each op onto a copy of it
// (ops.Apply) so that later ops see earlier ones. MySQL needs the state
// for what its DDL restates in full: alter_column (MODIFY COLUMN repeats
// the whole column), enum changes (every column of the enum is modified)
// and dropping foreign keys (the index MySQL made behind the key goes too).
//
// Every DDL statement commits on its own on MySQL: a runner cannot roll a
// revision back, and reports which ops ran (Statement.Op). An op MySQL
// needs in the same ALTER TABLE as an earlier one (an AUTO_INCREMENT
// column and its key: partner) is planned into that op's statement,
// wherever it sits in the list, and gives no statement of its own; so is
// the key that replaces an index foreign keys rely on (replacement), put
// before the drop.
func (d *Dialect) Plan(state *metadata.MetaData, list []ops.Op) ([]dialect.Statement, error) {
	p := &planner{d: d}
	if state == nil {
		p.state = metadata.New()
	} else {
		p.state = state.Clone()
	}
	if err := refuseNotValid(list); err != nil {
		return nil, err
	}
	if err := dialect.RefuseConstraintOptions("mysql", dialect.ConstraintOptions{}, list); err != nil {
		return nil, err
	}
	var out []dialect.Statement
	folded := map[int]bool{} // ops planned into an earlier op's ALTER TABLE
	for i, o := range list {
		if readsTables(o) {
			p.catchUp()
		}
		if folded[i] {
			p.pending = append(p.pending, o)
			continue
		}
		j := p.partner(list, i)
		p.next = nil
		if j > 0 {
			p.next = list[j]
		}
		var stmts []dialect.Statement
		var err error
		if r := p.replacement(list, i); j < 0 && r > 0 {
			if stmts, err = p.planJoined(list[r]); err != nil {
				return nil, fmt.Errorf("mysql: op %d (%s): %w", r+1, list[r].Name(), err)
			}
			if joined, ok := joinAlter(stmts, p.plainDrop(o), p.tableOf(o)); ok {
				stmts, folded[r] = joined, true
			} else {
				stmts = nil
			}
		}
		if stmts == nil {
			stmts, err = p.plan(o)
		}
		if err != nil {
			return nil, fmt.Errorf("mysql: op %d (%s): %w", i+1, o.Name(), err)
		}
		if j > 0 {
			more, err := p.planJoined(list[j])
			if err != nil {
				return nil, fmt.Errorf("mysql: op %d (%s): %w", j+1, list[j].Name(), err)
			}
			if joined, ok := joinAlter(stmts, more, p.tableOf(o)); ok {
				stmts, folded[j] = joined, true
			}
		}
		stmts = p.withMode(o, stmts)
		for _, s := range stmts {
			s.Op = i
			out = append(out, s)
		}
		p.pending = append(p.pending, o)
		if _, ok := o.(*ops.CreateEnum); ok {
			p.catchUp() // create_table reads enums
		}
	}
	return out, nil
}

// planner holds the state model while a list of ops is planned. Ops are
// folded onto the state only when an op that reads its tables comes, so a
// long run of create_table ops plans without copying every table.
type planner struct {
	d       *Dialect
	state   *metadata.MetaData
	pending []ops.Op
	next    ops.Op // the op planned into the same ALTER TABLE (partner), or nil
}

// catchUp folds the pending ops onto the state. An op the state cannot
// take (a hand-written op planned without its history) leaves it as it
// is: the ops that need the missing part say so when they run into it.
func (p *planner) catchUp() {
	for _, o := range p.pending {
		_ = ops.Apply(p.state, o)
	}
	p.pending = p.pending[:0]
}

// readsTables reports the ops whose SQL depends on the state's tables.
func readsTables(o ops.Op) bool {
	switch o.(type) {
	case *ops.CreateTable, *ops.DropTable, *ops.RenameTable, *ops.DropColumn,
		*ops.CreateIndex, *ops.CreateUniqueConstraint,
		*ops.CreatePrimaryKey, *ops.SetTableComment, *ops.Execute, *ops.Call:
		return false
	}
	return true
}

func sqls(s ...string) []dialect.Statement {
	out := make([]dialect.Statement, len(s))
	for i, q := range s {
		out[i] = dialect.Statement{SQL: q}
	}
	return out
}

func (p *planner) plan(o ops.Op) ([]dialect.Statement, error) {
	if err := dialect.RefusePostgresOnly("mysql", o); err != nil {
		return nil, err
	}
	if out, ok, err := p.planView(o); ok {
		return out, err
	}
	if out, ok, err := p.planRoutine(o); ok {
		return out, err
	}
	if out, ok := p.planEvent(o); ok {
		return out, nil
	}
	switch o := o.(type) {
	case *ops.CreateTable:
		if err := dialect.NoPartitions(o.Table); err != nil {
			return nil, err
		}
		s, err := p.createTable(o.Table)
		return sqls(s), err
	case *ops.DropTable:
		return sqls("DROP TABLE " + p.table(o.TableRef)), nil
	case *ops.RenameTable:
		to := ops.TableRef{Schema: o.Schema, Table: o.NewName}
		return sqls("RENAME TABLE " + p.table(o.TableRef) + " TO " + p.table(to)), nil
	case *ops.AddColumn:
		def, err := p.columnDef(o.Schema, o.Column, nil)
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " ADD COLUMN " + def), err
	case *ops.DropColumn:
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " DROP COLUMN " + p.d.QuoteIdent(o.ColumnName)), nil
	case *ops.AlterColumn:
		s, err := p.alterColumn(o)
		return sqls(s...), err
	case *ops.CreateIndex:
		s, err := p.createIndex(o.TableRef, o.Index)
		if o.Concurrently {
			s += " " + onlineClause
		}
		return sqls(s), err
	case *ops.RenameIndex:
		return p.renameIndex(o), nil
	case *ops.DropIndex:
		s, err := p.dropKeyIndex(o.TableRef, o.IndexName)
		if o.Concurrently {
			for i := range s {
				s[i] += ", " + strings.ReplaceAll(onlineClause, " ", ", ")
			}
		}
		return sqls(s...), err
	case *ops.CreateUniqueConstraint:
		u := p.namedUnique(o.TableRef, o.Unique)
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " ADD " + dialect.UniqueClause(p.d, u)), nil
	case *ops.CreateForeignKey:
		if err := p.checkSetNull(o.TableRef, o.ForeignKey); err != nil {
			return nil, err
		}
		clause, err := p.foreignKey(o.TableRef, o.ForeignKey)
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " ADD " + clause), err
	case *ops.CreateCheckConstraint:
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " ADD " + dialect.CheckClause(p.d, p.namedCheck(o.TableRef, o.Check))), nil
	case *ops.CreatePrimaryKey:
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " ADD PRIMARY KEY (" + dialect.QuoteList(p.d, o.PrimaryKey.Columns) + ")"), nil
	case *ops.DropConstraint:
		s, err := p.dropConstraint(o)
		return sqls(s...), err
	case *ops.CreateEnum, *ops.DropEnum:
		return nil, nil // MySQL enums live inline in their columns
	case *ops.AlterEnumAddValue:
		s, err := p.alterEnum(o.Schema, o.EnumName, func(v []string) ([]string, error) { return addValue(v, o.Value, o.Before, o.After) })
		return sqls(s...), err
	case *ops.AlterEnumDropValue:
		s, err := p.alterEnum(o.Schema, o.EnumName, func(v []string) ([]string, error) { return dropValue(v, o.Value) })
		return sqls(s...), err
	case *ops.AlterTable:
		s, err := p.alterTable(o)
		return sqls(s...), err
	case *ops.CreateSequence, *ops.DropSequence, *ops.RenameSequence:
		return nil, dialect.ErrNoSequences
	case *ops.CreateDomain, *ops.DropDomain, *ops.AlterDomain:
		return nil, dialect.ErrNoDomains
	case *ops.CreateExtension, *ops.DropExtension:
		return nil, dialect.ErrNoExtensions
	case *ops.SetTableComment:
		lit, err := p.d.Literal(o.Comment)
		return sqls("ALTER TABLE " + p.table(o.TableRef) + " COMMENT = " + lit), err
	case *ops.Execute:
		return p.execute(o)
	case *ops.BulkInsert:
		return p.bulkInsert(o)
	case *ops.BulkDelete:
		return p.bulkDelete(o)
	case *ops.Call:
		return nil, fmt.Errorf("call %q: %w", o.Function, ErrHandledByRunner)
	}
	return nil, fmt.Errorf("operation %T is not known to the mysql dialect", o)
}

// table renders a table reference; a schema is a database on MySQL.
func (p *planner) table(r ops.TableRef) string {
	return dialect.QualifiedName(p.d, r.Schema, r.Table)
}

// stateTable returns the state's table, or nil.
func (p *planner) stateTable(r ops.TableRef) *metadata.Table {
	return p.state.Table(r.Schema, r.Table)
}

func (p *planner) execute(o *ops.Execute) ([]dialect.Statement, error) {
	if s, ok := o.PerDialect["mysql"]; ok {
		return sqls(s), nil
	}
	if o.SQL != "" {
		return sqls(o.SQL), nil
	}
	return nil, nil // SQL for other databases only
}

// addValue inserts v into values, before or after an existing value or at
// the end.
func addValue(values []string, v, before, after string) ([]string, error) {
	for _, x := range values {
		if x == v {
			return nil, fmt.Errorf("enum value %q already exists", v)
		}
	}
	at := len(values)
	for i, x := range values {
		if before != "" && x == before {
			at = i
		}
		if after != "" && x == after {
			at = i + 1
		}
	}
	out := append(append(append([]string(nil), values[:at]...), v), values[at:]...)
	return out, nil
}

func dropValue(values []string, v string) ([]string, error) {
	var out []string
	for _, x := range values {
		if x != v {
			out = append(out, x)
		}
	}
	if len(out) == len(values) {
		return nil, fmt.Errorf("enum has no value %q", v)
	}
	return out, nil
}

// alterEnum modifies every column of the enum to its new value list, one
// ALTER TABLE per table.
func (p *planner) alterEnum(schema, name string, change func([]string) ([]string, error)) ([]string, error) {
	e := p.state.Enum(schema, name)
	if e == nil {
		return nil, fmt.Errorf("enum %q is not in the schema state; MySQL rewrites every column of an enum, so plan with the history", name)
	}
	values, err := change(e.Values)
	if err != nil {
		return nil, fmt.Errorf("enum %q: %w", name, err)
	}
	override := func(s, n string) ([]string, bool) {
		if n == name {
			return values, true
		}
		return p.enums(s, n)
	}
	var out []string
	for _, t := range p.state.Tables {
		var mods []string
		for _, c := range t.Columns {
			typ := c.Type.For("mysql")
			if typ.Kind != metadata.EnumKind || typ.EnumName != name || (t.Schema != schema && schema != "") {
				continue
			}
			def, err := p.columnDef(t.Schema, c, override)
			if err != nil {
				return nil, err
			}
			mods = append(mods, "MODIFY COLUMN "+def)
		}
		if mods != nil {
			out = append(out, "ALTER TABLE "+p.table(dialect.TableOf(t))+" "+strings.Join(mods, ", "))
		}
	}
	return out, nil
}
