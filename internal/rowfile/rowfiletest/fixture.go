// Package rowfiletest holds what the bulk load tests of every dialect
// share: a table with a column of every type of the vocabulary, the path
// of its CSV and JSON fixtures, and a canonical form of values so that
// what a database reads back can be compared with what was loaded.
package rowfiletest

import (
	"path/filepath"
	"runtime"

	"github.com/retortdb/retort/metadata"
)

// AllTypes returns a model with the enum mood and the table all_types,
// whose columns (id, then one per type) match testdata/all_types.csv and
// testdata/all_types.json.
func AllTypes() *metadata.MetaData {
	m := metadata.New()
	m.AddEnum("mood", "sad", "ok", "happy")
	t := metadata.NewTable("all_types",
		metadata.NewColumn("id", metadata.BigIntType),
		metadata.NewColumn("si", metadata.SmallIntType),
		metadata.NewColumn("i", metadata.IntegerType),
		metadata.NewColumn("b", metadata.BooleanType),
		metadata.NewColumn("vc", metadata.VarcharType(200)),
		metadata.NewColumn("ch", metadata.CharType(5)),
		metadata.NewColumn("tx", metadata.TextType),
		metadata.NewColumn("num", metadata.NumericType(18, 6)),
		metadata.NewColumn("r", metadata.RealType),
		metadata.NewColumn("dbl", metadata.DoubleType),
		metadata.NewColumn("dt", metadata.DateType),
		metadata.NewColumn("tm", metadata.TimeType),
		metadata.NewColumn("ts", metadata.TimestampType),
		metadata.NewColumn("tstz", metadata.TimestampTZType),
		metadata.NewColumn("iv", metadata.IntervalType),
		metadata.NewColumn("u", metadata.UUIDType),
		metadata.NewColumn("j", metadata.JSONType),
		metadata.NewColumn("jb", metadata.JSONBType),
		metadata.NewColumn("bl", metadata.BlobType),
		metadata.NewColumn("vb", metadata.VarBinaryType(16)),
		metadata.NewColumn("en", metadata.EnumType("mood")),
	)
	t.SetPrimaryKey("id")
	m.AddTable(t)
	return m
}

// Testdata returns the path of a file in internal/rowfile/testdata.
func Testdata(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", name)
}
