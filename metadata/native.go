package metadata

import (
	"sort"
	"strings"
	"sync"
)

// nativeTypes holds the base names of native types some dialect knows, so
// schema.yaml can use them verbatim while a typo is still caught. The shipped
// dialects' names are listed here so a model validates without importing
// them; a new dialect adds its own with [RegisterNativeTypes].
var nativeTypes = struct {
	sync.RWMutex
	names map[string]bool
}{names: map[string]bool{}}

func init() {
	RegisterNativeTypes(
		// PostgreSQL
		"bigserial", "serial", "smallserial", "serial2", "serial4", "serial8",
		"bytea", "inet", "cidr", "macaddr", "macaddr8", "money", "bit", "bit varying", "varbit",
		"tsvector", "tsquery", "xml", "point", "line", "lseg", "box", "path", "polygon", "circle",
		"int4range", "int8range", "numrange", "tsrange", "tstzrange", "daterange",
		"int4multirange", "int8multirange", "nummultirange", "tsmultirange", "tstzmultirange", "datemultirange",
		"timetz", "time with time zone", "citext", "hstore", "ltree", "oid", "regclass", "name",
		"pg_lsn", "txid_snapshot", "jsonpath", "geometry", "geography", "vector", "halfvec",
		// MySQL / MariaDB
		"tinyint", "mediumint", "int unsigned", "float", "tinytext", "mediumtext", "longtext",
		"tinyblob", "mediumblob", "longblob", "binary", "datetime", "year", "set",
		"linestring", "multipoint", "multilinestring", "multipolygon", "geometrycollection",
		"long varchar", "long varbinary", "nchar", "nvarchar", "national char", "national varchar",
		"inet4", "inet6",
		// SQLite
		"any", "clob", "native character", "varying character", "unsigned big int",
	)
}

// RegisterNativeTypes records base names (lower case, without parameters) of
// native types a dialect accepts. Dialects call it from init.
func RegisterNativeTypes(names ...string) {
	nativeTypes.Lock()
	defer nativeTypes.Unlock()
	for _, n := range names {
		nativeTypes.names[strings.ToLower(n)] = true
	}
}

// mysqlModifiers may follow a numeric MySQL type.
var mysqlModifiers = map[string]bool{"unsigned": true, "signed": true, "zerofill": true, "unsigned zerofill": true}

// isKnownNative reports whether base (with the text after its parameters)
// names a native type: a registered name, a canonical name or alias used
// with native modifiers ("bigint unsigned", "int[]", "timestamp(3) with
// time zone").
func isKnownNative(base, rest string) bool {
	nativeTypes.RLock()
	known := nativeTypes.names[base]
	nativeTypes.RUnlock()
	_, canonical := canonicalKind(base)
	if !known && !canonical {
		return false
	}
	rest = strings.TrimSpace(strings.TrimRight(rest, "[] "))
	for strings.HasSuffix(rest, "[]") {
		rest = strings.TrimSpace(strings.TrimSuffix(rest, "[]"))
	}
	switch {
	case rest == "":
		return true
	case mysqlModifiers[rest]:
		return true
	case rest == "with time zone" || rest == "without time zone":
		return true
	}
	return false
}

// knownTypeNames returns every canonical, alias and native base name, sorted.
func knownTypeNames() []string {
	var out []string
	for _, k := range Kinds {
		out = append(out, string(k))
	}
	for a := range aliases {
		out = append(out, a)
	}
	nativeTypes.RLock()
	for n := range nativeTypes.names {
		out = append(out, n)
	}
	nativeTypes.RUnlock()
	sort.Strings(out)
	return out
}

func suggestType(base string) string {
	return ClosestMatch(base, knownTypeNames())
}
