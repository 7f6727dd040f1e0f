package mysql

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"

	"github.com/retortdb/retort/ops"
)

// onlineClause is what concurrently: true asks of an index build or drop:
// an in-place change that lets reads and writes go on. The server refuses
// it (Error 1846, "ALGORITHM=INPLACE is not supported") rather than
// falling back to a copy under a lock.
const onlineClause = "ALGORITHM=INPLACE LOCK=NONE"

// refuseNotValid refuses NOT VALID constraints and validate_constraint:
// MySQL and MariaDB have no constraint that is enforced for new rows but
// not yet checked for old ones (one added under foreign_key_checks=0 is
// never checked at all), so the op cannot be done as asked.
func refuseNotValid(list []ops.Op) error {
	for i, o := range list {
		what := ""
		switch o := o.(type) {
		case *ops.CreateForeignKey:
			if o.IsNotValid() {
				what = "create_foreign_key with not_valid"
			}
		case *ops.CreateCheckConstraint:
			if o.IsNotValid() {
				what = "create_check_constraint with not_valid"
			}
		case *ops.ValidateConstraint:
			what = "validate_constraint"
		}
		if what != "" {
			return fmt.Errorf("mysql: op %d (%s): MySQL and MariaDB have no NOT VALID constraints; add the constraint plainly (ALGORITHM=INPLACE checks a foreign key without copying the table)", i+1, what)
		}
	}
	return nil
}

// modeOf is the ALGORITHM= and LOCK= an op asks for: its algorithm: and
// lock:, and for an alter_column with online: INPLACE and NONE where it
// names none.
func modeOf(o ops.Op) ops.AlterMode {
	m, ok := o.(ops.Moder)
	if !ok {
		return ops.AlterMode{}
	}
	mode := m.Mode()
	if ac, ok := o.(*ops.AlterColumn); ok && ac.Online {
		mode.Algorithm = cmp.Or(mode.Algorithm, "INPLACE")
		mode.Lock = cmp.Or(mode.Lock, "NONE")
	}
	return mode
}

// withMode appends the op's ALGORITHM= and LOCK= to each of its ALTER
// TABLE and CREATE INDEX statements, so the server refuses a change it
// cannot make that way (Error 1846) instead of copying the table under a
// lock. A foreign key added INPLACE on MariaDB runs with
// foreign_key_checks off for that one statement, the server's condition
// for INPLACE, and a query after it checks the rows already there.
func (p *planner) withMode(o ops.Op, st []dialect.Statement) []dialect.Statement {
	mode := modeOf(o)
	if mode.IsZero() {
		return st
	}
	var alter, create []string
	for _, kv := range [][2]string{{"ALGORITHM", mode.Algorithm}, {"LOCK", mode.Lock}} {
		if kv[1] != "" {
			alter = append(alter, ", "+kv[0]+"="+kv[1])
			create = append(create, " "+kv[0]+"="+kv[1])
		}
	}
	out := slices.Clone(st)
	for i := range out {
		switch {
		case strings.HasPrefix(out[i].SQL, "ALTER TABLE "):
			out[i].SQL += strings.Join(alter, "")
		case strings.HasPrefix(out[i].SQL, "CREATE "):
			out[i].SQL += strings.Join(create, "")
		}
	}
	if fk, ok := o.(*ops.CreateForeignKey); ok && mode.Algorithm == "INPLACE" && p.d.flavor != MySQL {
		return p.inplaceForeignKey(fk, out)
	}
	return out
}

// inplaceForeignKey turns off foreign_key_checks for the statement that
// adds fk (MariaDB's SET STATEMENT ... FOR, so no later statement of the
// session runs without them, and a retry runs the same statement; in a
// MariaDB-only comment, so that MySQL, which has no such form, refuses
// the INPLACE with its own reason instead of running without checks) and
// checks the rows already there after it: the key is enforced for every
// new row once added, and the check fails the op when an old row has no
// parent. The check reads without locks, as any SELECT on InnoDB.
func (p *planner) inplaceForeignKey(fk *ops.CreateForeignKey, st []dialect.Statement) []dialect.Statement {
	for i := range st {
		if strings.HasPrefix(st[i].SQL, "ALTER TABLE ") {
			st[i].SQL = "/*M!100301 SET STATEMENT foreign_key_checks=0 FOR */ " + st[i].SQL
		}
	}
	return append(st, dialect.Statement{SQL: p.orphans(fk), FailIfRows: true})
}

// orphans is a query that returns a row when a row of fk's table
// references no row of its parent: the check of the existing rows.
func (p *planner) orphans(o *ops.CreateForeignKey) string {
	fk := o.ForeignKey
	schema := cmp.Or(fk.RefSchema, o.Schema)
	var notNull, match []string
	for i, c := range fk.Columns {
		notNull = append(notNull, "c."+p.d.QuoteIdent(c)+" IS NOT NULL")
		match = append(match, "r."+p.d.QuoteIdent(fk.RefColumns[i])+" = c."+p.d.QuoteIdent(c))
	}
	return fmt.Sprintf("SELECT 1 /* a row references no parent row: fix the rows, then run the revision again */ FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s r WHERE %s) LIMIT 1",
		p.table(o.TableRef), strings.Join(notNull, " AND "),
		p.table(ops.TableRef{Schema: schema, Table: fk.RefTable}), strings.Join(match, " AND "))
}
