package dbtest

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestSplitMySQL(t *testing.T) {
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
			stmts, err := SplitMySQL(tc.script)
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

func TestSplitMySQLLines(t *testing.T) {
	stmts, err := SplitMySQL("-- header\n\nSELECT 1;\n\n  SELECT\n2;\nDELIMITER $$\nSELECT 3$$")
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

func TestSplitMySQLErrors(t *testing.T) {
	tests := []struct{ name, script, want string }{
		{"quote", "SELECT 1;\nSELECT 'a;", "line 2: unterminated ' quote"},
		{"identifier", "SELECT `a;", "line 1: unterminated ` quote"},
		{"comment", "SELECT 1 /* x;", "line 1: unterminated /* comment"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := SplitMySQL(tc.script)
			if err == nil || err.Error() != tc.want {
				t.Errorf("got %v, want %s", err, tc.want)
			}
		})
	}
}

// TestSplitRealWorld splits the MySQL fixtures and checks the routines and
// triggers of their DELIMITER blocks come out whole.
func TestSplitRealWorld(t *testing.T) {
	dir := RealWorldDir(t)
	tests := []struct {
		file              string
		creates, routines int
	}{
		{"chinook.mysql.sql", 11 + 11, 0},
		{"chinook-autoincrement.mysql.sql", 11 + 11, 0},
		{"sakila-jooq.mysql.sql", 16 + 7 + 9, 9},
		{"sakila.mysql.sql", 16 + 7 + 9, 9},
	}
	routine := regexp.MustCompile(`^CREATE (DEFINER=\S+ )?(TRIGGER|PROCEDURE|FUNCTION)\b`)
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			script, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			stmts, err := SplitMySQL(string(script))
			if err != nil {
				t.Fatal(err)
			}
			creates, routines := 0, 0
			for _, s := range stmts {
				code := strings.ToUpper(strings.TrimSpace(stripComments(s.SQL)))
				if strings.Contains(code, "DELIMITER") {
					t.Errorf("line %d: DELIMITER left in %q", s.Line, s.SQL)
				}
				if strings.HasPrefix(code, "CREATE ") {
					creates++
				}
				if routine.MatchString(code) {
					routines++
					if !strings.HasSuffix(code, "END") {
						t.Errorf("line %d: routine cut short: %q", s.Line, s.SQL)
					}
				}
			}
			if creates != tc.creates || routines != tc.routines {
				t.Errorf("%d CREATE statements and %d routines, want %d and %d", creates, routines, tc.creates, tc.routines)
			}
		})
	}
}
