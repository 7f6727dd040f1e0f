package mysql

// onlineClause is what concurrently: true asks of an index build or drop:
// an in-place change that lets reads and writes go on. The server refuses
// it (Error 1846, "ALGORITHM=INPLACE is not supported") rather than
// falling back to a copy under a lock.
const onlineClause = "ALGORITHM=INPLACE LOCK=NONE"
