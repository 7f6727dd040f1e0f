package postgres_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

// ruleTables are a table and the partition a rule routes its 2007 rows
// to, as Sakila's payment_insert_p2007_0N rules do.
var ruleTables = []string{
	`CREATE TABLE payment (id integer NOT NULL, paid date NOT NULL)`,
	`CREATE TABLE payment_p2007 (id integer NOT NULL, paid date NOT NULL)`,
}

// routingRule sends an INSERT of a 2007 row on payment to payment_p2007.
const routingRule = `CREATE RULE payment_insert_p2007 AS ON INSERT TO payment
  WHERE new.paid >= '2007-01-01' AND new.paid < '2008-01-01'
  DO INSTEAD INSERT INTO payment_p2007 VALUES (new.id, new.paid)`

// TestRulesRoundTrip: a rule that routes inserts is read with its
// definition and comment, nothing warned of (the view's _RETURN rule is
// no rule of the model), and created into an empty database it gives the
// same pg_dump and still routes: an INSERT on the rebuilt database lands
// in the partition. DropOps drops it.
func TestRulesRoundTrip(t *testing.T) {
	d := postgres.Postgres{}
	src := dbtest.Postgres(t)
	dbtest.Exec(t, src, append(ruleTables, routingRule,
		`COMMENT ON RULE payment_insert_p2007 ON payment IS 'routes 2007'`,
		`CREATE VIEW payments AS SELECT id FROM payment`)...)
	in := dialecttest.Inspect(t, d, src.DB)
	assert.Empty(t, in.Warnings)
	m := in.MetaData
	require.Len(t, m.RewriteRules, 1)
	r := m.RewriteRule("", "payment", "payment_insert_p2007")
	require.NotNil(t, r)
	assert.Equal(t, "INSERT", r.Event)
	assert.Equal(t, "routes 2007", r.Comment)
	assert.Contains(t, r.Definition, "DO INSTEAD  INSERT INTO payment_p2007")

	dst := dbtest.Postgres(t)
	dialecttest.PlanAndExec(t, d, dst.DB, metadata.New(), dialect.CreateOps(m)...)
	require.Equal(t, dbtest.SchemaDump(t, src), dbtest.SchemaDump(t, dst))
	res, err := autogen.Compare(m, dialecttest.Inspect(t, d, dst.DB).MetaData, d, autogen.Options{})
	require.NoError(t, err)
	assert.Empty(t, res.Ops)

	dbtest.Exec(t, dst, `INSERT INTO payment VALUES (1, '2007-03-01'), (2, '2006-03-01')`)
	var routed, kept int
	require.NoError(t, dst.QueryRow(`SELECT (SELECT count(*) FROM payment_p2007 WHERE id = 1),
		(SELECT count(*) FROM ONLY payment WHERE id = 2) + (SELECT count(*) FROM ONLY payment WHERE id = 1)`).Scan(&routed, &kept))
	assert.Equal(t, 1, routed, "the 2007 row lands in the partition")
	assert.Equal(t, 1, kept, "only the 2006 row stays in payment")

	dialecttest.PlanAndExec(t, d, dst.DB, dialecttest.Inspect(t, d, dst.DB).MetaData, dialect.DropOps(m)...)
	assert.Empty(t, dialecttest.Inspect(t, d, dst.DB).MetaData.RewriteRules, "DropOps drops every rule")
}

// TestRulesAutogen: a rule added, changed (another condition, a comment)
// and dropped is found by autogenerate, and the upgrade, downgrade and
// upgrade again give the dumps they should.
func TestRulesAutogen(t *testing.T) {
	changed := `CREATE RULE payment_insert_p2007 AS ON INSERT TO payment
  WHERE new.paid >= '2007-02-01' DO INSTEAD INSERT INTO payment_p2007 VALUES (new.id, new.paid)`
	comment := `COMMENT ON RULE payment_insert_p2007 ON payment IS 'routes 2007'`
	with := append(append([]string{}, ruleTables...), routingRule)
	dialecttest.RunChanges(t, postgres.Postgres{}, dbtest.Postgres, []dialecttest.Change{
		{Name: "add", From: ruleTables, To: with, WantOps: []string{"create_rule"}},
		{Name: "drop", From: with, To: ruleTables, WantOps: []string{"drop_rule"}},
		{Name: "change definition", From: with, To: append(append([]string{}, ruleTables...), changed),
			WantOps: []string{"replace_rule"}},
		{Name: "change comment", From: with, To: append(append([]string{}, with...), comment),
			WantOps: []string{"replace_rule"}},
		{Name: "drop with its partition", From: with, To: ruleTables[:1], WantOps: []string{"drop_rule", "drop_table"}},
	})
}
