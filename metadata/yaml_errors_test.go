package metadata

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestReadErrors checks each problem Read reports, with its position and
// message.
func TestReadErrors(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		yaml string // a leading newline is dropped, so line 1 is the first line shown
		want []string
	}{
		{
			// yaml.v3 gives the line before the flow list left open, and no column.
			name: "yaml syntax",
			yaml: `
tables:
  - name: t
    columns: [{name: a, type: text}
  - name: u
`,
			want: []string{
				"schema.yaml:2: invalid YAML: did not find expected ',' or ']'",
			},
		},
		{
			name: "two documents",
			yaml: "tables: []\n---\ntables: []\n",
			want: []string{
				"schema.yaml:2:1: a second YAML document starts here; a schema is one document, so remove the ---",
			},
		},
		{
			name: "unknown top-level key",
			yaml: "table:\n  - name: t\n",
			want: []string{
				"schema.yaml:1:1: the schema: unknown key \"table\" (did you mean \"tables\"?)",
			},
		},
		{
			name: "unknown column keys",
			yaml: `
tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: text, nulable: false}
      - {name: bio, type: text, colour: red}
`,
			want: []string{
				"schema.yaml:5:35: table \"users\", column \"email\": unknown key \"nulable\" (did you mean \"nullable\"?)",
				"schema.yaml:6:33: table \"users\", column \"bio\": unknown key \"colour\"; use one of name, type, native, variants, primary_key, autoincrement, identity, sequence, nullable, default, unique, index, references, on_delete, on_update, comment, charset, collation, generated, clause_order, attributes",
			},
		},
		{
			name: "key given twice",
			yaml: `
tables:
  - name: t
    name: u
    columns: [{name: a, type: text}]
`,
			want: []string{
				"schema.yaml:3:5: table \"t\": key \"name\" is given twice (first at line 2); remove one",
			},
		},
		{
			name: "wrong kinds",
			yaml: `
enums: [mood]
tables:
  - name: users
    columns:
      name: id
  - name: posts
    columns:
      - id
      - {name: tags, type: [text]}
      - {name: done, type: boolean, nullable: yes}
    indexes: {columns: [id]}
  - just a string
`,
			want: []string{
				"schema.yaml:1:8: enums must be a mapping (key: value), not a list",
				"schema.yaml:5:7: table \"users\": columns must be a list, not a mapping",
				"schema.yaml:8:9: table \"posts\", column 1 must be a mapping (key: value), not \"id\"",
				"schema.yaml:9:28: table \"posts\", column \"tags\": type must be a single value, not a list",
				"schema.yaml:10:47: table \"posts\", column \"done\": nullable must be true or false, not \"yes\"",
				"schema.yaml:11:14: table \"posts\": indexes must be a list, not a mapping",
				"schema.yaml:12:5: table 3 must be a mapping (key: value), not \"just a string\"",
			},
		},
		{
			name: "types",
			yaml: `
tables:
  - name: t
    columns:
      - {name: a, type: integr}
      - {name: b, type: varchar(twenty)}
      - {name: c, type: varchar}
      - {name: e, type: text, native: tsvector}
      - {name: f}
      - {name: g, native: ""}
`,
			want: []string{
				"schema.yaml:4:25: table \"t\", column \"a\": type \"integr\": unknown type; use a type of the vocabulary, a native type of your database, or native: to force one (did you mean \"integer\"?)",
				"schema.yaml:5:25: table \"t\", column \"b\": type \"varchar(twenty)\": length \"twenty\" must be a positive whole number",
				"schema.yaml:6:25: table \"t\", column \"c\": type \"varchar\": varchar needs one length, as in varchar(255); use text (or blob) when there is no limit",
				"schema.yaml:7:31: table \"t\", column \"e\": give type or native, not both",
				"schema.yaml:8:9: table \"t\", column \"f\" has no type; add one, as in type: text",
				"schema.yaml:9:27: table \"t\", column \"g\": native needs the database's type, as in native: \"geometry(point, 4326)\"",
			},
		},
		{
			name: "enums",
			yaml: `
enums:
  mood: [happy, sad, happy]
  empty: []
  shop.size: [s, m, l]
tables:
  - name: t
    columns:
      - {name: m, type: enum(mod)}
      - {name: s, type: enum(shop.size)}
      - {name: v, type: text, variants: {mysql: mediumtxt}}
`,
			want: []string{
				"schema.yaml:2:22: enum \"mood\": value \"happy\" is listed twice; remove one",
				"schema.yaml:3:10: enum \"empty\" has no values; list at least one",
				"schema.yaml:8:25: table \"t\", column \"m\": enum \"mod\" is not declared; declare it under enums: (did you mean \"mood\"?)",
				"schema.yaml:10:49: table \"t\", column \"v\": variant for mysql: type \"mediumtxt\": unknown type; use a type of the vocabulary, a native type of your database, or native: to force one (did you mean \"mediumtext\"?)",
			},
		},
		{
			name: "foreign key to a missing table and column",
			yaml: `
tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
  - name: posts
    columns:
      - {name: author_id, type: bigint, references: user.id}
      - {name: editor_id, type: bigint, references: users.uid}
    foreign_keys:
      - {columns: [author_id], ref_table: users, ref_schema: blog, ref_columns: [id]}
`,
			want: []string{
				"schema.yaml:7:53: table \"posts\": foreign key \"fk_posts_author_id_user\" references table \"user\", which does not exist (did you mean \"users\"?)",
				"schema.yaml:8:53: table \"posts\": foreign key \"fk_posts_editor_id_users\" references column \"uid\" of table \"users\", which does not exist (did you mean \"id\"?)",
				"schema.yaml:10:43: table \"posts\": foreign key \"fk_posts_author_id_users\" references table \"blog.users\", which does not exist",
			},
		},
		{
			name: "foreign key column count",
			yaml: `
tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
  - name: posts
    columns:
      - {name: author_id, type: bigint}
      - {name: editor_id, type: bigint}
    foreign_keys:
      - {columns: [author_id, editor_id], ref_table: users, ref_columns: [id]}
`,
			want: []string{
				"schema.yaml:10:74: table \"posts\": foreign key \"fk_posts_author_id_users\" has 2 columns but references 1; list as many ref_columns as columns",
			},
		},
		{
			name: "foreign key types",
			yaml: `
tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: varchar(320), unique: true}
  - name: posts
    columns:
      - {name: author, type: varchar(320), references: users.id}
      - {name: small_id, type: integer, references: users.id}
      - {name: email, type: char(100), references: users.email}
`,
			want: []string{
				"schema.yaml:8:56: table \"posts\": foreign key \"fk_posts_author_users\": column \"author\" is varchar(320) but the column \"id\" it references in table \"users\" is bigint; give both the same type",
				"schema.yaml:9:53: table \"posts\": foreign key \"fk_posts_small_id_users\": column \"small_id\" is integer but the column \"id\" it references in table \"users\" is bigint; give both the same type",
			},
		},
		{
			name: "foreign key details",
			yaml: `
tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: text}
  - name: posts
    columns:
      - {name: a, type: bigint, references: users}
      - {name: b, type: bigint, on_delete: cascade}
`,
			want: []string{
				"schema.yaml:8:45: table \"posts\", column \"a\": references \"users\" must be table.column or schema.table.column; use foreign_keys for names with dots",
				"schema.yaml:9:33: table \"posts\", column \"b\": on_delete applies to a foreign key; add references: table.column, or remove it",
			},
		},
		{
			name: "foreign key actions and keys",
			yaml: `
tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: text}
  - name: posts
    columns:
      - {name: a, type: bigint, references: users.id, on_delete: cascde}
      - {name: b, type: bigint, nullable: false, references: users.id, on_update: set null}
      - {name: c, type: text, references: users.email}
    foreign_keys:
      - {columns: [nope], ref_table: users, ref_columns: [id], initially_deferred: true}
`,
			want: []string{
				"schema.yaml:8:66: table \"posts\": foreign key \"fk_posts_a_users\": unknown on_delete action \"cascde\"; use one of no action, restrict, cascade, set null, set default (did you mean \"cascade\"?)",
				// Line 9 (set null on a NOT NULL column) is no error: PostgreSQL
				// and SQLite accept such keys; MySQL's dialect refuses them.
				"schema.yaml:10:43: table \"posts\": foreign key \"fk_posts_c_users\" references (email) of table \"users\", which are neither its primary key nor unique; add a unique constraint on them",
				"schema.yaml:12:20: table \"posts\": foreign key \"fk_posts_nope_users\" names column \"nope\", which does not exist",
				"schema.yaml:12:84: table \"posts\": foreign key \"fk_posts_nope_users\" is initially deferred but not deferrable; add deferrable: true",
			},
		},
		{
			name: "duplicate names",
			yaml: `
tables:
  - name: t
    columns:
      - {name: a, type: text, unique: true}
      - {name: a, type: integer}
      - {name: b, type: text}
    indexes:
      - {name: ix_b, columns: [b]}
    unique:
      - {name: uq_t_a, columns: [b]}
    checks:
      - {name: ix_b, expression: b <> ''}
      - {name: uq_t_a, expression: b <> 'x'}
  - name: t
    columns:
      - {name: a, type: text}
`,
			// The check ix_b may share the plain index's name (two
			// namespaces on PostgreSQL and MySQL); uq_t_a may not be a
			// unique constraint twice, nor a unique constraint and a check.
			want: []string{
				"schema.yaml:5:16: table \"t\": column \"a\" is declared twice; rename or remove one",
				"schema.yaml:10:16: table \"t\": name \"uq_t_a\" is used twice (unique constraint, unique constraint); the names of a table's constraints, and those of its keys and indexes, must differ, so rename one",
				"schema.yaml:13:16: table \"t\": name \"uq_t_a\" is used twice (unique constraint, check); the names of a table's constraints, and those of its keys and indexes, must differ, so rename one",
				"schema.yaml:14:11: table \"t\" is declared twice; rename or remove one",
			},
		},
		{
			name: "keys over missing columns",
			yaml: `
tables:
  - name: t
    columns:
      - {name: id, type: bigint}
      - {name: b, type: text}
    primary_key: {columns: [id, nope]}
    indexes:
      - {columns: [bb]}
      - {name: ix_empty}
    unique:
      - {columns: [b, b]}
`,
			want: []string{
				"schema.yaml:6:33: table \"t\": primary key names column \"nope\", which does not exist",
				"schema.yaml:8:20: table \"t\": index \"ix_t_bb\" names column \"bb\", which does not exist (did you mean \"b\"?)",
				"schema.yaml:9:9: table \"t\": index \"ix_empty\" has no columns or expressions; list at least one",
				"schema.yaml:11:23: table \"t\": unique constraint \"uq_t_b\" lists column \"b\" twice",
			},
		},
		{
			name: "nullable primary key",
			yaml: `
tables:
  - name: t
    columns:
      - {name: id, type: bigint, primary_key: true, nullable: true}
`,
			want: []string{
				"schema.yaml:4:63: table \"t\", column \"id\": a primary key column cannot be nullable; remove nullable: true",
			},
		},
		{
			name: "primary key given twice",
			yaml: `
tables:
  - name: t
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: b, type: text}
    primary_key: {columns: [b]}
`,
			want: []string{
				"schema.yaml:6:5: table \"t\": primary_key lists (b) but the columns flagged primary_key: true are (id); make them agree, or keep one of the two",
			},
		},
		{
			name: "empty tables",
			yaml: `
tables:
  - name: empty
  - name: empty2
    columns: []
  - columns: [{name: a, type: text}]
`,
			want: []string{
				"schema.yaml:2:5: table \"empty\" has no columns; add at least one",
				"schema.yaml:4:14: table \"empty2\" has no columns; add at least one",
				"schema.yaml:5:5: a table has no name; give it one with name:",
			},
		},
		{
			name: "naming convention",
			yaml: `
naming_convention:
  iy: ix_%(column_0_label)s
tables: []
`,
			want: []string{
				"schema.yaml:2:3: naming_convention: unknown key \"iy\" (did you mean \"ix\"?)",
			},
		},
		{
			name: "naming convention token",
			yaml: `
naming_convention:
  uq: uq_%(table_nme)s
  ck: ck_%(table_name)s_%(constraint_name)s
tables:
  - name: t
    columns: [{name: a, type: text, unique: true}]
    checks: [{expression: a <> ''}]
`,
			want: []string{
				"schema.yaml:2:7: naming convention uq: unknown token %(table_nme)s (did you mean \"table_name\"?)",
				"schema.yaml:7:14: table \"t\": check \"a <> ''\" has no name, and the ck naming convention uses %(constraint_name)s: give it a name",
			},
		},
		{
			name: "autoincrement",
			yaml: `
tables:
  - name: t
    columns:
      - {name: id, type: text, primary_key: true, autoincrement: true, default: "'x'"}
      - {name: n, type: bigint, autoincrement: true}
`,
			want: []string{
				"schema.yaml:4:66: table \"t\", column \"id\": autoincrement needs an integer type, not text",
				"schema.yaml:4:81: table \"t\", column \"id\": an autoincrement column cannot have a default; remove one of them",
				"schema.yaml:5:48: table \"t\", column \"n\": only one column of a table can be autoincrement",
			},
		},
		{
			name: "clause order",
			yaml: `
tables:
  - name: t
    columns:
      - {name: id, type: integer, clause_order: [primary_key, notnull]}
      - {name: n, type: integer, clause_order: [default, default]}
`,
			want: []string{
				"schema.yaml:4:63: table \"t\", column \"id\": clause_order: unknown clause \"notnull\" (did you mean \"not_null\"?)",
				"schema.yaml:5:58: table \"t\", column \"n\": clause_order: default is listed twice; list it once",
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m, err := Read("schema.yaml", []byte(strings.TrimPrefix(tc.yaml, "\n")))
			require.Error(t, err)
			require.Nil(t, m)
			var list ErrorList
			require.True(t, errors.As(err, &list), "%T is not an ErrorList", err)
			got := make([]string, len(list))
			for i, e := range list {
				got[i] = e.Error()
				require.Equal(t, "schema.yaml", e.File)
			}
			require.Equal(t, tc.want, got)
			var first *Error
			require.True(t, errors.As(err, &first))
			require.Equal(t, list[0], first)
		})
	}
}
