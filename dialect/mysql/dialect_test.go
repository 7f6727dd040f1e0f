package mysql

import (
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/go-sql-driver/mysql"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

func TestRegistered(t *testing.T) {
	for _, scheme := range []string{"mysql", "mariadb"} {
		d, err := dialect.Get(scheme)
		require.NoError(t, err)
		assert.Equal(t, "mysql", d.Name())
	}
	d, u, err := dialect.Open("mysql+pymysql://u@h/db")
	require.NoError(t, err)
	assert.Equal(t, "mysql", d.Name())
	assert.Equal(t, "db", u.Database)
}

func TestDriver(t *testing.T) {
	cases := []struct {
		url  string
		want func(t *testing.T, c *mysql.Config)
	}{
		{"mysql://root@127.0.0.1:3306/app", func(t *testing.T, c *mysql.Config) {
			assert.Equal(t, "root", c.User)
			assert.Equal(t, "tcp", c.Net)
			assert.Equal(t, "127.0.0.1:3306", c.Addr)
			assert.Equal(t, "app", c.DBName)
			assert.True(t, c.ParseTime)
			assert.Equal(t, "UTC", c.Loc.String())
			assert.Equal(t, "'+00:00'", c.Params["time_zone"])
		}},
		{"mariadb://u:p%40ss%2Fw:rd@db.example/app?charset=utf8mb4&timeout=5s", func(t *testing.T, c *mysql.Config) {
			assert.Equal(t, "p@ss/w:rd", c.Passwd)
			assert.Equal(t, "db.example:3306", c.Addr)
			assert.Contains(t, c.FormatDSN(), "charset=utf8mb4")
			assert.Equal(t, "5s", c.Timeout.String())
		}},
		{"mysql://u@[::1]:3307/app?parseTime=false&loc=Local", func(t *testing.T, c *mysql.Config) {
			assert.Equal(t, "[::1]:3307", c.Addr)
			assert.False(t, c.ParseTime)
			assert.Equal(t, "Local", c.Loc.String())
		}},
	}
	for _, tc := range cases {
		t.Run(dialect.RedactURL(tc.url), func(t *testing.T) {
			u, err := dialect.ParseURL(tc.url)
			require.NoError(t, err)
			name, dsn, err := testDialect.Driver(u)
			require.NoError(t, err)
			assert.Equal(t, "mysql", name)
			c, err := mysql.ParseDSN(dsn)
			require.NoError(t, err)
			tc.want(t, c)
		})
	}
}

func TestDriverBadParamHidesPassword(t *testing.T) {
	u, err := dialect.ParseURL("mysql://u:secret@h/db?parseTime=maybe")
	require.NoError(t, err)
	_, _, err = testDialect.Driver(u)
	require.Error(t, err)
	assert.False(t, strings.Contains(err.Error(), "secret"), err.Error())
}

func TestQuoteIdent(t *testing.T) {
	assert.Equal(t, "`a``b`", testDialect.QuoteIdent("a`b"))
	assert.Equal(t, "`x``; DROP TABLE t; --`", testDialect.QuoteIdent("x`; DROP TABLE t; --"))
}

func TestCapabilities(t *testing.T) {
	c := testDialect.Capabilities()
	assert.False(t, c.TransactionalDDL)
	assert.False(t, c.PartialIndexes)
	assert.False(t, c.ExpressionIndexes, "MariaDB has none; New(MySQL) says yes")
	assert.True(t, New(MySQL).Capabilities().ExpressionIndexes)
	assert.Equal(t, 64, c.MaxIdentifierLength)
}

// TestDriverConnects opens the test database through Driver's DSN: the
// session is in UTC and times come back as time.Time.
func TestDriverConnects(t *testing.T) {
	db := dbtest.MySQL(t)
	u, err := dialect.ParseURL(db.URL)
	require.NoError(t, err)
	name, dsn, err := testDialect.Driver(u)
	require.NoError(t, err)
	conn, err := sql.Open(name, dsn)
	require.NoError(t, err)
	defer conn.Close()
	var tz string
	var now time.Time
	require.NoError(t, conn.QueryRow("SELECT @@session.time_zone, NOW(6)").Scan(&tz, &now))
	assert.Equal(t, "+00:00", tz)
	assert.WithinDuration(t, time.Now(), now, time.Minute)
}
