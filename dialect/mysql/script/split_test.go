package script

import (
	"slices"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name   string
		script string
		want   []string
	}{
		{"plain", "SELECT 1; SELECT 2;", []string{"SELECT 1", "SELECT 2"}},
		{"no final delimiter", "SELECT 1;\nSELECT 2", []string{"SELECT 1", "SELECT 2"}},
		{"quotes", `SELECT 'a;b', "c;d", ` + "`e;f`" + `; SELECT 'it''s;', 'x\';y'`,
			[]string{`SELECT 'a;b', "c;d", ` + "`e;f`", `SELECT 'it''s;', 'x\';y'`}},
		{"comments", "-- a; b\nSELECT 1 # c; d\n; /* e; f */ SELECT 2;",
			[]string{"-- a; b\nSELECT 1 # c; d", "/* e; f */ SELECT 2"}},
		{"dashes without space", "SELECT 1--1;SELECT 2", []string{"SELECT 1--1", "SELECT 2"}},
		{"comment-only statements dropped", "/* banner */;\n-- only\n;SELECT 1", []string{"SELECT 1"}},
		{"versioned comment kept", "/*!40101 SET NAMES utf8 */;", []string{"/*!40101 SET NAMES utf8 */"}},
		{"delimiter", "DELIMITER ;;\nCREATE TRIGGER t BEGIN SELECT 1; SELECT 2; END;;\ndelimiter ;\nSELECT 3;",
			[]string{"CREATE TRIGGER t BEGIN SELECT 1; SELECT 2; END", "SELECT 3"}},
		{"delimiter $$ and //", "DELIMITER $$\nA; B$$\nDELIMITER //\nC; D//\nDELIMITER ;\nE;",
			[]string{"A; B", "C; D", "E"}},
		{"delimiter word inside a statement", "SELECT\ndelimiter x\nFROM t;", []string{"SELECT\ndelimiter x\nFROM t"}},
		{"delimiter at end without newline", "SELECT 1;\nDELIMITER $$", []string{"SELECT 1"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			stmts, err := Split(tc.script)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range stmts {
				got = append(got, s.SQL)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestSplitLines(t *testing.T) {
	stmts, err := Split("-- header\n\nSELECT 1;\n\n  SELECT\n2;\nDELIMITER $$\nSELECT 3$$")
	if err != nil {
		t.Fatal(err)
	}
	var lines []int
	for _, s := range stmts {
		lines = append(lines, s.Line)
	}
	if want := []int{1, 5, 8}; !slices.Equal(lines, want) {
		// The first statement starts with its header comment, on line 1.
		t.Errorf("lines %v, want %v", lines, want)
	}
}

func TestSplitErrors(t *testing.T) {
	tests := []struct{ name, script, want string }{
		{"quote", "SELECT 1;\nSELECT 'a;", "line 2: unterminated ' quote"},
		{"identifier", "SELECT `a;", "line 1: unterminated ` quote"},
		{"comment", "SELECT 1 /* x;", "line 1: unterminated /* comment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Split(tc.script)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}
