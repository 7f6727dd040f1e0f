package dialect

import (
	"database/sql/driver"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"time"
)

// ErrLiteral is wrapped by every error of a literal renderer: a value that
// has no faithful SQL literal on that database (a NUL in a PostgreSQL
// string, a NaN float, an unsupported Go type).
var ErrLiteral = errors.New("value cannot be written as an SQL literal")

// LiteralFormat is what differs between databases in literal rendering;
// [LiteralFormat.Literal] does the rest, so each dialect's Literal is one
// line. The zero value renders standard SQL: strings in single quotes with
// quotes doubled, TRUE/FALSE, X'..' binary, times as RFC 3339 strings.
type LiteralFormat struct {
	// Dialect names the database in error messages.
	Dialect string
	// True and False spell booleans; default TRUE and FALSE.
	True, False string
	// Bytes renders binary; default X'hex'.
	Bytes func(b []byte) string
	// Time renders a time.Time; default '2006-01-02T15:04:05.999999999Z07:00'.
	Time func(t time.Time) string
	// BackslashEscapes doubles backslashes in strings, for databases where a
	// backslash is an escape character inside quotes (MySQL by default).
	BackslashEscapes bool
	// NUL is how a NUL character is written inside a string literal (MySQL:
	// `\0`); empty means the database cannot hold one and it is an error.
	NUL string
}

// Literal renders v: nil, bool, integers, floats, string, []byte,
// time.Time, json.RawMessage, a driver.Valuer (by its value), a
// fmt.Stringer, or a map or slice (as JSON text).
func (f LiteralFormat) Literal(v any) (string, error) {
	switch x := v.(type) {
	case nil:
		return "NULL", nil
	case bool:
		return f.bool(x), nil
	case string:
		return f.String(x)
	case []byte:
		if f.Bytes != nil {
			return f.Bytes(x), nil
		}
		return "X'" + hex.EncodeToString(x) + "'", nil
	case json.RawMessage:
		return f.String(string(x))
	case time.Time:
		if f.Time != nil {
			return f.Time(x), nil
		}
		return "'" + x.Format(time.RFC3339Nano) + "'", nil
	case int:
		return strconv.FormatInt(int64(x), 10), nil
	case int8:
		return strconv.FormatInt(int64(x), 10), nil
	case int16:
		return strconv.FormatInt(int64(x), 10), nil
	case int32:
		return strconv.FormatInt(int64(x), 10), nil
	case int64:
		return strconv.FormatInt(x, 10), nil
	case uint:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint8:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint16:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint32:
		return strconv.FormatUint(uint64(x), 10), nil
	case uint64:
		return strconv.FormatUint(x, 10), nil
	case float32:
		return f.float(float64(x), 32)
	case float64:
		return f.float(x, 64)
	case driver.Valuer:
		inner, err := x.Value()
		if err != nil {
			return "", fmt.Errorf("%s: %w: %v", f.name(), ErrLiteral, err)
		}
		if _, again := inner.(driver.Valuer); again {
			return "", fmt.Errorf("%s: %w: %T is a Valuer returning a Valuer", f.name(), ErrLiteral, v)
		}
		return f.Literal(inner)
	case fmt.Stringer:
		return f.String(x.String())
	}
	switch reflect.ValueOf(v).Kind() {
	case reflect.Map, reflect.Slice, reflect.Array, reflect.Struct:
		b, err := json.Marshal(v)
		if err != nil {
			return "", fmt.Errorf("%s: %w: %T as JSON: %v", f.name(), ErrLiteral, v, err)
		}
		return f.String(string(b))
	}
	return "", fmt.Errorf("%s: %w: unsupported type %T", f.name(), ErrLiteral, v)
}

// String renders s as a quoted string literal.
func (f LiteralFormat) String(s string) (string, error) {
	if strings.IndexByte(s, 0) >= 0 && f.NUL == "" {
		return "", fmt.Errorf("%s: %w: the string holds a NUL character (\\x00), which %s text cannot store; use a binary column", f.name(), ErrLiteral, f.name())
	}
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('\'')
	for i := 0; i < len(s); i++ {
		switch ch := s[i]; {
		case ch == '\'':
			b.WriteString("''")
		case ch == '\\' && f.BackslashEscapes:
			b.WriteString(`\\`)
		case ch == 0:
			b.WriteString(f.NUL)
		default:
			b.WriteByte(ch)
		}
	}
	b.WriteByte('\'')
	return b.String(), nil
}

func (f LiteralFormat) bool(v bool) string {
	switch {
	case v && f.True != "":
		return f.True
	case !v && f.False != "":
		return f.False
	case v:
		return "TRUE"
	}
	return "FALSE"
}

func (f LiteralFormat) float(v float64, bits int) (string, error) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "", fmt.Errorf("%s: %w: %v has no portable SQL literal", f.name(), ErrLiteral, v)
	}
	return strconv.FormatFloat(v, 'g', -1, bits), nil
}

func (f LiteralFormat) name() string {
	if f.Dialect == "" {
		return "dialect"
	}
	return f.Dialect
}
