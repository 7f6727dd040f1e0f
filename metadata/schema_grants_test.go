package metadata_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
)

// TestSchemaGrantsYAML reads schemas: grants as [Schema.Grants] keeps
// them: in the order given, each role's privileges sorted; nil (the
// default) when they are a new schema's; "no one but the owner" on public
// as PUBLIC with none; and writes them back the same.
func TestSchemaGrantsYAML(t *testing.T) {
	cases := []struct {
		name, grants string
		schema       string
		want         []metadata.SchemaGrant
	}{
		{"ordered, privileges sorted", "[{role: reporting, privileges: [USAGE, CREATE]}, {role: PUBLIC, privileges: [CREATE, USAGE]}]", "public",
			[]metadata.SchemaGrant{{Role: "reporting", Privileges: []string{"CREATE", "USAGE"}}, {Role: "PUBLIC", Privileges: []string{"CREATE", "USAGE"}}}},
		{"public's stock ones", "[{role: PUBLIC, privileges: [USAGE]}]", "public", nil},
		{"none on public", "[]", "public", []metadata.SchemaGrant{{Role: "PUBLIC"}}},
		{"none elsewhere", "[]", "app", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			doc := "schemas:\n  - {name: " + tc.schema + ", grants: " + tc.grants + "}\n"
			m, err := metadata.Read("schema.yaml", []byte(doc))
			require.NoError(t, err)
			require.Len(t, m.Schemas, 1)
			assert.Equal(t, tc.want, m.Schemas[0].Grants)
			if tc.want == nil {
				return
			}
			out, err := metadata.Write(m)
			require.NoError(t, err)
			back, err := metadata.Read("schema.yaml", out)
			require.NoError(t, err)
			assert.Equal(t, tc.want, back.Schemas[0].Grants, "written:\n%s", out)
		})
	}
}

// TestSchemaGrantsInvalid: a privilege a schema does not have, a role
// given twice and a grant without a role are refused when read.
func TestSchemaGrantsInvalid(t *testing.T) {
	for _, tc := range []struct{ name, grants, want string }{
		{"privilege", "[{role: r, privileges: [SELECT]}]", `role r: privilege "SELECT" is not one of CREATE, USAGE`},
		{"twice", "[{role: r, privileges: [USAGE]}, {role: r, privileges: [CREATE]}]", "role r is listed twice"},
		{"no role", "[{privileges: [USAGE]}]", "a grant has no role"},
		{"public spelled otherwise", "[{role: public, privileges: [USAGE]}]", "write PUBLIC for every role"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metadata.Read("schema.yaml", []byte("schemas:\n  - {name: app, grants: "+tc.grants+"}\n"))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

// TestSetSchemaGrants: a schema entry stays while it has a comment or
// grants, and goes when both are back to a new schema's.
func TestSetSchemaGrants(t *testing.T) {
	m := metadata.New()
	m.SetSchemaComment("public", "ours")
	m.SetSchemaGrants("public", []metadata.SchemaGrant{{Role: "PUBLIC", Privileges: []string{"USAGE", "CREATE"}}})
	m.SetSchemaComment("public", "")
	require.Len(t, m.Schemas, 1)
	assert.Equal(t, []metadata.SchemaGrant{{Role: "PUBLIC", Privileges: []string{"CREATE", "USAGE"}}}, m.Schemas[0].Grants)
	m.SetSchemaGrants("public", metadata.DefaultSchemaGrants("public"))
	assert.Empty(t, m.Schemas)
}
