package lint

import (
	"bufio"
	"bytes"
	"io/fs"
	"regexp"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/versions"
)

// opRef places one op of a revision.
type opRef struct {
	file, rev, op string
	line          int
	ignore        map[string]bool
}

// ignoreRE reads "lint: ignore RULE[, RULE]" (or lint:ignore) in a comment.
var ignoreRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`lint:\s*ignore\s+([A-Za-z0-9_, -]+)`) })

// opPositions returns, for each upgrade op of r, its line in the file and
// the rules its comments ignore ("# lint: ignore table-rewrite" on the line
// before the op or at its end). The revision's own lint: {ignore: [...]}
// applies to every op. A file that cannot be read again gives line 1.
func opPositions(fsys fs.FS, shown string, r *versions.Revision) []opRef {
	out := make([]opRef, len(r.Upgrade))
	for i, o := range r.Upgrade {
		out[i] = opRef{file: shown, rev: r.ID, op: o.Name(), line: 1, ignore: map[string]bool{}}
		for _, id := range r.LintIgnore {
			out[i].ignore[id] = true
		}
	}
	data, err := fs.ReadFile(fsys, r.Path)
	if err != nil {
		return out
	}
	if strings.HasSuffix(r.Path, ".sql") {
		sqlPositions(data, out)
		return out
	}
	var doc yaml.Node
	if yaml.Unmarshal(data, &doc) != nil || len(doc.Content) == 0 {
		return out
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "upgrade" || root.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for j, item := range root.Content[i+1].Content {
			if j >= len(out) {
				break
			}
			out[j].line = item.Line
			addIgnores(out[j].ignore, item.HeadComment, item.LineComment, item.FootComment)
			for _, c := range item.Content {
				addIgnores(out[j].ignore, c.HeadComment, c.LineComment)
			}
		}
	}
	return out
}

// sqlPositions places a .sql revision's one execute on the line after
// "-- upgrade", and reads "-- lint: ignore" comments anywhere in the
// upgrade section.
func sqlPositions(data []byte, out []opRef) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, len(data)+1)
	in := false
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimSpace(sc.Text())
		switch {
		case strings.EqualFold(t, "-- upgrade"):
			in = true
			if len(out) > 0 {
				out[0].line = line + 1
			}
		case strings.EqualFold(t, "-- downgrade"):
			in = false
		case in && len(out) > 0:
			addIgnores(out[0].ignore, t)
		}
	}
}

func addIgnores(set map[string]bool, comments ...string) {
	for _, c := range comments {
		for _, m := range ignoreRE().FindAllStringSubmatch(c, -1) {
			for _, id := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ',' || r == ' ' }) {
				set[id] = true
			}
		}
	}
}
