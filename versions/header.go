package versions

import (
	"bytes"
	"io/fs"
	"path"
)

// LoadHeaders is [Load] without the operations: it reads only what the
// graph needs (ids, parents, labels, dependencies, message), so commands
// that only show the history (heads, history, branches, show) stay fast
// on long histories. Revisions of such a graph have nil Upgrade and
// Downgrade; use Load for anything that runs or folds them.
func LoadHeaders(fsys fs.FS, dir string) (*Graph, error) {
	revs, err := ReadHeaders(fsys, dir)
	if err != nil {
		return nil, err
	}
	return NewGraph(revs)
}

// ReadHeaders is [ReadDir] without the operations (see [LoadHeaders]).
func ReadHeaders(fsys fs.FS, dir string) ([]*Revision, error) {
	return readDir(fsys, dir, parseHeader)
}

// parseHeader parses a revision file's header keys only. A YAML file is
// read by scanHeader when it can; otherwise by parseHeaderYAML.
func parseHeader(name string, data []byte) (*Revision, error) {
	if path.Ext(name) == ".sql" {
		return ParseSQL(name, data)
	}
	if r, ok := scanHeader(name, data); ok {
		return r, nil
	}
	return parseHeaderYAML(name, data)
}

// parseHeaderYAML parses a YAML file's header keys with yaml: the
// upgrade and downgrade blocks are blanked out (keeping line numbers)
// before parsing, and a file that does not parse that way is parsed whole
// so its errors are reported as Load would.
func parseHeaderYAML(name string, data []byte) (*Revision, error) {
	r, err := ParseYAML(name, blankBodies(data))
	if err != nil {
		return ParseYAML(name, data)
	}
	r.body.upgrade, r.body.downgrade = nil, nil
	return r, nil
}

// blankBodies empties the lines of the top-level upgrade and downgrade
// blocks: the key's line becomes "key: []" and the lines of its value
// (indented, "- " items, blank or comment lines) become empty.
func blankBodies(data []byte) []byte {
	out := make([]byte, 0, len(data))
	inBody := false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i+1], data[i+1:]
		} else {
			data = nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("upgrade:")) || bytes.HasPrefix(line, []byte("downgrade:")):
			key := line[:bytes.IndexByte(line, ':')]
			out = append(append(out, key...), ": []\n"...)
			inBody = true
		case inBody && continuesBlock(line):
			out = append(out, '\n')
		default:
			inBody = false
			out = append(out, line...)
		}
	}
	return out
}

// continuesBlock: a line inside a top-level key's block value.
func continuesBlock(line []byte) bool {
	if len(bytes.TrimSpace(line)) == 0 {
		return true
	}
	switch line[0] {
	case ' ', '\t', '#', '-', ']', '}':
		return !bytes.HasPrefix(line, []byte("---")) && !bytes.HasPrefix(line, []byte("..."))
	}
	return false
}
