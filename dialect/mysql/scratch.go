package mysql

import "github.com/retortdb/retort/dialect"

var _ dialect.ScriptDriver = (*Dialect)(nil)

// ScriptDriver is Driver with multiStatements on (unless the URL sets it),
// so that a schema script of many statements runs in one Exec.
func (d *Dialect) ScriptDriver(u *dialect.URL) (driverName, dsn string, err error) {
	if u.Query.Get("multiStatements") == "" {
		c := *u
		c.Query = make(map[string][]string, len(u.Query)+1)
		for k, v := range u.Query {
			c.Query[k] = v
		}
		c.Query.Set("multiStatements", "true")
		u = &c
	}
	return d.Driver(u)
}
