package dialecttest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
)

// Change is one autogenerate round trip of [RunChanges]: a schema From,
// the schema To (each as SQL written by hand), the ops autogenerate
// should find, and the rows of table Rows should read after the upgrade.
type Change struct {
	Name     string
	From, To []string
	// Setup runs on the database made from From, before the comparison
	// (rows to keep).
	Setup   []string
	WantOps []string
	// Query reads the rows the upgrade and the upgrade again must give,
	// one text value a row.
	Query string
	Rows  []string
	// Moves says a column moves to the end of its table on the upgrade
	// (a drop and add), so the dumps after it are compared with each
	// other only, not with To's.
	Moves bool
}

// RunChanges runs each change on databases from open: autogenerate's ops
// from From to To; upgrade (the dump equals To's), downgrade (it equals
// From's), upgrade again (it equals the first upgrade's); the rows equal
// after both upgrades; and the comparison with To is clean at the end.
func RunChanges(t *testing.T, d dialect.Dialect, open Opener, changes []Change) {
	for _, tc := range changes {
		t.Run(tc.Name, func(t *testing.T) {
			want := open(t)
			dbtest.Exec(t, want, tc.To...)
			db := open(t)
			dbtest.Exec(t, db, tc.From...)
			dbtest.Exec(t, db, tc.Setup...)
			before := dbtest.SchemaDump(t, db)
			target := Inspect(t, d, want.DB).MetaData
			cur := Inspect(t, d, db.DB).MetaData
			res, err := autogen.Compare(target, cur, d, autogen.Options{})
			require.NoError(t, err)
			var names []string
			for _, o := range res.Ops {
				names = append(names, o.Name())
			}
			require.Equal(t, tc.WantOps, names)
			down, err := autogen.Downgrade(res.Ops)
			require.NoError(t, err)

			PlanAndExec(t, d, db.DB, cur, res.Ops...)
			upgraded := dbtest.SchemaDump(t, db)
			if !tc.Moves {
				assert.Equal(t, dbtest.SchemaDump(t, want), upgraded, "upgraded")
			}
			assert.Equal(t, tc.Rows, dbtest.Lines(t, db.DB, tc.Query), "rows after the upgrade")
			PlanAndExec(t, d, db.DB, Inspect(t, d, db.DB).MetaData, down...)
			if !tc.Moves {
				assert.Equal(t, before, dbtest.SchemaDump(t, db), "downgraded")
			}
			PlanAndExec(t, d, db.DB, Inspect(t, d, db.DB).MetaData, res.Ops...)
			assert.Equal(t, upgraded, dbtest.SchemaDump(t, db), "upgraded again")
			assert.Equal(t, tc.Rows, dbtest.Lines(t, db.DB, tc.Query), "rows after the upgrade again")

			res, err = autogen.Compare(target, Inspect(t, d, db.DB).MetaData, d, autogen.Options{})
			require.NoError(t, err)
			assert.Empty(t, res.Ops, "check is clean afterwards")
		})
	}
}
