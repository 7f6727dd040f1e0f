package jsonschema_test

import (
	"fmt"

	"github.com/retortdb/retort/jsonschema"
)

// Validate checks a file against the schema an editor would use, naming
// the line of each problem.
func ExampleValidate() {
	schema, err := jsonschema.Generate(jsonschema.SchemaFile)
	if err != nil {
		panic(err)
	}
	doc := []byte(`tables:
  - name: users
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: email, type: text, nulable: false}
`)
	fmt.Println(jsonschema.Validate(schema, "schema.yaml", doc))
	// Output:
	// schema.yaml:5:35: /tables/0/columns/1/nulable: unknown key "nulable"; did you mean "nullable"?
}
