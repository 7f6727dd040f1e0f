package mysql

import (
	"context"
	"database/sql"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

var _ dialect.LockProber = (*Dialect)(nil)

// alterAttempts are tried in order on the scratch copy; the first the
// server accepts is the statement's algorithm and lock level.
var alterAttempts = []struct{ algorithm, lock string }{
	{"INSTANT", ""}, {"INPLACE", "NONE"}, {"INPLACE", "SHARED"}, {"COPY", "SHARED"}, {"COPY", "EXCLUSIVE"},
}

var (
	alterTableRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)^\s*ALTER\s+TABLE\s+((?:` + "`[^`]*(?:``[^`]*)*`" + `\.)?` + "`[^`]*(?:``[^`]*)*`" + `|\S+)`)
	})
	createIndexRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)^\s*CREATE\s+(?:UNIQUE\s+|FULLTEXT\s+|SPATIAL\s+)?INDEX\s+\S+\s+ON\s+(` + "`[^`]*(?:``[^`]*)*`" + `(?:\.` + "`[^`]*(?:``[^`]*)*`" + `)?|\S+)`)
	})
)

// ProbeStatement runs st on the scratch db. An ALTER TABLE (or CREATE
// INDEX) is tried with ALGORITHM=INSTANT, then INPLACE with LOCK=NONE,
// then weaker promises, and the first the server accepts is kept (and
// applied: MySQL DDL does not roll back, and this is a scratch copy). A
// change of the InnoDB table id is a rebuild (a rewrite of the table).
func (d *Dialect) ProbeStatement(ctx context.Context, db *sql.DB, st dialect.Statement) (dialect.Probe, error) {
	text := strings.TrimRight(strings.TrimSpace(st.SQL), ";")
	sep, table := ", ", ""
	if m := alterTableRE().FindStringSubmatch(text); m != nil {
		table = m[1]
	} else if m := createIndexRE().FindStringSubmatch(text); m != nil {
		sep, table = " ", m[1]
	}
	before, err := innodbTableIDs(ctx, db)
	if err != nil {
		return dialect.Probe{}, err
	}
	p := dialect.Probe{Measured: true}
	if table == "" {
		if _, err := db.ExecContext(ctx, st.SQL, st.Args...); err != nil {
			return p, err
		}
	} else if err := tryAlgorithms(ctx, db, text, sep, st.Args, &p); err != nil {
		return p, err
	}
	after, err := innodbTableIDs(ctx, db)
	if err != nil {
		return p, err
	}
	for name, id := range before {
		if a, ok := after[name]; ok && a != id {
			p.Rewritten = append(p.Rewritten, name)
		}
	}
	sort.Strings(p.Rewritten)
	if table != "" {
		rel := strings.ReplaceAll(strings.Trim(table, "`"), "``", "`")
		p.Locks = []dialect.RelationLock{{Relation: rel, Mode: p.Algorithm + ", LOCK=" + p.LockLevel}}
		p.BlocksWrites = p.LockLevel != "NONE"
		p.BlocksReads = p.LockLevel == "EXCLUSIVE"
	}
	return p, nil
}

// tryAlgorithms runs text with each of alterAttempts' clauses until the
// server accepts one; the error of the plain statement is returned when
// none is accepted.
func tryAlgorithms(ctx context.Context, db *sql.DB, text, sep string, args []any, p *dialect.Probe) error {
	for _, a := range alterAttempts {
		clause := sep + "ALGORITHM=" + a.algorithm
		if a.lock != "" {
			clause += sep + "LOCK=" + a.lock
		}
		if _, err := db.ExecContext(ctx, text+clause, args...); err == nil {
			p.Algorithm, p.LockLevel = a.algorithm, a.lock
			if a.lock == "" {
				p.LockLevel = "NONE"
			}
			return nil
		}
	}
	if _, err := db.ExecContext(ctx, text, args...); err != nil {
		return err
	}
	p.Algorithm, p.LockLevel = "COPY", "EXCLUSIVE"
	p.Note = "the server refused every ALGORITHM/LOCK clause but ran the statement plainly"
	return nil
}

// innodbTableIDs maps each table of the current database to its InnoDB
// table id (information_schema.INNODB_SYS_TABLES on MariaDB,
// INNODB_TABLES on MySQL 8); a rebuilt table gets a new id.
func innodbTableIDs(ctx context.Context, db *sql.DB) (map[string]int64, error) {
	out := map[string]int64{}
	var firstErr error
	for _, view := range []string{"INNODB_SYS_TABLES", "INNODB_TABLES"} {
		q := fmt.Sprintf("SELECT NAME, TABLE_ID FROM information_schema.%s WHERE NAME LIKE CONCAT(DATABASE(), '/%%')", view)
		rows, err := db.QueryContext(ctx, q)
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			continue
		}
		defer rows.Close()
		for rows.Next() {
			var name string
			var id int64
			if err := rows.Scan(&name, &id); err != nil {
				return nil, err
			}
			_, t, _ := strings.Cut(name, "/")
			out[t] = id
		}
		return out, rows.Err()
	}
	return nil, fmt.Errorf("reading InnoDB table ids: %w", firstErr)
}

// DocumentedProbe is MariaDB 10.6+/MySQL 8's documented online DDL
// algorithm per op, for a lint without a scratch database.
func (d *Dialect) DocumentedProbe(op ops.Op) dialect.Probe {
	p := dialect.Probe{Note: "documented online-DDL rules for MariaDB 10.6+ and MySQL 8, not measured (pass --dev-url to measure)"}
	alg, lock := "", ""
	switch o := op.(type) {
	case *ops.AddColumn, *ops.DropColumn, *ops.SetTableComment:
		alg, lock = "INSTANT", "NONE"
	case *ops.AlterColumn:
		alg, lock = "INSTANT", "NONE"
		if o.Type != nil {
			alg, lock = "COPY", "SHARED"
		} else if o.Nullable != nil && !*o.Nullable {
			alg, lock = "INPLACE", "NONE"
		}
	case *ops.CreateIndex, *ops.CreateUniqueConstraint, *ops.DropIndex, *ops.DropConstraint:
		alg, lock = "INPLACE", "NONE"
	case *ops.CreateForeignKey:
		alg, lock = "COPY", "SHARED" // INPLACE only with foreign_key_checks=0
	case *ops.CreateCheckConstraint, *ops.CreatePrimaryKey:
		alg, lock = "COPY", "SHARED"
	default:
		return p
	}
	p.Algorithm, p.LockLevel = alg, lock
	if t, ok := ops.TableOf(op); ok {
		p.Locks = []dialect.RelationLock{{Relation: t.Table, Mode: alg + ", LOCK=" + lock}}
	}
	p.BlocksWrites = lock != "NONE"
	if alg == "COPY" {
		if t, ok := ops.TableOf(op); ok {
			p.Rewritten = []string{t.Table}
		}
	}
	return p
}
