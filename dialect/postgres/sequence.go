package postgres

import (
	"math"
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/metadata"
)

// sequenceRange is the range of values of a sequence type.
func sequenceRange(typ string) (lo, hi int64) {
	switch typ {
	case "smallint":
		return math.MinInt16, math.MaxInt16
	case "integer":
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// sequenceType is the type of s: its own, or the owning column's (the
// type PostgreSQL gives a serial column's sequence), or bigint.
func sequenceType(s *metadata.Sequence, c *metadata.Column) string {
	if s != nil && s.Type != "" {
		return s.Type
	}
	if c != nil {
		switch typeOf(c.Type).Kind {
		case metadata.SmallInt:
			return "smallint"
		case metadata.Integer:
			return "integer"
		}
	}
	return "bigint"
}

// serialSequenceName is the name PostgreSQL gives the sequence of a
// serial column: table_column_seq, each part shortened as makeObjectName
// does to fit in 63 bytes.
func serialSequenceName(table, column string) string {
	avail := 63 - len("_seq") - 1
	t, c := len(table), len(column)
	for t+c > avail {
		if t > c {
			t--
		} else {
			c--
		}
	}
	return truncate(table, t) + "_" + truncate(column, c) + "_seq"
}

// CompactSequence returns s with every option that is PostgreSQL's default
// left unset, and, for the sequence of serial column c of table (c nil for
// a sequence of the schema), the name and type left empty where they are
// the ones PostgreSQL would give; nil when nothing is left of an owned
// sequence. Inspect and Normalize both give sequences this form, so that a
// sequence written with its defaults spelled out compares equal to one
// written without.
func CompactSequence(s *metadata.Sequence, table string, c *metadata.Column) *metadata.Sequence {
	if s == nil {
		return nil
	}
	s = s.Clone()
	typ := sequenceType(s, c)
	if c != nil && typ == sequenceType(nil, c) || c == nil && typ == "bigint" {
		s.Type = ""
	} else {
		s.Type = typ
	}
	if s.Increment == 1 {
		s.Increment = 0
	}
	if s.Cache == 1 {
		s.Cache = 0
	}
	lo, hi := sequenceRange(typ)
	asc := s.Increment >= 0
	defMin, defMax := int64(1), hi
	if !asc {
		defMin, defMax = lo, -1
	}
	if s.MinValue != nil && *s.MinValue == defMin {
		s.MinValue = nil
	}
	if s.MaxValue != nil && *s.MaxValue == defMax {
		s.MaxValue = nil
	}
	defStart := defMin
	if s.MinValue != nil {
		defStart = *s.MinValue
	}
	if !asc {
		defStart = defMax
		if s.MaxValue != nil {
			defStart = *s.MaxValue
		}
	}
	if s.Start != nil && *s.Start == defStart {
		s.Start = nil
	}
	if c != nil {
		if s.Name == serialSequenceName(table, c.Name) {
			s.Name = ""
		}
		if *s == (metadata.Sequence{}) {
			return nil
		}
	}
	return s
}

// nextvalArgRE finds the literal given to nextval, whatever casts follow it
// (nextval('s'::regclass), nextval(('s'::text)::regclass)).
var nextvalArgRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)nextval\(\(?'((?:[^']|'')+)'`)
})

// DefaultSequence implements [dialect.SequenceReader]: the sequence of a
// nextval default, its literal read as a regclass is (schema.name, either
// part double-quoted).
func (Postgres) DefaultSequence(def string) (schema, name string, ok bool) {
	m := nextvalArgRE().FindStringSubmatch(def)
	if m == nil {
		return "", "", false
	}
	name = strings.ReplaceAll(m[1], "''", "'")
	if s, n, ok := strings.Cut(name, "."); ok && !strings.Contains(name, `"`) {
		schema, name = s, n
	}
	return schema, strings.Trim(name, `"`), true
}
