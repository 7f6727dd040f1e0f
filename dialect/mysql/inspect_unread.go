package mysql

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

// unread is what the last queries of an inspection say could not be read
// whole: tables dropped since the tables query, and (MariaDB) databases
// whose check constraints this user is not shown.
type unread struct {
	still      map[tableKey]bool // tables listed again, by model schema
	checksSeen map[string]bool   // databases the checks query showed a check of
	hiddenCks  []string          // databases whose checks are hidden
}

// unreadQueries run after every other catalog query.
func (in *inspector) unreadQueries() []catalogQuery {
	in.unread.still = map[tableKey]bool{}
	return []catalogQuery{{"tables again", tablesAgainQuery, 1, in.tableAgainRow}}
}

// checkPrivilegeQueries asks MariaDB whether this user may see check
// constraints, only when some database showed none: the question costs as
// much as the checks query itself (MariaDB opens every table for it).
func (in *inspector) checkPrivilegeQueries() []catalogQuery {
	if in.flavor != MariaDB || len(in.unread.checksSeen) == len(in.schemas) {
		return nil
	}
	return []catalogQuery{{"check constraint privileges", checksReadableQueryMariaDB, 1, in.checksReadableRow}}
}

func (in *inspector) tableAgainRow(rows scanner) error {
	var db, name string
	if err := rows.Scan(&db, &name); err != nil {
		return err
	}
	in.unread.still[tableKey{in.modelSchema(db), name}] = true
	return nil
}

func (in *inspector) checksReadableRow(rows scanner) error {
	var db string
	var readable bool
	if err := rows.Scan(&db, &readable); err != nil {
		return err
	}
	if !readable && !in.unread.checksSeen[db] {
		in.unread.hiddenCks = append(in.unread.hiddenCks, db)
	}
	return nil
}

// leaveOutUnread leaves out of m, with a warning each, the tables dropped
// while they were inspected (and the enums of their columns), and warns
// of the databases with tables whose checks this user cannot read.
func (in *inspector) leaveOutUnread(m *metadata.MetaData) {
	dropped := dialect.LeaveOutDropped(m, func(schema, name string) bool {
		return in.unread.still[tableKey{schema, name}]
	}, in.warn)
	for _, t := range dropped {
		for _, c := range t.Columns {
			if c.Type.Kind == metadata.EnumKind {
				m.RemoveEnum(t.Schema, c.Type.EnumName)
			}
		}
	}
	for _, db := range in.unread.hiddenCks {
		for _, t := range m.Tables {
			if t.Schema == in.modelSchema(db) {
				in.warn("the check constraints of database %q are not readable by this user (MariaDB shows them only "+
					"to a user with a privilege on the whole database, e.g. GRANT SELECT ON `%s`.*); its tables were "+
					"read without checks, and JSON columns as longtext", db, db)
				break
			}
		}
	}
}
