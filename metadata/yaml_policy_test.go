package metadata_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestPoliciesRoundTrip writes a table's row security and policies of
// every kind and reads them back unchanged, and to the same bytes.
func TestPoliciesRoundTrip(t *testing.T) {
	m := &metadata.MetaData{
		Tables: []*metadata.Table{{Name: "accounts", RowSecurity: metadata.RowSecurity{Enabled: true, Forced: true},
			Columns: []*metadata.Column{{Name: "owner", Type: metadata.Type{Kind: metadata.Text}}}}},
		Policies: []*metadata.Policy{
			{Table: "accounts", Name: "bare"},
			{Table: "accounts", Name: "own", Roles: []string{"clerk", "manager"}, Using: "(owner = CURRENT_USER)",
				WithCheck: "(owner = CURRENT_USER)", Comment: "theirs"},
			{Table: "accounts", Name: "open", Restrictive: true, Command: "SELECT", Using: "true"},
		},
	}
	out, err := metadata.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"row_security: {enabled: true, forced: true}", "as: restrictive", "command: SELECT", "roles: [clerk, manager]"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("schema.yaml lacks %q:\n%s", want, out)
		}
	}
	back, err := metadata.Read("schema.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(back.Policies, m.Policies) || back.Tables[0].RowSecurity != m.Tables[0].RowSecurity {
		t.Errorf("read back %+v, %+v", back.Policies, back.Tables[0].RowSecurity)
	}
	again, err := metadata.Write(back)
	if err != nil || string(again) != string(out) {
		t.Errorf("written again differs (%v):\n%s", err, again)
	}
	js, err := metadata.WriteJSON(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"as": "permissive"`, `"command": "ALL"`, `"roles": []`, `"with_check": null`} {
		if !strings.Contains(string(js), want) {
			t.Errorf("the JSON, which spells every key, lacks %s:\n%s", want, js)
		}
	}
	fromJSON, err := metadata.Read("schema.json", js)
	if err != nil || !reflect.DeepEqual(fromJSON.Policies, m.Policies) {
		t.Errorf("the JSON reads back as %+v (%v)", fromJSON.Policies, err)
	}
}

// TestPolicyReadErrors: what a policy or row_security cannot be is an
// error that says what to write.
func TestPolicyReadErrors(t *testing.T) {
	const table = "tables:\n  - name: accounts\n    columns: [{name: owner, type: text}]\n"
	cases := []struct{ name, yaml, want string }{
		{"as", table + "policies: [{table: accounts, name: p, as: lenient}]", `as is "lenient"; write permissive or restrictive`},
		{"command", table + "policies: [{table: accounts, name: p, command: TRUNCATE}]", `command is "TRUNCATE"; write one of ALL, SELECT, INSERT, UPDATE, DELETE`},
		{"no table", table + "policies: [{name: p}]", "table is missing; name the table the policy is on"},
		{"unknown table", table + "policies: [{table: ledger, name: p}]", "policy p: there is no table ledger; declare it or fix table:"},
		{"twice", table + "policies: [{table: accounts, name: p}, {table: accounts, name: p}]", "policy p on accounts is declared twice; remove one"},
		{"row_security key", "tables:\n  - name: accounts\n    row_security: {on: true}\n    columns: [{name: owner, type: text}]\n", `row_security: unknown key "on"; use one of enabled, forced`},
		{"row_security value", "tables:\n  - name: accounts\n    row_security: {enabled: yes please}\n    columns: [{name: owner, type: text}]\n", "enabled must be true or false"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metadata.Read("schema.yaml", []byte(tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestNormalizeRoles: roles sort, PUBLIC alone is none, PUBLIC among
// others is spelled public.
func TestNormalizeRoles(t *testing.T) {
	for _, tc := range []struct{ in, want []string }{
		{nil, nil},
		{[]string{"PUBLIC"}, nil},
		{[]string{"manager", "clerk", "clerk"}, []string{"clerk", "manager"}},
		{[]string{"Public", "clerk"}, []string{"clerk", "public"}},
	} {
		if got := metadata.NormalizeRoles(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("NormalizeRoles(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
