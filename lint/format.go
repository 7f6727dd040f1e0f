package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Write prints the report: format "text" (colored when color is true),
// "json", or "github" (workflow commands that annotate the pull request:
// ::error file=...,line=...::).
func (r *Report) Write(w io.Writer, format string, color bool) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "github":
		for _, f := range r.Findings {
			level := map[Severity]string{Info: "notice", Warning: "warning", Error: "error"}[f.Severity]
			fmt.Fprintf(w, "::%s file=%s,line=%d,title=%s::%s%%0AInstead: %s\n", level, f.File, f.Line, f.Rule, ghEscape(f.Message), ghEscape(f.Instead))
		}
		return nil
	case "text", "":
		return r.writeText(w, color)
	}
	return fmt.Errorf("unknown format %q: use text, json or github", format)
}

func (r *Report) writeText(w io.Writer, color bool) error {
	paint := func(s Severity, text string) string {
		if !color {
			return text
		}
		code := map[Severity]string{Info: "36", Warning: "33", Error: "31"}[s]
		return "\x1b[" + code + "m" + text + "\x1b[0m"
	}
	for _, f := range r.Findings {
		fmt.Fprintf(w, "%s:%d: %s [%s] %s: %s\n", f.File, f.Line, paint(f.Severity, f.Severity.String()), f.Rule, f.Op, f.Message)
		if f.Statement != "" {
			fmt.Fprintf(w, "    statement: %s\n", oneLine(f.Statement))
		}
		fmt.Fprintf(w, "    instead: %s\n", f.Instead)
	}
	counts := map[Severity]int{}
	for _, f := range r.Findings {
		counts[f.Severity]++
	}
	fmt.Fprintf(w, "%d revisions, %d statements: %d errors, %d warnings, %d notes\n",
		len(r.Revisions), r.Statements, counts[Error], counts[Warning], counts[Info])
	if r.Note != "" {
		fmt.Fprintln(w, "note: "+r.Note)
	}
	return nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// ghEscape escapes a workflow command's message.
func ghEscape(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}
