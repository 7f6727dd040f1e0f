package dbtest

import (
	"errors"
	"strings"
	"testing"
)

func TestPostgresDSN(t *testing.T) {
	tests := []struct {
		name, url, db, want string
	}{
		{"default", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "retort_test_x",
			"postgres://postgres@127.0.0.1:5432/retort_test_x?sslmode=disable"},
		{"postgresql+driver", "postgresql+psycopg2://u:p%40ss@db.example:6543/app", "t",
			"postgres://u:p%40ss@db.example:6543/t"},
		{"no host", "postgres:///postgres", "t", "postgres://127.0.0.1/t"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := parseServerURL("postgres", tc.url)
			if err != nil {
				t.Fatal(err)
			}
			if got := postgresDSN(withDatabase(u, tc.db)); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
}

func TestMySQLDSN(t *testing.T) {
	tests := []struct {
		name, url, db, want string
	}{
		{"default", "mysql://root@127.0.0.1:3306/", "retort_test_x",
			"root@tcp(127.0.0.1:3306)/retort_test_x?multiStatements=true&parseTime=true&time_zone=%27%2B00%3A00%27"},
		{"password and no port", "mariadb://app:s3cr%2Ft@db.example/", "t",
			"app:s3cr/t@tcp(db.example:3306)/t?multiStatements=true&parseTime=true&time_zone=%27%2B00%3A00%27"},
		{"parameters override", "mysql+pymysql://root@h:1/?parseTime=false&charset=utf8mb4", "t",
			"root@tcp(h:1)/t?charset=utf8mb4&multiStatements=true&time_zone=%27%2B00%3A00%27"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			u, err := parseServerURL("mysql", tc.url)
			if err != nil {
				t.Fatal(err)
			}
			got, err := mysqlDSN(withDatabase(u, tc.db))
			if err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

func TestParseServerURLErrors(t *testing.T) {
	tests := []struct{ name, dialect, url, want string }{
		{"wrong scheme", "postgres", "mysql://root:hunter2@h/", "not a postgres URL"},
		{"bad URL", "mysql", "mysql://root:hunter2@h:port/", "bad URL"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseServerURL(tc.dialect, tc.url)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v, want an error with %q", err, tc.want)
			}
			if strings.Contains(err.Error(), "hunter2") {
				t.Errorf("error shows the password: %v", err)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:secret@h:5432/db?sslmode=disable", "postgres://u:***@h:5432/db?sslmode=disable"},
		{"postgres://u@h/db", "postgres://u@h/db"},
		{"mysql://root:@h:3306/", "mysql://root:***@h:3306/"},
		{"mysql://a:b:c@h:x/", "mysql://a:***@h:x/"},
		{"sqlite:////tmp/x.db", "sqlite:////tmp/x.db"},
	}
	for _, tc := range tests {
		if got := redactRaw(tc.in); got != tc.want {
			t.Errorf("redactRaw(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if u, err := parseServerURL("postgres", tc.in); err == nil && strings.HasPrefix(tc.in, "postgres") {
			if got := redact(u); got != tc.want {
				t.Errorf("redact(%q) = %q, want %q", tc.in, got, tc.want)
			}
		}
	}
	if got := scrub(errors.New("auth failed for secret"), "postgres://u:secret@h/db"); got != "auth failed for ***" {
		t.Errorf("scrub: %q", got)
	}
}
