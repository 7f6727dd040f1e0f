package main

// The databases migrate speaks: importing a dialect registers it (and its
// database/sql driver) for dialect.Open.
import (
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
)
