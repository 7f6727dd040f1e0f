package postgres

import (
	"encoding/json"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// storages are pg_attribute.attstorage's codes, by ColumnAttributes.Storage.
var storages = map[string]string{"p": "plain", "e": "external", "x": "extended", "m": "main"}

// compressions are pg_attribute.attcompression's codes.
var compressions = map[string]string{"p": "pglz", "l": "lz4"}

// attributes reads the column's storage, compression, statistics target
// and options from its row of columnsQuery.
func (v *columnScan) attributes() (metadata.ColumnAttributes, error) {
	a := metadata.ColumnAttributes{Storage: storages[v.storage], Compression: compressions[v.compression]}
	if v.statistics >= 0 {
		s := v.statistics
		a.Statistics = &s
	}
	if v.options != "" {
		if err := json.Unmarshal([]byte(v.options), &a.Options); err != nil {
			return a, err
		}
	}
	return a, nil
}

// warnPartitionAttributes warns of a partition's own statistics target
// or options, which the model (a partition has its parent's columns)
// does not keep; storage and compression are copied from the parent when
// the partition is created.
func (in *inspector) warnPartitionAttributes(table, column string, a metadata.ColumnAttributes) {
	if a.Statistics != nil || len(a.Options) > 0 {
		in.warn("partition %s: the statistics target and options of column %s are not modelled (a partition has its parent's columns); "+
			"a rebuilt database lacks them: set them with an execute op (ALTER TABLE ONLY %s ALTER COLUMN %s SET ...)", table, column, table, column)
	}
}

// typeStorages are the storage of the types whose pg_type.typstorage is
// known without asking the server, by kind (a native type by name).
var typeStorages = map[metadata.Kind]string{
	metadata.SmallInt: "plain", metadata.Integer: "plain", metadata.BigInt: "plain", metadata.Boolean: "plain",
	metadata.Real: "plain", metadata.Double: "plain", metadata.Date: "plain", metadata.Time: "plain",
	metadata.Timestamp: "plain", metadata.TimestampTZ: "plain", metadata.Interval: "plain", metadata.UUID: "plain",
	metadata.Varchar: "extended", metadata.Char: "extended", metadata.Text: "extended", metadata.JSON: "extended",
	metadata.JSONB: "extended", metadata.Blob: "extended", metadata.VarBinary: "extended", metadata.Numeric: "main",
	metadata.EnumKind: "plain",
}

// normalizeAttributes gives a column's attributes as Inspect reads them:
// a storage that is its type's default is none, and options are
// name=value without spaces.
func normalizeAttributes(c *metadata.Column) {
	a := &c.Attributes
	if a.Storage != "" && a.Storage == defaultStorage(c.Type) {
		a.Storage = ""
	}
	for i, o := range a.Options {
		name, value, _ := strings.Cut(o, "=")
		a.Options[i] = strings.TrimSpace(name) + "=" + strings.TrimSpace(value)
	}
}

// defaultStorage is the type's own storage, or "" when it is not known
// here (a native type other than an array, tsvector or inet).
func defaultStorage(t metadata.Type) string {
	if t.Kind != metadata.Native {
		return typeStorages[t.Kind]
	}
	switch n := strings.ToLower(t.Native); {
	case strings.HasSuffix(n, "[]"), n == "tsvector", n == "xml":
		return "extended"
	case n == "inet", n == "cidr":
		return "main"
	}
	return ""
}
