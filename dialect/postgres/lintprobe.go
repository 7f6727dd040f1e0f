package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"time"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/ops"
)

var _ dialect.LockProber = Postgres{}

// lockStrength orders PostgreSQL's table lock modes, weakest first.
var lockStrength = map[string]int{
	"AccessShareLock": 1, "RowShareLock": 2, "RowExclusiveLock": 3,
	"ShareUpdateExclusiveLock": 4, "ShareLock": 5, "ShareRowExclusiveLock": 6,
	"ExclusiveLock": 7, "AccessExclusiveLock": 8,
}

// relState is one user relation's storage and scan count.
type relState struct {
	name     string
	kind     string
	filenode int64
	scans    int64
}

// relStateSQL reads every user relation's relfilenode and this
// transaction's sequential scans of it (pg_stat_xact_all_tables).
const relStateSQL = `SELECT c.oid::bigint, n.nspname, c.relname, c.relkind::text, c.relfilenode::bigint,
  COALESCE(s.seq_scan, 0)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_stat_xact_all_tables s ON s.relid = c.oid
WHERE c.relkind IN ('r','p','i','I','m') AND n.nspname NOT IN ('pg_catalog','information_schema','pg_toast')
  AND n.nspname NOT LIKE 'pg_temp%'`

// lockSQL reads the relation locks a backend holds or waits for on user
// relations (a wait shows the mode the statement asks for).
const lockSQL = `SELECT n.nspname, c.relname, l.mode
FROM pg_locks l JOIN pg_class c ON c.oid = l.relation JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE l.pid = $1 AND l.locktype = 'relation'
  AND n.nspname NOT IN ('pg_catalog','information_schema','pg_toast')`

// holdTablesSQL takes the weakest table lock on every user table, in the
// session that holds the snapshot during probeOutside.
const holdTablesSQL = `DO $$DECLARE r record; BEGIN
  FOR r IN SELECT c.oid::regclass AS rel FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
  LOOP EXECUTE format('LOCK TABLE %s IN ACCESS SHARE MODE', r.rel); END LOOP;
END$$`

// ProbeStatement runs st on the scratch db in a transaction, has a second
// connection read pg_locks for the first while the transaction is open,
// compares relfilenode and this transaction's sequential scans before and
// after, and commits. A statement that must run outside a transaction
// (CREATE INDEX CONCURRENTLY) runs while another session holds a snapshot,
// so it waits, and is sampled while it waits.
func (Postgres) ProbeStatement(ctx context.Context, db *sql.DB, st dialect.Statement) (dialect.Probe, error) {
	conn, err := db.Conn(ctx)
	if err != nil {
		return dialect.Probe{}, err
	}
	defer conn.Close()
	var pid int
	if err := conn.QueryRowContext(ctx, "SELECT pg_backend_pid()").Scan(&pid); err != nil {
		return dialect.Probe{}, err
	}
	if st.NoTransaction {
		return probeOutside(ctx, db, conn, pid, st)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return dialect.Probe{}, err
	}
	defer tx.Rollback()
	before, err := readRelState(ctx, tx)
	if err != nil {
		return dialect.Probe{}, err
	}
	if _, err := tx.ExecContext(ctx, st.SQL, st.Args...); err != nil {
		return dialect.Probe{}, err
	}
	locks, err := readLocks(ctx, db, pid)
	if err != nil {
		return dialect.Probe{}, fmt.Errorf("sampling pg_locks from a second connection: %w", err)
	}
	after, err := readRelState(ctx, tx)
	if err != nil {
		return dialect.Probe{}, err
	}
	if err := tx.Commit(); err != nil {
		return dialect.Probe{}, err
	}
	return compareState(locks, before, after, true), nil
}

// probeOutside runs a statement that cannot run in a transaction while a
// third session holds an old snapshot, so CREATE INDEX CONCURRENTLY waits
// with its lock taken; the locks are sampled meanwhile.
func probeOutside(ctx context.Context, db *sql.DB, conn *sql.Conn, pid int, st dialect.Statement) (dialect.Probe, error) {
	before, err := readRelState(ctx, db)
	if err != nil {
		return dialect.Probe{}, err
	}
	holder, err := db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead})
	if err != nil {
		return dialect.Probe{}, err
	}
	defer holder.Rollback()
	if _, err := holder.ExecContext(ctx, "SELECT 1"); err != nil {
		return dialect.Probe{}, err
	}
	// The holder also takes ACCESS SHARE on every user table: a statement
	// that wants ACCESS EXCLUSIVE (VACUUM FULL) then waits on it, and the
	// lock it asks for is sampled while it waits, however small the table.
	if _, err := holder.ExecContext(ctx, holdTablesSQL); err != nil {
		return dialect.Probe{}, err
	}
	done := make(chan error, 1)
	go func() { _, err := conn.ExecContext(ctx, st.SQL, st.Args...); done <- err }()
	var locks []dialect.RelationLock
	deadline := time.Now().Add(2 * time.Second)
	for len(locks) == 0 && time.Now().Before(deadline) {
		if locks, err = readLocks(ctx, db, pid); err != nil {
			holder.Rollback()
			<-done
			return dialect.Probe{}, err
		}
		select {
		case err := <-done:
			holder.Rollback()
			if err != nil {
				return dialect.Probe{}, err
			}
			done <- nil
			deadline = time.Now() // finished: one more sample is pointless
		case <-time.After(5 * time.Millisecond):
		}
	}
	holder.Rollback()
	if err := <-done; err != nil {
		return dialect.Probe{}, err
	}
	after, err := readRelState(ctx, db)
	if err != nil {
		return dialect.Probe{}, err
	}
	p := compareState(locks, before, after, false)
	if len(locks) == 0 {
		p.Note = "the statement finished before a lock was seen"
	}
	return p, nil
}

type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func readRelState(ctx context.Context, q queryer) (map[int64]relState, error) {
	rows, err := q.QueryContext(ctx, relStateSQL)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]relState{}
	for rows.Next() {
		var oid int64
		var schema string
		var r relState
		if err := rows.Scan(&oid, &schema, &r.name, &r.kind, &r.filenode, &r.scans); err != nil {
			return nil, err
		}
		r.name = qualified(schema, r.name)
		out[oid] = r
	}
	return out, rows.Err()
}

func readLocks(ctx context.Context, db *sql.DB, pid int) ([]dialect.RelationLock, error) {
	rows, err := db.QueryContext(ctx, lockSQL, pid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	strongest := map[string]string{}
	for rows.Next() {
		var schema, rel, mode string
		if err := rows.Scan(&schema, &rel, &mode); err != nil {
			return nil, err
		}
		name := qualified(schema, rel)
		if lockStrength[mode] > lockStrength[strongest[name]] {
			strongest[name] = mode
		}
	}
	out := make([]dialect.RelationLock, 0, len(strongest))
	for name, mode := range strongest {
		out = append(out, dialect.RelationLock{Relation: name, Mode: mode})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Relation < out[j].Relation })
	return out, rows.Err()
}

// compareState turns the samples into a Probe. Relations created by the
// statement are neither rewritten nor scanned; scans are counted only in
// a transaction (the xact statistics of another session are not visible).
func compareState(locks []dialect.RelationLock, before, after map[int64]relState, scans bool) dialect.Probe {
	p := dialect.Probe{Measured: true, Locks: locks}
	for oid, b := range before {
		a, ok := after[oid]
		if !ok || (b.kind != "r" && b.kind != "m") {
			continue
		}
		if a.filenode != b.filenode {
			p.Rewritten = append(p.Rewritten, b.name)
		} else if scans && a.scans > b.scans {
			p.Scanned = append(p.Scanned, b.name)
		}
	}
	sort.Strings(p.Rewritten)
	sort.Strings(p.Scanned)
	for _, l := range locks {
		s := lockStrength[l.Mode]
		p.BlocksWrites = p.BlocksWrites || s >= lockStrength["ShareLock"]
		p.BlocksReads = p.BlocksReads || s == lockStrength["AccessExclusiveLock"]
	}
	return p
}

func qualified(schema, name string) string {
	if schema == "public" {
		return name
	}
	return schema + "." + name
}

// DocumentedProbe is PostgreSQL 11+'s documented lock per op (the ALTER
// TABLE and CREATE INDEX reference pages), for a lint without a scratch
// database.
func (Postgres) DocumentedProbe(op ops.Op) dialect.Probe {
	p := dialect.Probe{Note: "documented rules for PostgreSQL 11 and later, not measured (pass --dev-url to measure)"}
	mode := "AccessExclusiveLock"
	switch o := op.(type) {
	case *ops.CreateIndex:
		mode = "ShareLock"
	case *ops.CreateForeignKey:
		mode = "ShareRowExclusiveLock"
		p.Scanned = []string{tableOf(op)}
	case *ops.CreateCheckConstraint:
		p.Scanned = []string{tableOf(op)}
	case *ops.CreateUniqueConstraint, *ops.CreatePrimaryKey:
		p.Scanned = []string{tableOf(op)}
	case *ops.AlterColumn:
		if o.Type != nil || o.Generated != nil { // a generation change drops and adds a STORED column
			p.Rewritten = []string{tableOf(op)}
		} else if o.Nullable != nil && !*o.Nullable {
			p.Scanned = []string{tableOf(op)}
		}
	case *ops.BulkInsert, *ops.BulkDelete:
		mode = "RowExclusiveLock"
	case *ops.CreateTable, *ops.CreateEnum, *ops.AlterEnumAddValue, *ops.Execute, *ops.Call:
		return p
	}
	if t := tableOf(op); t != "" {
		p.Locks = []dialect.RelationLock{{Relation: t, Mode: mode}}
	}
	s := lockStrength[mode]
	p.BlocksWrites, p.BlocksReads = s >= lockStrength["ShareLock"], s == lockStrength["AccessExclusiveLock"]
	return p
}

// tableOf is the qualified table an op names, if any.
func tableOf(op ops.Op) string {
	if t, ok := ops.TableOf(op); ok {
		return qualified(orPublic(t.Schema), t.Table)
	}
	return ""
}

func orPublic(s string) string {
	if s == "" {
		return "public"
	}
	return s
}
