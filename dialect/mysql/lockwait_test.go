package mysql

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

func TestLockWaitProbeStatements(t *testing.T) {
	maria := New(MariaDB)
	for _, tc := range []struct {
		name, sql string
		d         *Dialect
		want      string
	}{
		{"alter", "ALTER TABLE `items` ADD INDEX `ix` (`n`), ALGORITHM=INPLACE, LOCK=NONE", maria, "SET STATEMENT max_statement_time=0.25 FOR LOCK TABLES `items` WRITE"},
		{"schema", "ALTER TABLE `s`.`it``ems` ADD COLUMN `c` int, ALGORITHM=INPLACE, LOCK=NONE", maria, "SET STATEMENT max_statement_time=0.25 FOR LOCK TABLES `s`.`it``ems` WRITE"},
		{"create index", "CREATE INDEX `ix` ON `items` (`n`) ALGORITHM=INPLACE LOCK=NONE", maria, "SET STATEMENT max_statement_time=0.25 FOR LOCK TABLES `items` WRITE"},
		{"inplace foreign key", "/*M!100301 SET STATEMENT foreign_key_checks=0 FOR */ ALTER TABLE `items` ADD CONSTRAINT `fk` FOREIGN KEY (`t`) REFERENCES `teams` (`id`), ALGORITHM=INPLACE, LOCK=NONE", maria, "SET STATEMENT max_statement_time=0.25 FOR LOCK TABLES `items` WRITE"},
		{"unknown flavour", "ALTER TABLE `items` ADD INDEX `ix` (`n`), ALGORITHM=INPLACE, LOCK=NONE", &Dialect{}, "SELECT IF(VERSION() LIKE '%MariaDB%', 'SET STATEMENT max_statement_time=0.25 FOR LOCK TABLES `items` WRITE', 'DO 0')"},
		{"not online", "ALTER TABLE `items` ADD INDEX `ix` (`n`)", maria, ""},
		{"mysql", "ALTER TABLE `items` ADD INDEX `ix` (`n`), ALGORITHM=INPLACE, LOCK=NONE", New(MySQL), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.d.LockWaitProbe(dialect.Statement{SQL: tc.sql}, 250*time.Millisecond)
			if tc.want == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 2)
			assert.Equal(t, tc.want, got[0].SQL)
			assert.Equal(t, "UNLOCK TABLES", got[1].SQL)
		})
	}
}

// TestLockWaitProbe: a transaction that has read the table makes the probe
// give up (LockBusy) within its wait, readers keep being served meanwhile,
// and once the transaction commits the probe takes and releases the lock.
func TestLockWaitProbe(t *testing.T) {
	db := dbtest.MySQL(t)
	ctx := context.Background()
	dbtest.Exec(t, db, "CREATE TABLE items (id INT PRIMARY KEY, n INT)", "INSERT INTO items VALUES (1, 1), (2, 2)")
	d := New(MariaDB)
	probe := d.LockWaitProbe(dialect.Statement{SQL: "ALTER TABLE `items` ADD INDEX `ix_n` (`n`), ALGORITHM=INPLACE, LOCK=NONE"}, 200*time.Millisecond)
	require.Len(t, probe, 2)
	conns := make([]*sql.Conn, 3)
	for i := range conns {
		c, err := db.Conn(ctx)
		require.NoError(t, err)
		defer c.Close()
		conns[i] = c
	}
	blocker, prober, reader := conns[0], conns[1], conns[2]
	tx, err := blocker.BeginTx(ctx, nil)
	require.NoError(t, err)
	var n int
	require.NoError(t, tx.QueryRowContext(ctx, "SELECT COUNT(*) FROM items").Scan(&n))

	reads := make(chan error, 1)
	go func() {
		for range 20 {
			if err := reader.QueryRowContext(ctx, "SELECT n FROM items WHERE id = 1").Scan(&n); err != nil {
				reads <- err
				return
			}
		}
		reads <- nil
	}()
	var busy int
	for range 3 {
		_, err := prober.ExecContext(ctx, probe[0].SQL)
		require.Error(t, err, "the probe took the lock while a transaction holds the table")
		require.True(t, d.LockBusy(err), err.Error())
		busy++
	}
	assert.Equal(t, 3, busy)
	select {
	case err := <-reads:
		require.NoError(t, err, "the reader's 20 queries run while the transaction is open")
	case <-time.After(10 * time.Second):
		t.Fatal("the reader is blocked behind the probe")
	}
	require.NoError(t, tx.Commit())
	for _, st := range probe {
		_, err := prober.ExecContext(ctx, st.SQL)
		require.NoError(t, err, "the probe after the transaction ended")
	}
	_, err = prober.ExecContext(ctx, "ALTER TABLE `items` ADD INDEX `ix_n` (`n`), ALGORITHM=INPLACE, LOCK=NONE")
	require.NoError(t, err, "the ALTER after the probe")
}
