package autogen

import (
	"errors"
	"fmt"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// ErrPartitionChanged is a table whose partitioning differs between the
// target and the database: its key, or a partition's parent or bound.
// PostgreSQL cannot change a table's partition key in place, and moving a
// partition (DETACH, then ATTACH with the new bound) checks or moves rows:
// both are a revision to write by hand, not one to guess.
var ErrPartitionChanged = errors.New("partitioning changed")

// changedPartitioning returns an error naming the first table of both
// sides whose partition_by or partition_of differs.
func (c *comparer) changedPartitioning() error {
	return c.eachTableOnBothSides(func(t, cur *metadata.Table) error {
		if !samePartitionKey(t.PartitionBy, cur.PartitionBy) {
			return fmt.Errorf("autogen: table %s: %w: partition_by %s in the schema, %s in the database; a table's partitioning cannot change in place: write the revision by hand (a new table, rows moved, renames)",
				t.QualifiedName(), ErrPartitionChanged, orNone(t.PartitionBy), orNone(cur.PartitionBy))
		}
		if !samePartitionOf(t, cur) {
			return fmt.Errorf("autogen: table %s: %w: partition_of %s in the schema, %s in the database; write the revision by hand (execute: ALTER TABLE ... DETACH PARTITION / ATTACH PARTITION ... FOR VALUES ...)",
				t.QualifiedName(), ErrPartitionChanged, describePartitionOf(t), describePartitionOf(cur))
		}
		return nil
	})
}

// eachTableOnBothSides calls fn with each target table and the database's
// table of the same name, where there is one, and stops at its first error.
func (c *comparer) eachTableOnBothSides(fn func(t, cur *metadata.Table) error) error {
	for _, t := range c.target.Tables {
		if cur := c.current.Table(t.Schema, t.Name); cur != nil {
			if err := fn(t, cur); err != nil {
				return err
			}
		}
	}
	return nil
}

// samePartitionOf reports whether two tables are partitions of the same
// parent with the same bound, or both not partitions.
func samePartitionOf(a, b *metadata.Table) bool {
	pa, pb := a.PartitionOf, b.PartitionOf
	if pa == nil || pb == nil {
		return pa == nil && pb == nil
	}
	as, an := pa.ParentRef(a)
	bs, bn := pb.ParentRef(b)
	return as == bs && an == bn && samePartitionText(pa.Bound, pb.Bound)
}

// samePartitionKey compares two partition keys: the strategy's letter
// case and the spacing aside, the key as the catalog prints it.
func samePartitionKey(a, b string) bool {
	sa, ka, _ := strings.Cut(strings.TrimSpace(a), " ")
	sb, kb, _ := strings.Cut(strings.TrimSpace(b), " ")
	return strings.EqualFold(sa, sb) && samePartitionText(ka, kb)
}

// samePartitionText compares two renderings of a key or bound as the
// catalog prints them, spacing aside (a bound's values are compared as
// written: a list partition's 'A' is not its 'a').
func samePartitionText(a, b string) bool {
	return strings.Join(strings.Fields(a), " ") == strings.Join(strings.Fields(b), " ")
}

func describePartitionOf(t *metadata.Table) string {
	if t.PartitionOf == nil {
		return "none"
	}
	s, n := t.PartitionOf.ParentRef(t)
	if s != "" {
		n = s + "." + n
	}
	return n + " " + t.PartitionOf.Bound
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
