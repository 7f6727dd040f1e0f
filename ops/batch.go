package ops

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// DefaultBatchSize is the rows per batch of a BatchUpdate or BatchDelete
// whose batch_size is 0.
const DefaultBatchSize = 10000

// BatchUpdate is a backfill: UPDATE table SET Set WHERE Where, run in
// batches of BatchSize rows by primary key range, each batch a short
// transaction of its own that also records how far the op got, so a run
// killed part way resumes after the last committed batch and no row is
// updated twice. Sleep is the pause between batches. Set and Where are SQL
// text; Where may be empty (every row).
type BatchUpdate struct {
	TableRef
	Set       string
	Where     string
	BatchSize int
	Sleep     time.Duration
}

// BatchDelete deletes the rows of table that match Where, in batches as
// BatchUpdate runs.
type BatchDelete struct {
	TableRef
	Where     string
	BatchSize int
	Sleep     time.Duration
}

func (*BatchUpdate) op() {}
func (*BatchDelete) op() {}

// Name returns "batch_update".
func (*BatchUpdate) Name() string { return "batch_update" }

// Name returns "batch_delete".
func (*BatchDelete) Name() string { return "batch_delete" }

func (o *BatchUpdate) what() string { return "batch_update " + o.qname() }
func (o *BatchDelete) what() string { return "batch_delete " + o.qname() }

// Reverse fails: the values a backfill overwrote are not kept.
func (o *BatchUpdate) Reverse() (Op, error) {
	return nil, &sentinelError{msg: o.what() + ": the values it overwrites are not kept; write the downgrade by hand (often nothing: the column it fills is dropped)", sentinel: ErrIrreversible}
}

// Reverse fails: the deleted rows are not kept.
func (o *BatchDelete) Reverse() (Op, error) {
	return nil, &sentinelError{msg: o.what() + ": the rows it deletes are not kept; write the downgrade by hand", sentinel: ErrIrreversible}
}

// Validate checks the table, that there is something to set, and the
// batch size and sleep.
func (o *BatchUpdate) Validate() error {
	if err := o.validateRef("batch_update"); err != nil {
		return err
	}
	if o.Set == "" {
		return fmt.Errorf("%s: set is empty (set: \"n = n + 1\")", o.what())
	}
	return validateBatch(o.what(), o.BatchSize, o.Sleep)
}

// Validate checks the table and the batch size and sleep.
func (o *BatchDelete) Validate() error {
	if err := o.validateRef("batch_delete"); err != nil {
		return err
	}
	return validateBatch(o.what(), o.BatchSize, o.Sleep)
}

func validateBatch(what string, size int, sleep time.Duration) error {
	if size < 0 {
		return fmt.Errorf("%s: batch_size %d: want a positive count", what, size)
	}
	if sleep < 0 {
		return fmt.Errorf("%s: sleep %s: want a positive duration", what, sleep)
	}
	return nil
}

// Size is the batch size, DefaultBatchSize when BatchSize is 0.
func (o *BatchUpdate) Size() int { return batchSize(o.BatchSize) }

// Size is the batch size, DefaultBatchSize when BatchSize is 0.
func (o *BatchDelete) Size() int { return batchSize(o.BatchSize) }

func batchSize(n int) int {
	if n == 0 {
		return DefaultBatchSize
	}
	return n
}

func (*BatchUpdate) apply(*metadata.MetaData) error { return nil }
func (*BatchDelete) apply(*metadata.MetaData) error { return nil }

func decodeBatchUpdate(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("batch_update", n, "table"), withRef("set", "where", "batch_size", "sleep"))
	op := &BatchUpdate{TableRef: o.ref(), Set: o.required("set"), Where: o.str("where")}
	op.BatchSize, op.Sleep = o.batchSize(), o.sleep()
	return op
}

func decodeBatchDelete(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("batch_delete", n, "table"), withRef("where", "batch_size", "sleep"))
	op := &BatchDelete{TableRef: o.ref(), Where: o.str("where")}
	op.BatchSize, op.Sleep = o.batchSize(), o.sleep()
	return op
}

// batchSize reads batch_size: a positive count, 0 when absent.
func (o obj) batchSize() int {
	s := o.str("batch_size")
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		o.d.errorf(o.val("batch_size"), "%s must be a positive count such as 10000, not %q", o.sub("batch_size"), s)
	}
	return n
}

// sleep reads sleep: a Go duration such as 50ms, 0 when absent.
func (o obj) sleep() time.Duration {
	s := o.str("sleep")
	if s == "" {
		return 0
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		o.d.errorf(o.val("sleep"), "%s must be a duration such as 50ms, not %q", o.sub("sleep"), s)
	}
	return d
}

func (o *BatchUpdate) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	b.set("set", strNode(o.Set))
	b.str("where", o.Where)
	b.batch(o.BatchSize, o.Sleep)
	return b.n, nil
}

func (o *BatchDelete) encode() (*yaml.Node, error) {
	b := newMap()
	b.ref(o.TableRef)
	b.str("where", o.Where)
	b.batch(o.BatchSize, o.Sleep)
	return b.n, nil
}

// batch adds batch_size and sleep, each left out when zero.
func (b mapb) batch(size int, sleep time.Duration) {
	if size != 0 {
		b.set("batch_size", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.Itoa(size)})
	}
	if sleep != 0 {
		b.set("sleep", strNode(sleep.String()))
	}
}
