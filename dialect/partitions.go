package dialect

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// ErrNoPartitions is returned by a dialect without PostgreSQL's
// declarative partitioning asked to create a partitioned table or a
// partition: building it as a plain table would hold other rows where.
var ErrNoPartitions = errors.New("partition_by and partition_of are PostgreSQL's declarative partitioning; this database's tables have none: remove them from the table")

// ErrNoInherits is returned by a dialect without PostgreSQL's table
// inheritance asked to create a table that inherits: a plain table would
// not show its rows in the parent's.
var ErrNoInherits = errors.New("inherits is PostgreSQL's table inheritance; this database's tables have none: remove it from the table")

// NoPartitions returns ErrNoPartitions, naming t, when t is partitioned
// or a partition, and ErrNoInherits when it inherits.
func NoPartitions(t *metadata.Table) error {
	if len(t.Inherits) > 0 {
		return fmt.Errorf("table %s: %w", t.QualifiedName(), ErrNoInherits)
	}
	if t.PartitionBy == "" && t.PartitionOf == nil {
		return nil
	}
	return fmt.Errorf("table %s: %w", t.QualifiedName(), ErrNoPartitions)
}
