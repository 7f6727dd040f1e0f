package sqlite

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// Plan renders ops as SQLite statements, folding them onto a copy of state
// as it goes (with ops.Apply), so each op sees the schema the earlier ones
// made and unnamed objects get the names ops.Apply gives them.
//
// What SQLite's ALTER TABLE can do is done in place: add a column (without
// a key, with a constant default, NOT NULL only with a default), rename a
// table or a column, drop a column nothing else uses, create and drop
// indexes. Everything else is a table recreate (recreate.go); consecutive
// ops on one table are batched into one recreate. Comments and enum
// declarations have nothing to do on SQLite.
func (d *Dialect) Plan(state *metadata.MetaData, list []ops.Op) ([]dialect.Statement, error) {
	p := &planner{d: d, cur: state.Clone()}
	if p.cur == nil {
		p.cur = metadata.New()
	}
	p.lastOp = len(list) - 1
	if err := dialect.RefuseAlterModes("sqlite", "every change takes the database's write lock", list); err != nil {
		return nil, err
	}
	if err := refuseOnline(list); err != nil {
		return nil, err
	}
	if err := dialect.RefuseConstraintOptions("sqlite", dialect.ConstraintOptions{}, list); err != nil {
		return nil, err
	}
	for i := 0; i < len(list); {
		n, err := p.step(list, i)
		if err != nil {
			return nil, err
		}
		i += n
	}
	return p.finish(), nil
}

// planner is the state of one Plan call.
type planner struct {
	d   *Dialect
	cur *metadata.MetaData
	out []dialect.Statement
	// recreated is set once a table recreate is planned; firstRecreate is
	// the index of the first op that needed one.
	recreated     bool
	firstRecreate int
	lastOp        int
}

// emit appends statements for op i.
func (p *planner) emit(i int, stmts ...dialect.Statement) {
	for _, s := range stmts {
		s.Op = i
		p.out = append(p.out, s)
	}
}

// emitSQL appends statements without arguments for op i.
func (p *planner) emitSQL(i int, sqls ...string) {
	for _, s := range sqls {
		p.emit(i, dialect.Statement{SQL: s})
	}
}

// apply folds o onto the current model; an op that cannot be folded
// (execute) leaves it as it is.
func (p *planner) apply(i int, o ops.Op) error {
	if err := ops.Apply(p.cur, o); err != nil && !errors.Is(err, ops.ErrNotFoldable) {
		return opError(i, o, err)
	}
	return nil
}

func opError(i int, o ops.Op, err error) error {
	return fmt.Errorf("sqlite: op %d (%s): %w", i+1, o.Name(), err)
}

// step plans list[i], or a batch of ops starting there, and returns how
// many ops it consumed.
func (p *planner) step(list []ops.Op, i int) (int, error) {
	if err := dialect.RefusePostgresOnly("sqlite", list[i]); err != nil {
		return 0, opError(i, list[i], err)
	}
	if err := dialect.RefuseEvent("sqlite", list[i]); err != nil {
		return 0, opError(i, list[i], err)
	}
	if ref, ok := tableOp(list[i]); ok {
		return p.tableBatch(list, i, ref)
	}
	o := list[i]
	if ok, err := p.planRoutine(i, o); ok {
		if err != nil {
			return 0, err
		}
		return 1, p.apply(i, o)
	}
	if ok, err := p.planView(i, o); ok {
		if err != nil {
			return 0, err
		}
		return 1, p.apply(i, o)
	}
	switch o := o.(type) {
	case *ops.CreateTable:
		if err := dialect.NoPartitions(o.Table); err != nil {
			return 0, err
		}
		if err := p.apply(i, o); err != nil {
			return 0, err
		}
		// ops.Apply appends the table, named by the convention.
		t := p.cur.Tables[len(p.cur.Tables)-1]
		if err := p.createTable(i, t); err != nil {
			return 0, opError(i, o, err)
		}
		return 1, nil
	case *ops.DropTable:
		ops.ForgetDroppedReferrers(p.cur, list, i) // a cycle's tables, dropped one after the other
		p.emitSQL(i, "DROP TABLE "+quote(o.TableRef.Table))
	case *ops.RenameTable:
		p.emitSQL(i, "ALTER TABLE "+quote(o.Table)+" RENAME TO "+quote(o.NewName))
	case *ops.RenameIndex:
		if err := p.renameIndex(i, o); err != nil {
			return 0, err
		}
	case *ops.CreateEnum, *ops.DropEnum:
		// An enum lives in its columns' CHECKs only.
	case *ops.AlterTable:
		// Charsets and row formats are MySQL's; SQLite has none.
	case *ops.CreateSequence, *ops.DropSequence, *ops.RenameSequence:
		return 0, opError(i, o, dialect.ErrNoSequences)
	case *ops.CreateDomain, *ops.DropDomain, *ops.AlterDomain:
		return 0, opError(i, o, dialect.ErrNoDomains)
	case *ops.CreateExtension, *ops.DropExtension:
		return 0, opError(i, o, dialect.ErrNoExtensions)
	case *ops.AlterEnumAddValue, *ops.AlterEnumDropValue:
		return 1, p.enumChange(list, i)
	case *ops.Execute:
		p.execute(i, o)
	case *ops.BulkInsert:
		stmts, err := p.bulkInsert(o)
		if err != nil {
			return 0, opError(i, o, err)
		}
		p.emit(i, stmts...)
	case *ops.BulkDelete:
		stmts, err := p.bulkDelete(o)
		if err != nil {
			return 0, opError(i, o, err)
		}
		p.emit(i, stmts...)
	case *ops.Call:
		return 0, opError(i, o, fmt.Errorf("call %q runs Go code: the runner calls it, it has no SQL", o.Function))
	default:
		return 0, opError(i, o, fmt.Errorf("unknown op %T", o))
	}
	return 1, p.apply(i, o)
}

// createTable renders CREATE TABLE and the table's indexes.
func (p *planner) createTable(i int, t *metadata.Table) error {
	sql, err := p.d.createTableSQL(p.cur, t, t.Name)
	if err != nil {
		return err
	}
	p.emitSQL(i, sql)
	for _, ix := range t.Indexes {
		p.emitSQL(i, createIndexSQL(t.Name, ix))
	}
	return nil
}

// tableOp reports whether o changes one table in a way a recreate can
// fold in, and which table.
func tableOp(o ops.Op) (ops.TableRef, bool) {
	switch o := o.(type) {
	case *ops.AddColumn:
		return o.TableRef, true
	case *ops.DropColumn:
		return o.TableRef, true
	case *ops.AlterColumn:
		return o.TableRef, true
	case *ops.CreateIndex:
		return o.TableRef, true
	case *ops.DropIndex:
		return o.TableRef, true
	case *ops.CreateUniqueConstraint:
		return o.TableRef, true
	case *ops.CreateForeignKey:
		return o.TableRef, true
	case *ops.CreateCheckConstraint:
		return o.TableRef, true
	case *ops.CreatePrimaryKey:
		return o.TableRef, true
	case *ops.DropConstraint:
		return o.TableRef, true
	case *ops.SetTableComment:
		return o.TableRef, true
	}
	return ops.TableRef{}, false
}

// execute plans the op's SQL for SQLite: its own entry when it has
// per-dialect SQL (nothing when it has none for SQLite), else SQL.
func (p *planner) execute(i int, o *ops.Execute) {
	sql := o.SQL
	if len(o.PerDialect) > 0 {
		sql = o.PerDialect[Name]
	}
	if strings.TrimSpace(sql) != "" {
		p.emitSQL(i, sql)
	}
}
