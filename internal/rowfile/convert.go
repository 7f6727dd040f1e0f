package rowfile

import (
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/metadata"
)

// Convert turns one textual value into the Go value bound for a column of
// type t: int64 for integers, bool, float64 for real and double, a
// validated decimal string for numeric, time.Time for dates and
// timestamps, []byte for binary, and a string otherwise (JSON kept as its
// text). It is what [Reader] applies to every non-NULL CSV field.
func Convert(t metadata.Type, s string) (any, error) {
	return convert(t, cell{kind: cellText, text: s})
}

func convert(t metadata.Type, c cell) (any, error) {
	if c.kind == cellNull {
		return nil, nil
	}
	if c.kind == cellJSON && t.Kind != metadata.JSON && t.Kind != metadata.JSONB && t.Kind != metadata.Native {
		return nil, fmt.Errorf("a JSON object or array is not a %s", t)
	}
	s := c.text
	switch t.Kind {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt:
		bits := 64
		switch t.Kind {
		case metadata.SmallInt:
			bits = 16
		case metadata.Integer:
			bits = 32
		}
		n, err := strconv.ParseInt(s, 10, bits)
		if err != nil {
			return nil, fmt.Errorf("%q is not a %s: %w", s, t, numErr(err))
		}
		return n, nil
	case metadata.Boolean:
		switch s {
		case "true", "TRUE", "True":
			return true, nil
		case "false", "FALSE", "False":
			return false, nil
		}
		return nil, fmt.Errorf("%q is not a boolean (write true or false)", s)
	case metadata.Real, metadata.Double:
		f, err := strconv.ParseFloat(s, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a %s: %w", s, t, numErr(err))
		}
		return f, nil
	case metadata.Numeric:
		if !isDecimal(s) {
			return nil, fmt.Errorf("%q is not a numeric (a decimal such as -12.50 or 1e3)", s)
		}
		return s, nil
	case metadata.Date:
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return nil, fmt.Errorf("%q is not a date (write 2006-01-02)", s)
		}
		return d, nil
	case metadata.Time:
		if _, err := time.Parse("15:04:05.999999999", s); err != nil {
			return nil, fmt.Errorf("%q is not a time of day (write 15:04:05 or 15:04:05.123456)", s)
		}
		return s, nil
	case metadata.TimestampTZ, metadata.Timestamp:
		return parseInstant(t, s)
	case metadata.UUID:
		if !isUUID(s) {
			return nil, fmt.Errorf("%q is not a uuid (write 8-4-4-4-12 hex digits)", s)
		}
		return strings.ToLower(s), nil
	case metadata.JSON, metadata.JSONB:
		if c.kind == cellText && !json.Valid([]byte(s)) {
			// A CSV field or JSON string holding JSON text.
			return nil, fmt.Errorf("%q is not valid JSON", abbrev(s))
		}
		return s, nil
	case metadata.Blob, metadata.VarBinary:
		return parseBinary(s)
	case metadata.Native:
		if isNativeTimestamp(t.Native) {
			return parseInstant(t, s)
		}
	}
	// varchar, char, text, enum, interval and native types: the text.
	return s, nil
}

// parseBinary reads \x-prefixed hex or standard base64.
func parseBinary(s string) (any, error) {
	if rest, ok := strings.CutPrefix(s, `\x`); ok {
		b, err := hex.DecodeString(rest)
		if err != nil {
			return nil, fmt.Errorf("%q is not \\x hex: %v", abbrev(s), err)
		}
		return b, nil
	}
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%q is neither base64 nor \\x hex", abbrev(s))
	}
	return b, nil
}

func numErr(err error) error {
	var ne *strconv.NumError
	if errors.As(err, &ne) {
		return ne.Err
	}
	return err
}

// isDecimal reports whether s is [+-]digits[.digits][e[+-]digits] with at
// least one digit in the mantissa.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	digits := 0
	for ; i < len(s) && isDigit(s[i]); i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && isDigit(s[i]); i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		start := i
		for ; i < len(s) && isDigit(s[i]); i++ {
		}
		if i == start {
			return false
		}
	}
	return i == len(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isDigit(c) && (c|0x20 < 'a' || c|0x20 > 'f') {
				return false
			}
		}
	}
	return true
}

// abbrev shortens a long value quoted in an error message.
func abbrev(s string) string {
	if len(s) <= 60 {
		return s
	}
	return s[:57] + "..."
}
