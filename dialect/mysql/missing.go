package mysql

import (
	"errors"

	gomysql "github.com/go-sql-driver/mysql"
)

// Errors of a missing table (ER_NO_SUCH_TABLE) and of a missing database
// (ER_BAD_DB_ERROR), the schema of a qualified name.
const (
	errNoSuchTable = 1146
	errBadDB       = 1049
)

// MissingTable reports errors 1146 and 1049.
func (*Dialect) MissingTable(err error) bool {
	var me *gomysql.MySQLError
	return errors.As(err, &me) && (me.Number == errNoSuchTable || me.Number == errBadDB)
}
