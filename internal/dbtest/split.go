package dbtest

import "github.com/retortdb/retort/dialect/mysql/script"

// Statement is one statement of a script and the line it starts on.
type Statement = script.Statement

// SplitMySQL splits a script written for the mysql command-line client into
// statements, as that client does (see [script.Split]): DELIMITER lines,
// no delimiter inside quotes or comments, /*! versioned */ comments kept.
func SplitMySQL(s string) ([]Statement, error) { return script.Split(s) }
