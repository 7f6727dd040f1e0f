package dbtest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/retortdb/retort/dialect/mysql/script"
)

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
			text, err := os.ReadFile(filepath.Join(dir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			stmts, err := SplitMySQL(string(text))
			if err != nil {
				t.Fatal(err)
			}
			creates, routines := 0, 0
			for _, s := range stmts {
				code := strings.ToUpper(strings.TrimSpace(script.Code(s.SQL)))
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
