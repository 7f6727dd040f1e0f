package diagram_test

import (
	"os"
	"testing/fstest"

	"github.com/retortdb/retort/diagram"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
)

// History draws a revision graph; migrate graph prints the same.
func ExampleHistory() {
	files := fstest.MapFS{
		"versions/a1_users.yaml": {Data: []byte("revision: a1\ndown_revision: null\nmessage: users\nupgrade: []\n")},
		"versions/b2_posts.yaml": {Data: []byte("revision: b2\ndown_revision: a1\nmessage: posts\nupgrade: []\n")},
		"versions/c3_audit.yaml": {Data: []byte("revision: c3\ndown_revision: a1\nbranch_labels: [audit]\nmessage: audit\nupgrade: []\n")},
		"versions/d4_merge.yaml": {Data: []byte("revision: d4\ndown_revision: [b2, c3]\nmessage: merge\nupgrade: []\n")},
	}
	g, err := versions.LoadHeaders(files, "versions")
	if err != nil {
		panic(err)
	}
	diagram.History(os.Stdout, g, []string{"b2"}, diagram.Text)
	// Output:
	// * d4 (head, merge point) merge
	// |\
	// * | b2 (current) posts
	// | * c3 (@audit) audit
	// |/
	// * a1 (base, branch point) users
}

// Schema draws the tables, their key columns and foreign keys, here as a
// Mermaid erDiagram (GitHub renders it in Markdown).
func ExampleSchema() {
	m, err := metadata.Read("schema.yaml", []byte(`tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: text}
  - name: posts
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: author_id, type: bigint, nullable: false, references: users.id}
`))
	if err != nil {
		panic(err)
	}
	diagram.Schema(os.Stdout, m, diagram.Mermaid)
	// Output:
	// erDiagram
	//     users {
	//         bigint id PK
	//     }
	//     posts {
	//         bigint id PK
	//         bigint author_id FK
	//     }
	//     posts }o..|| users : "author_id"
}
