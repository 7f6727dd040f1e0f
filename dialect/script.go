package dialect

// ScriptPreamble is implemented by dialects whose connections the runner
// sets up with session settings a client running a --sql script would not
// have (MySQL: time_zone '+00:00', so TIMESTAMP columns and CURRENT_TIMESTAMP
// agree with the UTC values the script writes). The runner writes the
// statements, each ending in ";", at the top of every script.
type ScriptPreamble interface {
	ScriptPreamble() []string
}

// ScriptTerminator is implemented by dialects whose command-line client
// ends a statement at a delimiter it does not look for inside bodies
// (MySQL: a procedure's BEGIN ... ; ... END needs DELIMITER lines around
// it). Scripts (--sql, inspect --format sql) write each statement through
// it; without it a statement is written with a final ";".
type ScriptTerminator interface {
	// TerminateStatement returns stmt (no final ";") as script text that
	// the dialect's client and [ScriptSplitter] read back as stmt alone,
	// with its delimiter and a final newline.
	TerminateStatement(stmt string) string
}

// Terminate writes stmt as a line of a script for d: through d's
// [ScriptTerminator], or with a final ";" and newline.
func Terminate(d Dialect, stmt string) string {
	if t, ok := d.(ScriptTerminator); ok {
		return t.TerminateStatement(stmt)
	}
	return stmt + ";\n"
}
