package rowfile_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/retortdb/retort/internal/rowfile"
	"github.com/retortdb/retort/internal/rowfile/rowfiletest"
	"github.com/retortdb/retort/metadata"
)

// readAll reads every row of r in canonical form.
func readAll(t *testing.T, r *rowfile.Reader, tbl *metadata.Table) [][]string {
	t.Helper()
	var out [][]string
	for {
		row, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		var c []string
		for i, v := range row {
			c = append(c, rowfiletest.Canon(tbl.Column(r.Columns()[i]).Type.Kind, v))
		}
		out = append(out, c)
	}
}

// TestFixturesAgree reads the CSV and JSON fixtures: the same rows, with
// NULL told from the empty string and quotes and newlines kept.
func TestFixturesAgree(t *testing.T) {
	t.Parallel()
	tbl := rowfiletest.AllTypes().Table("", "all_types")
	var got [2][][]string
	for i, name := range []string{"all_types.csv", "all_types.json"} {
		r, err := rowfile.Open(rowfiletest.Testdata(name), tbl)
		if err != nil {
			t.Fatal(err)
		}
		got[i] = readAll(t, r, tbl)
		r.Close()
	}
	if len(got[0]) != 4 {
		t.Fatalf("csv: %d rows, want 4", len(got[0]))
	}
	for i := range got[0] {
		if strings.Join(got[0][i], "|") != strings.Join(got[1][i], "|") {
			t.Errorf("row %d differs:\ncsv:  %q\njson: %q", i+1, got[0][i], got[1][i])
		}
	}
	checks := []struct {
		name     string
		row, col int
		want     string
	}{
		{"quotes", 0, 4, `say "hi", then go`},
		{"null text", 1, 4, "NULL"},
		{"empty text", 2, 4, ""},
		{"newlines", 2, 6, "line one\nline two, with comma\n\"quoted\" line three"},
		{"unicode", 3, 4, "日本語 ✓ café 🎉"},
		{"zone", 0, 13, "2024-03-09T21:00:00Z"},
		{"empty blob", 2, 18, ""},
		{"hex blob", 3, 18, "00ff10"},
		{"base64", 0, 19, "68656c6c6f"},
		{"json null is not NULL", 3, 17, "null"},
	}
	for _, c := range checks {
		if g := got[0][c.row][c.col]; g != c.want {
			t.Errorf("%s: got %q, want %q", c.name, g, c.want)
		}
	}
}

// TestCSVNullAndEmpty checks the reader's one departure from encoding/csv.
func TestCSVNullAndEmpty(t *testing.T) {
	t.Parallel()
	tbl := metadata.NewTable("t", metadata.NewColumn("a", metadata.TextType), metadata.NewColumn("b", metadata.TextType))
	tests := []struct {
		name, in string
		want     [][]string
	}{
		{"null and empty", "a,b\n,\"\"\n", [][]string{{"NULL", ""}}},
		{"crlf", "a,b\r\nx,y\r\n", [][]string{{"x", "y"}}},
		{"no final newline", "a,b\nx,", [][]string{{"x", "NULL"}}},
		{"newline in quotes", "a,b\n\"1\n2\",\"3,\"\"4\"\"\"\n", [][]string{{"1\n2", `3,"4"`}}},
		{"blank lines skipped", "a,b\n\nx,y\n\n", [][]string{{"x", "y"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := rowfile.NewReader("t.csv", strings.NewReader(tc.in), rowfile.CSV, tbl)
			if err != nil {
				t.Fatal(err)
			}
			got := readAll(t, r, tbl)
			if len(got) != len(tc.want) || strings.Join(got[0], "|") != strings.Join(tc.want[0], "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestErrors checks that every bad input is an *Error naming the line, row
// and column.
func TestErrors(t *testing.T) {
	t.Parallel()
	tbl := metadata.NewTable("t", metadata.NewColumn("id", metadata.BigIntType), metadata.NewColumn("at", metadata.TimestampTZType))
	tests := []struct {
		name, file, in string
		line, row      int
		col, msg       string
	}{
		{"bad int", "x.csv", "id,at\n1,\n2,\nx,\n", 4, 3, "id", `"x" is not a bigint`},
		{"bad timestamp", "x.csv", "id,at\n1,2024-13-01T00:00:00+02:00\n", 2, 1, "at", "is not a timestamptz (write RFC 3339"},
		{"after a multi-line row", "x.csv", "id,at\n\"1\n\",\n", 2, 1, "id", "is not a bigint"},
		{"field count", "x.csv", "id,at\n1\n", 2, 1, "", "1 fields for 2 columns"},
		{"unknown column", "x.csv", "id,nope\n", 1, 0, "nope", "no such column"},
		{"open quote", "x.csv", "id,at\n\"1,\n", 0, 1, "", "never closed"},
		{"json bad", "x.json", `[{"id": 1, "at": null}, {"id": 1.5, "at": null}]`, 0, 2, "id", `"1.5" is not a bigint`},
		{"json missing", "x.json", `[{"id": 1, "at": null}, {"id": 2}]`, 0, 2, "at", "missing"},
		{"json not array", "x.json", `{"id": 1}`, 0, 0, "", "not a JSON array"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, _ := rowfile.FormatOf(tc.file)
			r, err := rowfile.NewReader(tc.file, strings.NewReader(tc.in), f, tbl)
			for err == nil {
				_, err = r.Next()
			}
			var e *rowfile.Error
			if !errors.As(err, &e) {
				t.Fatalf("got %v (%T), want *rowfile.Error", err, err)
			}
			if (tc.line > 0 && e.Line != tc.line) || e.Row != tc.row || e.Column != tc.col || !strings.Contains(e.Error(), tc.msg) {
				t.Errorf("got line %d row %d column %q: %v; want line %d row %d column %q, %q", e.Line, e.Row, e.Column, err, tc.line, tc.row, tc.col, tc.msg)
			}
			if !strings.HasPrefix(e.Error(), tc.file) {
				t.Errorf("%v does not name the file", err)
			}
		})
	}
}

// TestConvert checks the text forms of each type.
func TestConvert(t *testing.T) {
	t.Parallel()
	tests := []struct {
		typ  metadata.Type
		in   string
		want string // canonical; "" means an error
	}{
		{metadata.IntegerType, "2147483648", ""},
		{metadata.SmallIntType, "-32768", "-32768"},
		{metadata.BooleanType, "yes", ""},
		{metadata.BooleanType, "true", "true"},
		{metadata.NumericType(40, 20), "12345678901234567890.12345678901234567890", "123456789012345678901234567890123456789/10000000000000000000"},
		{metadata.NumericType(10, 2), "1e", ""},
		{metadata.NumericType(10, 2), ".5", "1/2"},
		{metadata.DateType, "2024-02-30", ""},
		{metadata.TimestampTZType, "2024-01-01 10:00:00+02:00", "2024-01-01T08:00:00Z"},
		{metadata.TimestampTZType, "2001-09-08T20:49:54-05:30", "2001-09-09T02:19:54Z"},
		{metadata.TimestampTZType, "2001-09-09 02:03:17", "2001-09-09T02:03:17Z"},
		{metadata.TimestampTZType, "2001-09-09", ""},
		{metadata.TimestampType, "2001-09-09T04:03:17+02:00", "2001-09-09 02:03:17"},
		{metadata.TimestampType, "2001-09-09T04:03:17.5", "2001-09-09 04:03:17.5"},
		{metadata.NativeType("datetime(6)"), "2001-09-09T11:03:17+09:00", "2001-09-09 02:03:17 +0000 UTC"},
		{metadata.NativeType("timestamp(3) with time zone"), "2001-09-09 07:48:17+05:45", "2001-09-09 02:03:17 +0000 UTC"},
		{metadata.NativeType("datetime"), "soon", ""},
		{metadata.NativeType("timetz"), "04:03:17+02:00", "04:03:17+02:00"},
		{metadata.UUIDType, "not-a-uuid", ""},
		{metadata.JSONType, "{bad", ""},
		{metadata.BlobType, `\xzz`, ""},
		{metadata.BlobType, "!!", ""},
		{metadata.DoubleType, "1e400", ""},
	}
	for _, tc := range tests {
		t.Run(tc.typ.String()+" "+tc.in, func(t *testing.T) {
			v, err := rowfile.Convert(tc.typ, tc.in)
			switch {
			case tc.want == "" && err == nil:
				t.Errorf("got %v, want an error", v)
			case tc.want != "" && err != nil:
				t.Errorf("error %v", err)
			case tc.want != "" && rowfiletest.Canon(tc.typ.Kind, v) != tc.want:
				t.Errorf("got %s, want %s", rowfiletest.Canon(tc.typ.Kind, v), tc.want)
			}
		})
	}
}
