package autogen_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestCompareSchemaGrantsOffline: without a server, Compare turns one
// ACL into another with grant_schema and revoke_schema in an order that
// keeps the roles' order, and the downgrade restores the ACL as it was,
// order included.
func TestCompareSchemaGrantsOffline(t *testing.T) {
	g := func(role string, privs ...string) metadata.SchemaGrant {
		return metadata.SchemaGrant{Role: role, Privileges: privs}
	}
	model := func(grants ...metadata.SchemaGrant) *metadata.MetaData {
		m := metadata.New()
		if grants != nil {
			m.Schemas = []*metadata.Schema{{Name: "public", Grants: metadata.SchemaGrantsOf("public", grants)}}
			if m.Schemas[0].Grants == nil {
				m.Schemas = nil
			}
		}
		return m
	}
	for _, tc := range []struct {
		name     string
		from, to *metadata.MetaData
		want     []string
	}{
		{"stock to Sakila's", model(), model(g("postgres", "CREATE", "USAGE"), g("PUBLIC", "CREATE", "USAGE")),
			[]string{"revoke_schema PUBLIC [USAGE]", "grant_schema postgres [CREATE USAGE]", "grant_schema PUBLIC [CREATE USAGE]"}},
		{"Pagila's (in place)", model(), model(g("PUBLIC", "CREATE", "USAGE")), []string{"grant_schema PUBLIC [CREATE]"}},
		{"none on public", model(), model(g("PUBLIC")), []string{"revoke_schema PUBLIC [USAGE]"}},
		{"two roles swapped", model(g("a", "USAGE"), g("b", "CREATE")), model(g("b", "CREATE"), g("a", "USAGE")),
			[]string{"revoke_schema b [CREATE]", "revoke_schema a [USAGE]", "grant_schema b [CREATE]", "grant_schema a [USAGE]"}},
		{"same", model(g("a", "USAGE")), model(g("a", "USAGE")), nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := autogen.Compare(tc.to, tc.from, postgres.Postgres{}, autogen.Options{})
			require.NoError(t, err)
			var got []string
			for _, o := range res.Ops {
				switch o := o.(type) {
				case *ops.GrantSchema:
					got = append(got, "grant_schema "+o.Role+" "+fmt.Sprint(o.Privileges))
				case *ops.RevokeSchema:
					got = append(got, "revoke_schema "+o.Role+" "+fmt.Sprint(o.Privileges))
				default:
					got = append(got, o.Name())
				}
			}
			assert.Equal(t, tc.want, got)
			roundTrip(t, tc.from, tc.to, res.Ops)
		})
	}
}
