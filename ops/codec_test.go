package ops_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// everyOp returns ops of every kind, with and without what their reverse
// needs, in the canonical form DecodeList gives.
func everyOp(t testing.TB) []ops.Op {
	m := fixture(t)
	var list []ops.Op
	for _, tc := range reversible(t, m) {
		list = append(list, tc.op)
	}
	users := ops.TableRef{Table: "users"}
	return append(list,
		&ops.DropTable{TableRef: ops.TableRef{Schema: "auth", Table: "sessions"}},
		&ops.DropColumn{TableRef: users, ColumnName: "email"},
		&ops.DropIndex{TableRef: users, IndexName: "ix_users_email"},
		&ops.DropConstraint{TableRef: users, ConstraintName: "uq_users_email", Type: ops.ConstraintUnique},
		&ops.DropEnum{Schema: "auth", EnumName: "role"},
		&ops.AlterColumn{TableRef: users, ColumnName: "location",
			Type:         &metadata.Type{Kind: metadata.Native, Native: "geometry(point, 4326)", Variants: map[string]string{"mysql": "point"}},
			ExistingType: &metadata.Type{Kind: metadata.Native, Native: "Point Of View"}},
		&ops.SetTableComment{TableRef: users, Comment: "people who log in", ExistingComment: ptr("")},
		&ops.Execute{SQL: "UPDATE users SET tier = 0;\nANALYZE users;\n"},
		&ops.Execute{PerDialect: map[string]string{"postgresql": "VACUUM ANALYZE users", "mysql": "OPTIMIZE TABLE users"}},
		&ops.BulkInsert{TableRef: ops.TableRef{Schema: "ref", Table: "countries"}, Columns: []string{"code", "name", "eu", "population", "area", "note"},
			Rows: [][]any{
				{"FR", "France", true, int64(68_000_000), 551695.0, nil},
				{"NO", "Norway", false, int64(5_500_000), 385207.5, "yes"},
				{"007", "null", false, int64(-1), 1e21, "line one\nline two"},
			}, OnConflict: ops.OnConflictUpdate, Key: "uq_countries_code"},
		&ops.BulkInsert{TableRef: ops.TableRef{Table: "countries"}, File: "seeds/countries.csv", OnConflict: ops.OnConflictSkip},
		&ops.BulkDelete{TableRef: ops.TableRef{Table: "countries"}, Columns: []string{"code"}, Rows: [][]any{{"FR"}, {"NO"}}},
		&ops.Call{Function: "backfill"},
		&ops.BatchUpdate{TableRef: ops.TableRef{Table: "users"}, Set: "tier = tier + 1", Where: "tier IS NOT NULL", BatchSize: 5000, Sleep: 50 * time.Millisecond},
		&ops.BatchUpdate{TableRef: ops.TableRef{Schema: "auth", Table: "sessions"}, Set: "expired = true"},
		&ops.BatchDelete{TableRef: ops.TableRef{Table: "sessions"}, Where: "expired", BatchSize: 1000},
	)
}

// encodeText renders list as the upgrade key of a revision file would.
func encodeText(t testing.TB, list []ops.Op) string {
	t.Helper()
	n, err := ops.EncodeList(list)
	require.NoError(t, err)
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	require.NoError(t, enc.Encode(n))
	require.NoError(t, enc.Close())
	return buf.String()
}

// decodeText parses YAML text and decodes it as a list of ops.
func decodeText(file, text string) ([]ops.Op, error) {
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(text), &n); err != nil {
		return nil, err
	}
	return ops.DecodeList(file, &n)
}

func TestCodecGolden(t *testing.T) {
	list := everyOp(t)
	text := encodeText(t, list)
	golden := filepath.Join("testdata", "ops.yaml")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(text), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	require.Equal(t, string(want), text, "run go test ./ops -update to accept the change")

	decoded, err := decodeText(golden, string(want))
	require.NoError(t, err)
	require.Equal(t, list, decoded, "the golden file decodes to the ops it was written from")
	require.Equal(t, text, encodeText(t, decoded))
}

func TestCodecEveryOpName(t *testing.T) {
	seen := map[string]bool{}
	for _, o := range everyOp(t) {
		seen[o.Name()] = true
	}
	for _, name := range ops.Names() {
		require.True(t, seen[name], "the golden file has no %s", name)
	}
}

// TestDecodeForms checks the shorthands and alternative spellings a
// hand-written revision may use.
func TestDecodeForms(t *testing.T) {
	users := ops.TableRef{Table: "users"}
	for _, tc := range []struct {
		name, text string
		want       ops.Op
	}{
		{"execute as text", `- execute: SELECT 1`, &ops.Execute{SQL: "SELECT 1"}},
		{"call as a mapping without reverse", `- call: {function: seed}`, &ops.Call{Function: "seed"}},
		{"drop_column with the full column", `- drop_column: {table: users, column: {name: a, type: int, nullable: false}}`,
			&ops.DropColumn{TableRef: users, ColumnName: "a", Column: &metadata.Column{Name: "a", Type: metadata.IntegerType}}},
		{"drop_constraint infers a check", `- drop_constraint: {name: ck, table: users, expression: a > 0}`,
			&ops.DropConstraint{TableRef: users, ConstraintName: "ck", Check: &metadata.Check{Name: "ck", Expression: "a > 0"}}},
		{"alter_column type aliases and null default", `- alter_column: {table: users, column: a, type: int4, existing_type: 'character varying(20)', default: null, existing_default: "0"}`,
			&ops.AlterColumn{TableRef: users, ColumnName: "a", Type: ptr(metadata.IntegerType), ExistingType: ptr(metadata.VarcharType(20)), Default: ptr(""), ExistingDefault: ptr("0")}},
		{"create_table column shorthands", `
- create_table:
    name: posts
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: author_id, type: bigint, references: auth.users.id, on_delete: SET  NULL, unique: true, index: true}`,
			&ops.CreateTable{Table: &metadata.Table{Name: "posts",
				Columns:    []*metadata.Column{{Name: "id", Type: metadata.BigIntType}, {Name: "author_id", Type: metadata.BigIntType, Nullable: true}},
				PrimaryKey: &metadata.PrimaryKey{Columns: []string{"id"}},
				ForeignKeys: []*metadata.ForeignKey{{Columns: []string{"author_id"}, RefSchema: "auth", RefTable: "users",
					RefColumns: []string{"id"}, OnDelete: metadata.SetNull}},
				Uniques: []*metadata.Unique{{Columns: []string{"author_id"}}},
				Indexes: []*metadata.Index{{Columns: []string{"author_id"}}}}}},
		{"bulk_insert rows keep the first row's order", `- bulk_insert: {table: t, rows: [{b: 1, a: "1"}, {a: x, b: 0x10}]}`,
			&ops.BulkInsert{TableRef: ops.TableRef{Table: "t"}, Columns: []string{"b", "a"}, Rows: [][]any{{int64(1), "1"}, {int64(16), "x"}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, err := decodeText("r.yaml", tc.text)
			require.NoError(t, err)
			require.Equal(t, []ops.Op{tc.want}, list)
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"not a list", `add_column: {}`, "r.yaml:1:1: the operations must be a list, not a mapping"},
		{"unknown op", "- drop_table: {name: a}\n- add_colum: {table: t}",
			`r.yaml:2:3: unknown operation "add_colum" (did you mean "add_column"?)`},
		{"two keys", `- {add_column: {}, drop_column: {}}`,
			"r.yaml:1:3: an operation is a mapping with one key, its name, as in - add_column: {table: ..., column: {...}}; this is a mapping with 2 keys"},
		{"unknown key", "- add_column:\n    tabel: users\n    column: {name: a, type: text}",
			`r.yaml:2:5: add_column: unknown key "tabel" (did you mean "table"?)` + "\nr.yaml:2:5: add_column: table is missing"},
		{"unknown column key", `- add_column: {table: users, column: {name: a, type: text, nulable: false}}`,
			`r.yaml:1:60: add_column users: column: unknown key "nulable" (did you mean "nullable"?)`},
		{"shorthand in add_column", `- add_column: {table: users, column: {name: a, type: text, unique: true}}`,
			"r.yaml:1:60: add_column users: column: unique is a constraint: add it with its own op (create_unique_constraint, create_index, create_foreign_key, create_primary_key)"},
		{"missing field", `- add_column: {column: {name: a, type: text}}`,
			"r.yaml:1:15: add_column: table is missing"},
		{"wrong kind", `- create_index: {name: ix, table: users, columns: a}`,
			"r.yaml:1:51: create_index ix: columns must be a list, not \"a\""},
		{"bad type", `- add_column: {table: users, column: {name: a, type: integr}}`,
			`r.yaml:1:54: add_column users: column: type "integr": unknown type; use a type of the vocabulary, a native type of your database, or native: to force one (did you mean "integer"?)`},
		{"bad boolean", `- create_index: {name: ix, table: t, columns: [a], unique: yes}`,
			`r.yaml:1:60: create_index ix: unique must be true or false, not "yes"`},
		{"validation", `- alter_column: {table: users, column: a}`,
			"r.yaml:1:17: alter_column users.a: nothing to change (new_name, type, nullable, default, comment, autoincrement, charset, collation, generated or attributes)"},
		{"rows with different keys", "- bulk_insert:\n    table: t\n    rows:\n      - {a: 1, b: 2}\n      - {a: 1, c: 3}",
			"r.yaml:5:9: bulk_insert t: rows[1]: no value for column \"b\"; every row has the same columns as the first (null for none)\n" +
				"r.yaml:5:16: bulk_insert t: rows[1]: column \"c\" is not in the first row; every row has the same columns (a, b)"},
		{"nested value in a row", `- bulk_insert: {table: t, rows: [{a: [1]}]}`,
			"r.yaml:1:38: bulk_insert t: rows[0].a must be a single value (null, true, 42, 1.5 or text), not a list"},
		{"integer out of range", `- bulk_insert: {table: t, rows: [{a: 18446744073709551615}]}`,
			`r.yaml:1:38: bulk_insert t: rows[0].a: "18446744073709551615" does not fit a 64-bit value; quote it to keep it as text`},
		{"execute dialect typo", `- execute: {postgres: VACUUM}`,
			`r.yaml:1:13: execute: unknown key "postgres" (did you mean "postgresql"?)`},
		{"drop_constraint key of another type", `- drop_constraint: {name: c, table: t, type: check, columns: [a]}`,
			"r.yaml:1:53: drop_constraint c: columns is not part of a check constraint's definition"},
		{"drop_constraint unknown type", `- drop_constraint: {name: c, table: t, type: uniq}`,
			`r.yaml:1:46: drop_constraint c: unknown type "uniq" (did you mean "unique"?)`},
		{"drop_table partial definition", `- drop_table: {name: t, comment: x}`,
			"r.yaml:1:25: drop_table t: comment is part of the table's definition, which needs its columns too: give the whole table (as in create_table), or only its name"},
		{"on_conflict typo", `- bulk_insert: {table: t, file: a.csv, on_conflict: skp}`,
			`r.yaml:1:53: bulk_insert t: unknown on_conflict "skp" (did you mean "skip"?)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := decodeText("r.yaml", tc.text)
			require.EqualError(t, err, tc.want)
			var e *metadata.Error
			require.ErrorAs(t, err, &e)
			require.Equal(t, "r.yaml", e.File)
		})
	}
}

func TestDecodeEmpty(t *testing.T) {
	for _, text := range []string{"", "null", "[]"} {
		list, err := decodeText("r.yaml", text)
		require.NoError(t, err)
		require.Empty(t, list)
	}
	require.Equal(t, "[]\n", encodeText(t, nil))
}
