package reflect

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// Format is a way to print a model: [FormatYAML], [FormatSQL] or
// [FormatJSON].
type Format string

// The formats [Dump] writes.
const (
	// FormatYAML is schema.yaml, as [metadata.Write] writes it.
	FormatYAML Format = "yaml"
	// FormatSQL is the DDL that creates the model on an empty database:
	// enums, then tables in foreign key order, then the foreign keys a
	// cycle defers, as the dialect plans them.
	FormatSQL Format = "sql"
	// FormatJSON is schema.yaml's structure as canonical JSON, long forms
	// only, as [metadata.WriteJSON] writes it.
	FormatJSON Format = "json"
)

// Formats lists the formats [Dump] accepts.
var Formats = []Format{FormatYAML, FormatSQL, FormatJSON}

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats {
		if string(f) == s {
			return f, nil
		}
	}
	return "", fmt.Errorf("reflect: unknown format %q (want yaml, sql or json)", s)
}

// Dump renders m in format f. d is needed for FormatSQL only (its Plan
// renders the DDL); the other formats are dialect-neutral.
func Dump(m *metadata.MetaData, d dialect.Dialect, f Format) ([]byte, error) {
	switch f {
	case FormatYAML:
		return metadata.Write(m)
	case FormatJSON:
		return metadata.WriteJSON(m)
	case FormatSQL:
		if d == nil {
			return nil, fmt.Errorf("reflect: the sql format needs a dialect")
		}
		return dumpSQL(m, d)
	}
	return nil, fmt.Errorf("reflect: unknown format %q (want yaml, sql or json)", f)
}

// dumpSQL plans the ops that create m from nothing and prints them as a
// script, one statement per paragraph.
func dumpSQL(m *metadata.MetaData, d dialect.Dialect) ([]byte, error) {
	stmts, err := d.Plan(metadata.New(), dialect.CreateOpsFor(d, m))
	if err != nil {
		return nil, fmt.Errorf("reflect: planning the DDL: %w", err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "-- %s schema: %d tables, %d enums\n", d.Name(), len(m.Tables), len(m.Enums))
	for _, s := range stmts {
		if len(s.Args) > 0 {
			return nil, fmt.Errorf("reflect: the DDL statement %q has bound arguments, which a script cannot hold", s.SQL)
		}
		b.WriteByte('\n')
		text := strings.TrimRight(strings.TrimSpace(s.SQL), ";")
		if s.ExecRows {
			// A query whose rows are statements needs a database to run.
			b.WriteString("-- " + strings.ReplaceAll(text, "\n", "\n-- ") + "\n")
			continue
		}
		b.WriteString(dialect.Terminate(d, text))
	}
	return b.Bytes(), nil
}
