package rowfile

import "time"

// parseInstantFast reads the common spellings of a timestamp by hand,
// "2006-01-02 15:04:05[.999999999][Z|+07:00]" (a T or t in place of the
// space), as UTC; ok is false for anything else, which [parseInstant]
// then reads with time.Parse. It gives the instant time.Parse gives: a
// bulk load of 1M rows spent a third of its client time in time.Parse
// (two layouts tried, an error and a string built per value).
func parseInstantFast(s string) (t time.Time, ok bool) {
	if len(s) < 19 || s[4] != '-' || s[7] != '-' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, false
	}
	if c := s[10]; c != ' ' && c != 'T' && c != 't' {
		return time.Time{}, false
	}
	year, ok1 := digits(s[0:4])
	month, ok2 := digits(s[5:7])
	day, ok3 := digits(s[8:10])
	hour, ok4 := digits(s[11:13])
	minute, ok5 := digits(s[14:16])
	sec, ok6 := digits(s[17:19])
	if !(ok1 && ok2 && ok3 && ok4 && ok5 && ok6) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	rest, nsec := s[19:], 0
	if len(rest) > 0 && rest[0] == '.' {
		n := 1
		for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
			n++
		}
		if n == 1 || n > 10 {
			return time.Time{}, false
		}
		frac, _ := digits(rest[1:n])
		for k := n - 1; k < 9; k++ {
			frac *= 10
		}
		nsec, rest = frac, rest[n:]
	}
	offset, ok := parseOffset(rest)
	if !ok {
		return time.Time{}, false
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	if t.Day() != day || int(t.Month()) != month {
		return time.Time{}, false // 30 February: time.Parse says why
	}
	return t.Add(-time.Duration(offset) * time.Second), true
}

// parseOffset reads "" (UTC), "Z" or "+07:00" / "-05:30" as seconds east.
func parseOffset(s string) (int, bool) {
	switch {
	case s == "" || s == "Z":
		return 0, true
	case len(s) != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':':
		return 0, false
	}
	h, ok1 := digits(s[1:3])
	m, ok2 := digits(s[4:6])
	if !ok1 || !ok2 || h > 23 || m > 59 {
		return 0, false
	}
	off := h*3600 + m*60
	if s[0] == '-' {
		off = -off
	}
	return off, true
}

// digits reads a run of decimal digits.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
