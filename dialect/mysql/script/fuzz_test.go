package script

import (
	"strings"
	"testing"
)

// FuzzSplit: any script splits without panicking, and each statement is a
// trimmed, non-empty piece of the script, on a line of it, in order. The
// seeds (testdata/fuzz/FuzzSplit and below) are the shapes of the
// real-world dumps: DELIMITER ;; // and $$ blocks around triggers and
// routines whose bodies hold semicolons.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"SELECT 1; SELECT 2;",
		"DELIMITER $$\nCREATE FUNCTION f() RETURNS INT\nBEGIN\n  DECLARE x INT; SET x = 1; RETURN x;\nEND $$\nDELIMITER ;\nSELECT f();",
		"DELIMITER ;;\nCREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW BEGIN INSERT INTO b VALUES (';'); END;;\nDELIMITER ;",
		"DELIMITER //\nCREATE PROCEDURE p() BEGIN /* ; */ SELECT '//'; END //\nDELIMITER ;",
		"/*!50003 SET @x = 1 */;;\n-- c; d\n# e; f\nSELECT `a;b`",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		stmts, err := Split(s)
		if err != nil {
			return
		}
		lines, prev := strings.Count(s, "\n")+1, 0
		for _, st := range stmts {
			if st.SQL == "" || st.SQL != strings.Trim(st.SQL, " \t\r\n") {
				t.Fatalf("statement %q is empty or not trimmed", st.SQL)
			}
			if !strings.Contains(s, st.SQL) {
				t.Fatalf("statement %q is not a piece of the script", st.SQL)
			}
			if st.Line < prev || st.Line < 1 || st.Line > lines {
				t.Fatalf("statement %q on line %d after line %d, of %d", st.SQL, st.Line, prev, lines)
			}
			prev = st.Line
		}
	})
}
