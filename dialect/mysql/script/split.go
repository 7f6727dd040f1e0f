// Package script splits a script written for the mysql command-line
// client into statements, as that client does (DELIMITER lines, quotes,
// comments). The mysql dialect uses it to load a .sql schema into a
// scratch database, and the test bed to load real-world dumps; it imports
// nothing of Retort's, so both may.
package script

import (
	"fmt"
	"strings"
)

// Statement is one statement of a script and the line it starts on.
type Statement struct {
	SQL  string
	Line int
}

// Split splits a script written for the mysql command-line client into
// statements, as that client does: it honours DELIMITER lines (any
// delimiter, such as ;; // or $$), and finds no delimiter inside '...',
// "..." or `...` quotes (with doubled quotes and backslash escapes), nor in
// -- and # line comments or /* */ block comments. Comments stay in the
// statement text, so /*! versioned */ comments still run; statements that
// are nothing but plain comments are dropped.
func Split(script string) ([]Statement, error) {
	sp := splitter{src: script, delim: ";", line: 1}
	return sp.run()
}

type splitter struct {
	src   string
	pos   int
	line  int
	delim string
	out   []Statement
	start int // where the statement being read began
	sline int
}

func (sp *splitter) run() ([]Statement, error) {
	sp.begin()
	for sp.pos < len(sp.src) {
		if sp.atLineStart() && sp.delimiterCommand() {
			continue
		}
		if strings.HasPrefix(sp.src[sp.pos:], sp.delim) {
			sp.emit(sp.pos)
			sp.advance(len(sp.delim))
			sp.begin()
			continue
		}
		if err := sp.token(); err != nil {
			return nil, err
		}
	}
	sp.emit(len(sp.src))
	return sp.out, nil
}

// token skips one character, or one whole quoted string or comment.
func (sp *splitter) token() error {
	s, line := sp.src[sp.pos:], sp.line
	switch {
	case s[0] == '\'' || s[0] == '"' || s[0] == '`':
		if !sp.quoted(s[0]) {
			return fmt.Errorf("line %d: unterminated %c quote", line, s[0])
		}
	case strings.HasPrefix(s, "/*"):
		end := strings.Index(s[2:], "*/")
		if end < 0 {
			return fmt.Errorf("line %d: unterminated /* comment", line)
		}
		sp.advance(end + 4)
	case s[0] == '#' || isDashComment(s):
		end := strings.IndexByte(s, '\n')
		if end < 0 {
			end = len(s)
		}
		sp.advance(end)
	default:
		sp.advance(1)
	}
	return nil
}

// isDashComment reports whether s starts a -- comment: MySQL wants
// whitespace (or the end) after the dashes, so 1--1 is arithmetic.
func isDashComment(s string) bool {
	return strings.HasPrefix(s, "--") && (len(s) == 2 || strings.ContainsRune(" \t\r\n", rune(s[2])))
}

// quoted skips a quoted string or identifier and reports whether it ended.
func (sp *splitter) quoted(q byte) bool {
	sp.advance(1)
	for sp.pos < len(sp.src) {
		c := sp.src[sp.pos]
		switch {
		case c == '\\' && q != '`':
			sp.advance(min(2, len(sp.src)-sp.pos))
		case c == q && sp.pos+1 < len(sp.src) && sp.src[sp.pos+1] == q:
			sp.advance(2)
		case c == q:
			sp.advance(1)
			return true
		default:
			sp.advance(1)
		}
	}
	return false
}

func (sp *splitter) atLineStart() bool {
	i := sp.pos
	for i > 0 && (sp.src[i-1] == ' ' || sp.src[i-1] == '\t') {
		i--
	}
	return i == 0 || sp.src[i-1] == '\n'
}

// delimiterCommand reads a DELIMITER line, if the line at pos is one and no
// statement text precedes it.
func (sp *splitter) delimiterCommand() bool {
	rest := sp.src[sp.pos:]
	const kw = "delimiter"
	if len(rest) <= len(kw) || !strings.EqualFold(rest[:len(kw)], kw) || (rest[len(kw)] != ' ' && rest[len(kw)] != '\t') {
		return false
	}
	if strings.TrimSpace(Code(sp.src[sp.start:sp.pos])) != "" {
		return false // DELIMITER inside a statement is just text
	}
	end := strings.IndexByte(rest, '\n')
	if end < 0 {
		end = len(rest)
	}
	d := strings.Fields(rest[len(kw):end])
	if len(d) == 0 {
		return false
	}
	sp.delim = d[0]
	sp.advance(end)
	sp.begin()
	return true
}

func (sp *splitter) advance(n int) {
	sp.line += strings.Count(sp.src[sp.pos:sp.pos+n], "\n")
	sp.pos += n
}

func (sp *splitter) begin() { sp.start, sp.sline = sp.pos, sp.line }

// emit records the statement from start to end, unless it is empty.
func (sp *splitter) emit(end int) {
	text := sp.src[sp.start:end]
	if strings.TrimSpace(Code(text)) == "" {
		return
	}
	// Start the statement at its first line of text, for error messages.
	trimmed := strings.TrimLeft(text, " \t\r\n")
	line := sp.sline + strings.Count(text[:len(text)-len(trimmed)], "\n")
	sp.out = append(sp.out, Statement{SQL: strings.TrimRight(trimmed, " \t\r\n"), Line: line})
}

// Code returns s without its plain comments (versioned /*! */ comments
// are code and stay); quotes are respected.
func Code(s string) string {
	var b strings.Builder
	sp := splitter{src: s}
	for sp.pos < len(s) {
		from := sp.pos
		rest := s[sp.pos:]
		plainComment := (strings.HasPrefix(rest, "/*") && !strings.HasPrefix(rest, "/*!")) ||
			rest[0] == '#' || isDashComment(rest)
		if err := sp.token(); err != nil {
			b.WriteString(s[from:])
			break
		}
		if !plainComment {
			b.WriteString(s[from:sp.pos])
		}
	}
	return b.String()
}
