package retort

import "github.com/retortdb/retort/ops"

// describe renders one op on one line, in revision-file form:
// "add_column: {table: users, column: {...}}".
func describe(o ops.Op) string { return ops.OneLine(o, 300) }
