package postgres

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// invalidIndexQuery finds the INVALID index a failed CREATE INDEX
// CONCURRENTLY left ($1 its name, $2 its schema or "" for the current
// one) and gives the statement that drops it: a valid index of the name
// (the build failed because it exists) is left alone.
const invalidIndexQuery = `SELECT 'DROP INDEX CONCURRENTLY IF EXISTS ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE NOT i.indisvalid AND c.relname = $1 AND n.nspname = COALESCE(NULLIF($2, ''), current_schema())`

// concurrently turns the CREATE INDEX of st into CREATE INDEX
// CONCURRENTLY, which runs outside a transaction and, when it fails,
// drops the INVALID index it left.
func (p Postgres) concurrently(st []dialect.Statement, schema string) []dialect.Statement {
	for i := range st {
		if !strings.HasPrefix(st[i].SQL, "CREATE ") {
			continue // the index's COMMENT ON INDEX
		}
		name := indexName(st[i].SQL)
		st[i].SQL = strings.Replace(st[i].SQL, "INDEX ", "INDEX CONCURRENTLY ", 1)
		st[i].NoTransaction = true
		st[i].Cleanup = []dialect.Statement{{SQL: invalidIndexQuery, Args: []any{name, schema}, ExecRows: true, Op: st[i].Op}}
	}
	return st
}

// indexName reads the index name back from CREATE [UNIQUE] INDEX "name".
func indexName(sql string) string {
	_, rest, _ := strings.Cut(sql, "INDEX ")
	if !strings.HasPrefix(rest, `"`) {
		name, _, _ := strings.Cut(rest, " ")
		return name
	}
	var b strings.Builder
	for i := 1; i < len(rest); i++ {
		if rest[i] == '"' {
			if i+1 < len(rest) && rest[i+1] == '"' {
				b.WriteByte('"')
				i++
				continue
			}
			break
		}
		b.WriteByte(rest[i])
	}
	return b.String()
}

// notValid plans a create_foreign_key or create_check_constraint with
// not_valid: the plain ADD CONSTRAINT with NOT VALID after it, which takes
// its lock briefly and scans nothing.
func (p Postgres) notValid(m *metadata.MetaData, o ops.Op) ([]dialect.Statement, error) {
	switch o := o.(type) {
	case *ops.CreateForeignKey:
		c := *o
		c.NotValid = false
		c.ForeignKey = o.ForeignKey.Clone()
		c.ForeignKey.NotValid = false
		st, err := p.planOp(m, &c)
		return withNotValid(st), err
	case *ops.CreateCheckConstraint:
		c := *o
		c.NotValid = false
		c.Check = o.Check.Clone()
		c.Check.NotValid = false
		st, err := p.planOp(m, &c)
		return withNotValid(st), err
	}
	return nil, fmt.Errorf("not_valid on %s", o.Name())
}

// withNotValid marks the ADD of a planned constraint NOT VALID, named or
// not (an unnamed one is ADD FOREIGN KEY / ADD CHECK).
func withNotValid(st []dialect.Statement) []dialect.Statement {
	for i := range st {
		if strings.HasPrefix(st[i].SQL, "ALTER TABLE ") && strings.Contains(st[i].SQL, " ADD ") {
			st[i].SQL += " NOT VALID"
		}
	}
	return st
}

// validateConstraint plans VALIDATE CONSTRAINT, which scans the table
// under SHARE UPDATE EXCLUSIVE (reads and writes go on), or, to
// invalidate, drops the constraint and adds it back NOT VALID.
func (p Postgres) validateConstraint(m *metadata.MetaData, o *ops.ValidateConstraint) ([]dialect.Statement, error) {
	alter := "ALTER TABLE " + p.table(o.TableRef)
	if !o.Invalidate {
		return stmts(alter + " VALIDATE CONSTRAINT " + p.QuoteIdent(o.ConstraintName)), nil
	}
	var add ops.Op
	switch {
	case o.ForeignKey != nil:
		fk := o.ForeignKey.Clone()
		fk.Name = o.ConstraintName
		add = &ops.CreateForeignKey{TableRef: o.TableRef, ForeignKey: fk}
	case o.Check != nil:
		c := o.Check.Clone()
		c.Name = o.ConstraintName
		add = &ops.CreateCheckConstraint{TableRef: o.TableRef, Check: c}
	default:
		return nil, fmt.Errorf("validate_constraint %s with invalidate: needs the constraint's definition to add it back NOT VALID", o.ConstraintName)
	}
	st, err := p.notValid(m, add)
	if err != nil {
		return nil, err
	}
	comment, err := p.addedComment(m, add) // the drop took the comment with it
	return append(append(stmts(alter+" DROP CONSTRAINT "+p.QuoteIdent(o.ConstraintName)), st...), comment...), err
}

// notNullVersionGuard refuses the safe SET NOT NULL on a server older than
// 12, whose SET NOT NULL scans the table under its ACCESS EXCLUSIVE lock
// whatever checks it has: the four statements would only add a second
// scan. A guard in the plan, not a version read at plan time, so that a
// --sql script carries it too.
const notNullVersionGuard = `DO $$BEGIN IF current_setting('server_version_num')::int < 120000 THEN RAISE EXCEPTION 'retort: alter_column online: needs PostgreSQL 12 or later (an older SET NOT NULL scans the table under an ACCESS EXCLUSIVE lock whatever the checks); remove online: or upgrade the server'; END IF; END$$`

// safeSetNotNull plans SET NOT NULL without a long lock (PostgreSQL 12+):
// a CHECK (column IS NOT NULL) NOT VALID (a brief lock, no scan), its
// VALIDATE outside the revision's transaction (a scan under SHARE UPDATE
// EXCLUSIVE, which lets reads and writes go on, and commits the brief
// lock of the ADD first), then SET NOT NULL, which trusts the validated
// check and scans nothing, and the check dropped. A check of the same
// name left by a run that failed at VALIDATE is dropped first, so that
// the revision can run again.
func (p Postgres) safeSetNotNull(o *ops.AlterColumn) []dialect.Statement {
	alter := "ALTER TABLE " + p.table(o.TableRef) + " "
	col := p.QuoteIdent(o.ColumnName)
	ck := p.QuoteIdent(notNullCheckName(o.Table, o.ColumnName))
	return []dialect.Statement{
		{SQL: notNullVersionGuard},
		{SQL: alter + "DROP CONSTRAINT IF EXISTS " + ck},
		{SQL: alter + "ADD CONSTRAINT " + ck + " CHECK (" + col + " IS NOT NULL) NOT VALID"},
		{SQL: alter + "VALIDATE CONSTRAINT " + ck, NoTransaction: true},
		{SQL: alter + "ALTER COLUMN " + col + " SET NOT NULL"},
		{SQL: alter + "DROP CONSTRAINT " + ck},
	}
}

// notNullCheckName is the temporary check's name, <table>_<column>_not_null,
// cut to PostgreSQL's 63 bytes (on a character boundary) as the server
// would cut it.
func notNullCheckName(table, column string) string {
	name := table + "_" + column + "_not_null"
	if len(name) <= 63 {
		return name
	}
	name = name[:63]
	for !utf8.ValidString(name) {
		name = name[:len(name)-1]
	}
	return name
}
