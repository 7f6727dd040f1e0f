package mysql_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestPartitionedTableWarned: MySQL's PARTITION BY is not modelled yet,
// so inspecting a partitioned table says so (a table created from the
// model would not be partitioned); PostgreSQL's partition_by and
// partition_of are refused by the planner, not built as plain tables.
func TestPartitionedTableWarned(t *testing.T) {
	db := dbtest.MySQL(t)
	dbtest.Exec(t, db, `CREATE TABLE p (id int, y int) PARTITION BY RANGE (y) (PARTITION p0 VALUES LESS THAN (2000), PARTITION p1 VALUES LESS THAN MAXVALUE)`)
	d := &mysql.Dialect{}
	in := dialecttest.Inspect(t, d, db.DB)
	assert.Contains(t, strings.Join(in.Warnings, "\n"), `table "p" is partitioned; its PARTITION BY is not modelled`)

	tb := metadata.NewTable("q", &metadata.Column{Name: "id", Type: metadata.Type{Kind: metadata.Integer}})
	tb.PartitionBy = "RANGE (id)"
	_, err := d.Plan(metadata.New(), []ops.Op{&ops.CreateTable{Table: tb}})
	require.ErrorIs(t, err, dialect.ErrNoPartitions)
}
