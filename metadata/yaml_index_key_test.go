package metadata_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
)

// TestIndexKeysRoundTrip writes indexes in full (operator classes, order,
// collations, prefixes, INCLUDE, WITH, comments) and reads them back
// unchanged; a plain index keeps the columns: form.
func TestIndexKeysRoundTrip(t *testing.T) {
	text := metadata.Type{Kind: metadata.Text}
	full := &metadata.Index{Name: "ix_full", Using: "btree", Include: []string{"b"}, With: []string{"fillfactor=70"}, Comment: "it's full"}
	full.SetKeys([]metadata.IndexKey{
		{Expression: "lower(a)", OpClass: "text_pattern_ops"},
		{Column: "b", Desc: true, Nulls: metadata.NullsLast},
		{Column: "a", Collation: "C", Length: 0},
	})
	prefix := &metadata.Index{Name: "ix_prefix"}
	prefix.SetKeys([]metadata.IndexKey{{Column: "a", Length: 10}, {Column: "b"}})
	plain := &metadata.Index{Name: "ix_plain"}
	plain.SetKeys([]metadata.IndexKey{{Column: "a"}, {Expression: "upper(b)"}})
	m := &metadata.MetaData{Tables: []*metadata.Table{{Name: "t",
		Columns: []*metadata.Column{{Name: "a", Type: text}, {Name: "b", Type: text}},
		Indexes: []*metadata.Index{full, prefix, plain}}}}
	if plain.Keys != nil || full.Keys == nil || prefix.Keys == nil {
		t.Fatalf("SetKeys: plain keys %v, full %v, prefix %v", plain.Keys, full.Keys, prefix.Keys)
	}
	if !reflect.DeepEqual(full.Columns, []string{"b", "a"}) || !reflect.DeepEqual(full.Expressions, []string{"lower(a)"}) {
		t.Fatalf("SetKeys: columns %v expressions %v", full.Columns, full.Expressions)
	}
	out, err := metadata.Write(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"keys: [{expression: lower(a), opclass: text_pattern_ops}, {column: b, desc: true, nulls: last}, {column: a, collation: C}]",
		"include: [b]", "with: [fillfactor=70]", "keys: [{column: a, length: 10}, b]", "columns: [a], expressions: [upper(b)]"} {
		if !strings.Contains(string(out), want) {
			t.Errorf("written schema lacks %q:\n%s", want, out)
		}
	}
	back, err := metadata.Read("schema.yaml", out)
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !reflect.DeepEqual(back.Tables[0].Indexes, m.Tables[0].Indexes) {
		t.Errorf("indexes differ after a round trip:\n%s", out)
	}
}

// TestIndexKeyErrors reports bad keys with their line.
func TestIndexKeyErrors(t *testing.T) {
	head := "tables:\n  - name: t\n    columns: [{name: a, type: text}]\n    indexes:\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"both forms", "      - {name: i, columns: [a], keys: [a]}\n", "either as columns:/expressions: or as keys:"},
		{"neither column nor expression", "      - {name: i, keys: [{desc: true}]}\n", "exactly one of column: and expression:"},
		{"bad nulls", "      - {name: i, keys: [{column: a, nulls: middle}]}\n", "use first or last"},
		{"unknown key", "      - {name: i, keys: [{column: a, order: desc}]}\n", "unknown key \"order\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := metadata.Read("schema.yaml", []byte(head+tc.yaml))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
