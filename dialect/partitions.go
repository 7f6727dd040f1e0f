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

// NoPartitions returns ErrNoPartitions, naming t, when t is partitioned
// or a partition.
func NoPartitions(t *metadata.Table) error {
	if t.PartitionBy == "" && t.PartitionOf == nil {
		return nil
	}
	return fmt.Errorf("table %s: %w", t.QualifiedName(), ErrNoPartitions)
}
