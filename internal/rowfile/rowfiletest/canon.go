package rowfiletest

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/retortdb/retort/metadata"
)

// Canon renders v, a value of a column of kind k as loaded or as a driver
// scanned it into any, in one canonical text: the same for equal values
// whatever the database's representation (1 or true, "12.500000" or 12.5,
// a time in any zone, JSON with keys in any order). NULL is "NULL".
func Canon(k metadata.Kind, v any) string {
	if v == nil {
		return "NULL"
	}
	if b, ok := v.([]byte); ok && k != metadata.Blob && k != metadata.VarBinary {
		v = string(b)
	}
	s, isString := v.(string)
	switch k {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt:
		return fmt.Sprint(v)
	case metadata.Boolean:
		switch x := v.(type) {
		case bool:
			return strconv.FormatBool(x)
		case int64:
			return strconv.FormatBool(x != 0)
		}
		return strconv.FormatBool(s == "1" || s == "true" || s == "t")
	case metadata.Numeric:
		r, ok := new(big.Rat).SetString(strings.TrimSpace(fmt.Sprint(v)))
		if !ok {
			return "bad numeric " + fmt.Sprint(v)
		}
		return r.RatString()
	case metadata.Real, metadata.Double:
		f, err := strconv.ParseFloat(fmt.Sprint(v), 64)
		if err != nil {
			return "bad float " + fmt.Sprint(v)
		}
		if k == metadata.Real {
			return strconv.FormatFloat(float64(float32(f)), 'g', -1, 32)
		}
		return strconv.FormatFloat(f, 'g', -1, 64)
	case metadata.Date:
		if t, ok := v.(time.Time); ok {
			return t.Format(time.DateOnly)
		}
		return s[:min(10, len(s))]
	case metadata.Time:
		t, err := time.Parse("15:04:05.999999999", s)
		if tt, ok := v.(time.Time); ok {
			t, err = tt, nil
		}
		if err != nil {
			return "bad time " + fmt.Sprint(v)
		}
		return t.Format("15:04:05.000000")
	case metadata.Timestamp, metadata.TimestampTZ:
		t, ok := v.(time.Time)
		if isString {
			t, ok = parseTime(s)
		}
		if !ok {
			return "bad timestamp " + fmt.Sprint(v)
		}
		if k == metadata.TimestampTZ {
			return t.UTC().Format(time.RFC3339Nano)
		}
		return t.Format("2006-01-02 15:04:05.999999999")
	case metadata.JSON, metadata.JSONB:
		var x any
		if err := json.Unmarshal([]byte(s), &x); err != nil {
			return "bad json " + s
		}
		b, _ := json.Marshal(x)
		return string(b)
	case metadata.Blob, metadata.VarBinary:
		if b, ok := v.([]byte); ok {
			return hex.EncodeToString(b)
		}
		return hex.EncodeToString([]byte(s))
	case metadata.Char:
		return strings.TrimRight(s, " ")
	case metadata.UUID:
		return strings.ToLower(fmt.Sprint(v))
	}
	return fmt.Sprint(v)
}

var layouts = []string{
	time.RFC3339Nano,
	"2006-01-02 15:04:05.999999999Z07:00",
	"2006-01-02 15:04:05.999999999-07:00",
	"2006-01-02 15:04:05.999999999",
	"2006-01-02T15:04:05.999999999",
}

func parseTime(s string) (time.Time, bool) {
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
