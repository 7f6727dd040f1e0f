package rowfile

import (
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// FuzzCSV checks the CSV reader against encoding/csv: whenever the
// standard reader accepts the input, both give the same records, with a
// NULL (empty unquoted) field read as "".
func FuzzCSV(f *testing.F) {
	for _, s := range []string{
		"a,b\n1,2\n", "a,\"b\nc\",\"\"\n", "\"x\"\"y\",\r\n,\n", "\n\na\n", "a,\"\",\n", "\"a\r\nb\"\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		std := csv.NewReader(strings.NewReader(in))
		std.FieldsPerRecord = -1
		want, err := std.ReadAll()
		if err != nil || strings.ContainsRune(in, '\r') {
			// encoding/csv drops a lone \r in places RFC 4180 leaves open.
			return
		}
		r := newCSV(strings.NewReader(in))
		for i := 0; ; i++ {
			cells, _, err := r.record()
			if err == io.EOF {
				if i != len(want) {
					t.Fatalf("%q: %d records, want %d", in, i, len(want))
				}
				return
			}
			if err != nil {
				t.Fatalf("%q: record %d: %v (encoding/csv accepts it)", in, i+1, err)
			}
			if i >= len(want) || len(cells) != len(want[i]) {
				t.Fatalf("%q: record %d: %d fields, want %v", in, i+1, len(cells), want)
			}
			for j, c := range cells {
				if c.text != want[i][j] {
					t.Fatalf("%q: record %d field %d: %q, want %q", in, i+1, j+1, c.text, want[i][j])
				}
			}
		}
	})
}
