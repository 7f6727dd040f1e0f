package versions

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// headerKeys are the keys scanHeader reads, in the bit order of keySet.
var headerKeys = [...]string{"revision", "down_revision", "branch_labels", "depends_on", "message", "created", "transactional"}

const (
	keyRevision = iota
	keyDownRevision
	keyBranchLabels
	keyDependsOn
	keyMessage
	keyCreated
	keyTransactional
)

// scanHeader is the fast path of parseHeader for YAML revision files. It
// reads the header keys of the forms revision files are written in, with
// no YAML parser, and gives up (ok false) on anything it does not fully
// understand or that the full parse would reject: its result, when ok,
// is exactly what ParseYAML(blankBodies(data)) returns, and otherwise the
// caller parses the file with yaml. The header is everything before the
// first top-level upgrade or downgrade key; after it, the scanner only
// checks that the rest is what blankBodies blanks out.
func scanHeader(path string, data []byte) (*Revision, bool) {
	end := headerEnd(data)
	hdr := data[:end]
	bodies, down := bodiesOnly(data[end:])
	if !bodies || len(hdr) > 0 && hdr[len(hdr)-1] != '\n' || !printable(hdr) {
		return nil, false
	}
	// One string for the whole header: ids and messages are substrings of
	// it, so a file costs one copy instead of one per value.
	s := headerScanner{src: string(hdr)}
	r := &Revision{Path: path, Transactional: true, DowngradeDerived: !down}
	var seen uint
	for s.more() {
		line := s.next()
		if isBlank(line) || line[0] == '#' {
			continue
		}
		key, rest, ok := cutKey(line)
		if !ok || seen&(1<<key) != 0 {
			return nil, false
		}
		seen |= 1 << key
		v, ok := s.value(rest)
		if !ok || !r.setScanned(key, v) {
			return nil, false
		}
	}
	const required = 1<<keyRevision | 1<<keyDownRevision
	return r, seen&required == required
}

// headerEnd returns the offset of the first line that blankBodies treats
// as an upgrade or downgrade key, or len(data).
func headerEnd(data []byte) int {
	for i := 0; i < len(data); {
		if isBodyKey(data[i:]) {
			return i
		}
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return len(data)
}

func isBodyKey(line []byte) bool {
	return bytes.HasPrefix(line, []byte("upgrade:")) || bytes.HasPrefix(line, []byte("downgrade:"))
}

// bodiesOnly reports whether tail (from the first body key on) is made
// only of upgrade and downgrade blocks, each key once, so that
// blankBodies turns it into "upgrade: []" and "downgrade: []", and
// whether a downgrade key is among them.
func bodiesOnly(tail []byte) (ok, down bool) {
	var up bool
	for len(tail) > 0 {
		line := tail
		if i := bytes.IndexByte(tail, '\n'); i >= 0 {
			line, tail = tail[:i+1], tail[i+1:]
		} else {
			tail = nil
		}
		switch {
		case bytes.HasPrefix(line, []byte("upgrade:")):
			if up {
				return false, down
			}
			up = true
		case bytes.HasPrefix(line, []byte("downgrade:")):
			if down {
				return false, down
			}
			down = true
		case !continuesBlock(line):
			return false, down
		}
	}
	return true, down
}

// printable reports whether b holds only characters that YAML reads as
// printable, plain line breaks, and no tabs or carriage returns (which
// the scanner leaves to the full parser).
func printable(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c != '\n' && (c < 0x20 || c == 0x7f) {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1, r < 0xa0, r == 0x2028, r == 0x2029,
			r >= 0xd800 && r <= 0xdfff, r == 0xfeff, r == 0xfffe, r == 0xffff:
			return false
		}
		i += n
	}
	return true
}

// cutKey splits "key: rest" for one of headerKeys.
func cutKey(line string) (key int, rest string, ok bool) {
	name, rest, found := strings.Cut(line, ":")
	if !found || rest != "" && rest[0] != ' ' {
		return 0, "", false
	}
	for i, k := range headerKeys {
		if name == k {
			return i, rest, true
		}
	}
	return 0, "", false
}

// setScanned stores one header value as setField would store its node;
// false when setField would fail or the value is not one the scanner
// reproduces exactly.
func (r *Revision) setScanned(key int, v hval) bool {
	switch key {
	case keyRevision:
		if v.seq || v.null || ValidateID(v.str) != nil {
			return false
		}
		r.ID = v.str
	case keyDownRevision, keyBranchLabels, keyDependsOn:
		list, ok := v.ids()
		if !ok {
			return false
		}
		switch key {
		case keyDownRevision:
			r.DownRevisions = list
		case keyBranchLabels:
			r.BranchLabels = list
		default:
			r.DependsOn = list
		}
	case keyMessage:
		if v.seq {
			return false
		}
		if !v.null {
			r.Message = v.str
		}
	case keyCreated:
		if v.seq {
			return false
		}
		if !v.null {
			t, ok := parseCreated(v.str)
			if !ok {
				return false
			}
			r.Created = t
		}
	case keyTransactional:
		switch {
		case !v.plain:
			return false
		case v.str == "true" || v.str == "True" || v.str == "TRUE":
			r.Transactional = true
		case v.str == "false" || v.str == "False" || v.str == "FALSE":
			r.Transactional = false
		default:
			return false
		}
	}
	return true
}

// ids is idList for a scanned value.
func (v hval) ids() ([]string, bool) {
	switch {
	case v.null:
		return nil, true
	case !v.seq:
		return []string{v.str}, v.str != ""
	}
	for i, s := range v.list {
		if contains(v.list[:i], s) {
			return nil, false
		}
	}
	return v.list, true
}
