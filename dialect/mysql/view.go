package mysql

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// normalizeViews gives m's views the form Inspect reads: the query
// trimmed, UNDEFINED and DEFINER (the server's defaults) unsaid,
// PostgreSQL's options and comments left out (MySQL keeps no comment on
// a view), and the views in creation order. A hand-written query is not
// rewritten as the server would store it: see docs/design.md (views).
func normalizeViews(m *metadata.MetaData) {
	for _, v := range m.Views {
		v.Definition = metadata.TrimDefinition(v.Definition)
		if v.Algorithm == "undefined" {
			v.Algorithm = ""
		}
		if v.Security == "definer" {
			v.Security = ""
		}
		v.SecurityInvoker, v.SecurityBarrier, v.Comment = false, false, ""
	}
	dialect.NormalizeViewOrder(m)
}
