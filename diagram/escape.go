package diagram

import (
	"strings"
	"unicode"
)

// mermaidWord turns s into a token Mermaid accepts as an entity, attribute
// or type name: letters, digits, '_' and '-', starting with a letter. Other
// runes become '_'; ok is false when anything was changed.
func mermaidWord(s string) (w string, ok bool) {
	var b strings.Builder
	ok = true
	for i, r := range s {
		switch {
		case r < 128 && (unicode.IsLetter(r) || r == '_' || (i > 0 && (unicode.IsDigit(r) || r == '-'))):
			b.WriteRune(r)
		default:
			b.WriteByte('_')
			ok = false
		}
	}
	w = b.String()
	if w == "" || !isASCIILetter(w[0]) {
		w, ok = "x"+w, false
	}
	return w, ok
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// mermaidType renders a column type as a Mermaid type token:
// numeric(10,2) becomes numeric_10_2, varchar(320) varchar_320.
func mermaidType(s string) string {
	s = strings.NewReplacer("(", "_", ")", "", ",", "_", " ", "_").Replace(s)
	w, _ := mermaidWord(s)
	return w
}

// mermaidText quotes s for a Mermaid label or comment: Mermaid has no
// escape for '"', so it becomes the #quot; entity that Mermaid decodes.
func mermaidText(s string) string {
	return `"` + strings.NewReplacer(`"`, "#quot;", "\n", " ").Replace(s) + `"`
}

// dotID quotes s as a DOT identifier.
func dotID(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`).Replace(s) + `"`
}

// html escapes s for a DOT HTML-like label.
func html(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}
