package mysql

import (
	"context"
	"database/sql"
	"sync/atomic"
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

	// The prober gives up 5 times while the transaction is open; the
	// reader queries the table all along. Each probe's pending lock holds
	// the reader back only while that probe waits: when it gives up, the
	// waiting reader is served before the next probe queues, so some read
	// is served after the first probe and before the last, while the
	// transaction is still open. (Counted by probes done, not by time: how
	// many reads fit in between depends on the machine's load.)
	var done atomic.Int32
	busy := make(chan int, 1)
	go func() {
		n := 0
		for range 5 {
			if _, err := prober.ExecContext(ctx, probe[0].SQL); err != nil && d.LockBusy(err) {
				n++
			}
			done.Add(1)
		}
		busy <- n
	}()
	between, probesBusy := 0, -1
	for probesBusy < 0 {
		require.NoError(t, reader.QueryRowContext(ctx, "SELECT n FROM items WHERE id = 1").Scan(&n))
		if k := done.Load(); k >= 1 && k <= 4 {
			between++
		}
		select {
		case probesBusy = <-busy:
		default:
		}
	}
	assert.Equal(t, 5, probesBusy, "each probe gives up while the transaction holds the table")
	assert.Positive(t, between, "the reader is served between the probes, not held until the transaction ends")
	require.NoError(t, tx.Commit())
	for _, st := range probe {
		_, err := prober.ExecContext(ctx, st.SQL)
		require.NoError(t, err, "the probe after the transaction ended")
	}
	_, err = prober.ExecContext(ctx, "ALTER TABLE `items` ADD INDEX `ix_n` (`n`), ALGORITHM=INPLACE, LOCK=NONE")
	require.NoError(t, err, "the ALTER after the probe")
}
