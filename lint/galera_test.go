package lint

import "testing"

// TestGaleraUnreplicated: what Galera does not replicate is found in execute.
func TestGaleraUnreplicated(t *testing.T) {
	for _, tc := range []struct {
		sql  string
		want bool
	}{
		{"LOCK TABLES t WRITE", true},
		{"SELECT GET_LOCK('x', 10)", true},
		{"CREATE TABLE t (id INT PRIMARY KEY) ENGINE=MyISAM", true},
		{"ALTER TABLE t ENGINE = Aria", true},
		{"CREATE TABLE t (id INT PRIMARY KEY) ENGINE=InnoDB", false},
		{"UPDATE t SET locked = 1 WHERE id = 2", false},
	} {
		if got := galeraRE().MatchString(tc.sql); got != tc.want {
			t.Errorf("%q: %v, want %v", tc.sql, got, tc.want)
		}
	}
}
