package dialect

// BatchTable is where a runner records how far each batch_update and
// batch_delete of an unfinished revision got: one row per op, written in
// the same transaction as the op's batch, and deleted in the transaction
// that moves the version table past the revision. Like the version table,
// it is left out of reflection and comparison.
const BatchTable = "retort_batch"
