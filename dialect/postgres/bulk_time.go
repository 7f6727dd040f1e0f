package postgres

import (
	"time"

	"github.com/retortdb/retort/metadata"
)

// appendCopyTime appends x as COPY text for a column of kind: what
// AppendFormat gives with time.DateOnly, "2006-01-02 15:04:05.999999999"
// (timestamp) or time.RFC3339Nano (the others), written by hand for a UTC
// time of years 0-9999, the bulk loader's, since AppendFormat's layout
// parsing was a tenth of a bulk load's client time.
func appendCopyTime(b []byte, x time.Time, kind metadata.Kind) []byte {
	year, month, day := x.Date()
	if x.Location() != time.UTC || year < 0 || year > 9999 {
		switch kind {
		case metadata.Date:
			return x.AppendFormat(b, time.DateOnly)
		case metadata.Timestamp:
			return x.AppendFormat(b, "2006-01-02 15:04:05.999999999")
		}
		return x.AppendFormat(b, time.RFC3339Nano)
	}
	b = appendDigits(b, year, 4)
	b = append(b, '-')
	b = appendDigits(b, int(month), 2)
	b = append(b, '-')
	b = appendDigits(b, day, 2)
	if kind == metadata.Date {
		return b
	}
	sep := byte('T')
	if kind == metadata.Timestamp {
		sep = ' '
	}
	hour, minute, sec := x.Clock()
	b = append(b, sep)
	b = appendDigits(b, hour, 2)
	b = append(b, ':')
	b = appendDigits(b, minute, 2)
	b = append(b, ':')
	b = appendDigits(b, sec, 2)
	if ns := x.Nanosecond(); ns != 0 {
		b = append(b, '.')
		digits := 9
		for ns%10 == 0 {
			ns /= 10
			digits--
		}
		b = appendDigits(b, ns, digits)
	}
	if kind != metadata.Timestamp {
		b = append(b, 'Z')
	}
	return b
}

// appendDigits appends v, zero-padded to width digits.
func appendDigits(b []byte, v, width int) []byte {
	var d [9]byte
	for i := width - 1; i >= 0; i-- {
		d[i] = byte('0' + v%10)
		v /= 10
	}
	return append(b, d[:width]...)
}
