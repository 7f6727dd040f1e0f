package mysql

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestTerminateStatement: a statement written into a script by
// TerminateStatement splits back (SplitScript, as the mysql client) into
// that statement alone; a body holding ";" gets DELIMITER lines with a
// delimiter it does not hold.
func TestTerminateStatement(t *testing.T) {
	tests := []struct{ name, stmt, want string }{
		{"plain", "CREATE TABLE a (id int)", "CREATE TABLE a (id int);\n"},
		{"semicolon in a string", "INSERT INTO a VALUES (';')", "INSERT INTO a VALUES (';');\n"},
		{"delimiter in a name", "CREATE TABLE delimiter_log (id int)", "CREATE TABLE delimiter_log (id int);\n"},
		{"body", "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END",
			"DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END$$\nDELIMITER ;\n"},
		{"body holding $$", "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = '$$'; SET @y = 1; END",
			"DELIMITER ;;\nCREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET @x = '$$'; SET @y = 1; END;;\nDELIMITER ;\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := testDialect.TerminateStatement(tc.stmt)
			assert.Equal(t, tc.want, got)
			back, err := testDialect.SplitScript(got + "SELECT 3;\n")
			require.NoError(t, err)
			assert.Equal(t, []string{tc.stmt, "SELECT 3"}, back)
		})
	}
}
