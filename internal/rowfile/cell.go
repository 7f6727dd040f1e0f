package rowfile

// cellKind tells how a value was written in its source, which decides
// NULL and how the text is read.
type cellKind uint8

const (
	cellNull   cellKind = iota // CSV empty unquoted field, JSON null, nil
	cellText                   // CSV field, JSON string, YAML string
	cellNumber                 // JSON number, YAML int or float
	cellBool                   // JSON or YAML true/false ("true"/"false")
	cellJSON                   // JSON object or array, as JSON text
)

// cell is one raw value of a row before conversion.
type cell struct {
	kind cellKind
	text string
}
