package rowfile

import (
	"fmt"
	"strings"
	"time"

	"github.com/retortdb/retort/metadata"
)

// IsTimestamp reports whether a column of type t holds a date and a time
// of day: the canonical timestamp and timestamptz, and the native
// spellings a model may carry instead (MySQL datetime(6) or timestamp(3),
// PostgreSQL timestamp(3) with time zone, timestamptz(6)), whatever they
// came from (an op's declared type, an adopted schema, a variant).
func IsTimestamp(t metadata.Type) bool {
	switch t.Kind {
	case metadata.Timestamp, metadata.TimestampTZ:
		return true
	case metadata.Native:
		return isNativeTimestamp(t.Native)
	}
	return false
}

// isNativeTimestamp reads a native type's text: its base name before any
// parameters, and what follows them.
func isNativeTimestamp(text string) bool {
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	base, rest := s, ""
	if i := strings.IndexByte(s, '('); i >= 0 {
		base = strings.TrimSpace(s[:i])
		if j := strings.IndexByte(s[i:], ')'); j >= 0 {
			rest = strings.TrimSpace(s[i+j+1:])
		}
	} else if b, r, ok := strings.Cut(s, " "); ok {
		base, rest = b, r
	}
	switch base {
	case "datetime", "timestamptz":
		return rest == ""
	case "timestamp":
		return rest == "" || rest == "with time zone" || rest == "without time zone"
	}
	return false
}

// layouts without an offset, tried after RFC 3339.
const localLayout = "2006-01-02T15:04:05.999999999"

// parseInstant reads a timestamp for any timestamp column, as UTC. A
// value that carries an offset (Z, +02:00, -05:30) is an instant and is
// converted to UTC; the offset is never dropped. A value without an
// offset is read as UTC: the zone Retort's sessions use on every
// database, and the zone timestamptz keeps on MySQL (datetime(6)) and
// SQLite (text).
func parseInstant(t metadata.Type, s string) (time.Time, error) {
	if ts, ok := parseInstantFast(s); ok {
		return ts, nil
	}
	v := s
	if len(v) > 10 && (v[10] == ' ' || v[10] == 't') {
		v = v[:10] + "T" + v[11:]
	}
	if ts, err := time.Parse(time.RFC3339Nano, v); err == nil {
		return ts.UTC(), nil
	}
	if ts, err := time.Parse(localLayout, v); err == nil {
		return ts, nil // time.Parse without an offset gives UTC
	}
	return time.Time{}, fmt.Errorf("%q is not a %s (write RFC 3339: 2006-01-02T15:04:05+02:00, ...Z, or without an offset for UTC; a space may replace the T)", s, t)
}
