package versions

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/ops"
)

// ParseSQL reads a .sql revision file: header comments
//
//	-- revision: 3f2a9c1b7d4e
//	-- down_revision: 9c1e0a7f3b22        (none, or a comma-separated list)
//	-- branch_labels: ...   -- depends_on: ...   -- message: ...
//	-- created: ...         -- transactional: false
//	-- lock_timeout: 500ms  -- statement_timeout: ...  -- lock_retries: 10  -- retry_backoff: ...
//
// then a "-- upgrade" line, the upgrade SQL, a "-- downgrade" line and the
// downgrade SQL. Each section becomes one ops.Execute.
func ParseSQL(path string, data []byte) (*Revision, error) {
	r := &Revision{Path: path, Transactional: true}
	var up, down strings.Builder
	section := ""
	seen := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	// A buffer the size of the file, not bufio's 64 KiB, for short files.
	sc.Buffer(make([]byte, 0, min(64*1024, len(data)+1)), len(data)+1)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if marker, ok := sectionMarker(text); ok {
			if seen[marker] {
				return nil, &FileError{Path: path, Line: line, Column: 1, Err: fmt.Errorf("second %q section", "-- "+marker)}
			}
			if marker == "upgrade" && seen["downgrade"] {
				return nil, &FileError{Path: path, Line: line, Column: 1, Err: errors.New("the upgrade section must come before the downgrade section")}
			}
			seen[marker], section = true, marker
			continue
		}
		switch section {
		case "upgrade":
			up.WriteString(text + "\n")
		case "downgrade":
			down.WriteString(text + "\n")
		default:
			if err := r.sqlHeader(path, line, text, seen); err != nil {
				return nil, err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, &FileError{Path: path, Err: err}
	}
	if !seen["h:revision"] {
		return nil, &FileError{Path: path, Line: 1, Column: 1, Err: errors.New("missing \"-- revision: <id>\" header")}
	}
	if !seen["upgrade"] {
		return nil, &FileError{Path: path, Err: errors.New("missing \"-- upgrade\" section")}
	}
	r.Upgrade = executeOps(up.String())
	r.Downgrade = executeOps(down.String())
	return r, nil
}

// sectionMarker recognises "-- upgrade" and "-- downgrade" lines.
func sectionMarker(line string) (string, bool) {
	s, ok := strings.CutPrefix(strings.TrimSpace(line), "--")
	if !ok {
		return "", false
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "upgrade" || s == "downgrade" {
		return s, true
	}
	return "", false
}

// sqlHeader reads one line before the upgrade section.
func (r *Revision) sqlHeader(path string, line int, text string, seen map[string]bool) error {
	trimmed := strings.TrimSpace(text)
	if trimmed == "" {
		return nil
	}
	body, ok := strings.CutPrefix(trimmed, "--")
	if !ok {
		return &FileError{Path: path, Line: line, Column: 1, Err: errors.New("SQL before the \"-- upgrade\" line")}
	}
	key, value, ok := strings.Cut(body, ":")
	key = strings.TrimSpace(key)
	if !ok || strings.ContainsAny(key, " \t") {
		return nil // an ordinary comment
	}
	col := strings.Index(text, ":") + 2
	fail := func(format string, args ...any) error {
		return &FileError{Path: path, Line: line, Column: col, Err: fmt.Errorf(format, args...)}
	}
	if seen["h:"+key] {
		return fail("duplicate header %q", key)
	}
	seen["h:"+key] = true
	value = strings.TrimSpace(value)
	switch key {
	case "revision":
		if err := ValidateID(value); err != nil {
			return fail("%v", err)
		}
		r.ID = value
	case "down_revision":
		r.DownRevisions = commaList(value)
	case "branch_labels":
		r.BranchLabels = commaList(value)
	case "depends_on":
		r.DependsOn = commaList(value)
	case "message":
		r.Message = value
	case "created":
		t, err := time.Parse(time.RFC3339Nano, value)
		if err != nil {
			return fail("created: expected an RFC 3339 time, got %q", value)
		}
		r.Created = t
	case "transactional":
		b, err := strconv.ParseBool(value)
		if err != nil {
			return fail("transactional: expected true or false, got %q", value)
		}
		r.Transactional = b
	default:
		ok, err := r.Timeouts.Set(key, value)
		if err != nil {
			return fail("%v", err)
		}
		if !ok {
			seen["h:"+key] = false // an ordinary comment such as "-- note: ..."
		}
	}
	return nil
}

// commaList splits "a, b" into ids; "", "none" and "null" mean none.
func commaList(s string) []string {
	switch strings.ToLower(s) {
	case "", "none", "null", "~", "[]":
		return nil
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, "["), "]")
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.Trim(strings.TrimSpace(f), `"'`); f != "" && !contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func executeOps(sql string) []ops.Op {
	sql = strings.TrimSpace(sql)
	if sql == "" {
		return nil
	}
	return []ops.Op{&ops.Execute{SQL: sql}}
}
