package dialect

// ScriptPreamble is implemented by dialects whose connections the runner
// sets up with session settings a client running a --sql script would not
// have (MySQL: time_zone '+00:00', so TIMESTAMP columns and CURRENT_TIMESTAMP
// agree with the UTC values the script writes). The runner writes the
// statements, each ending in ";", at the top of every script.
type ScriptPreamble interface {
	ScriptPreamble() []string
}
