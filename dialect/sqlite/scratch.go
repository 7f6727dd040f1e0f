package sqlite

import "github.com/retortdb/retort/dialect"

var _ dialect.ScratchProvider = (*Dialect)(nil)

// ScratchURL is an in-memory database: a .sql schema loads without a server.
func (*Dialect) ScratchURL() string { return "sqlite://" }
