package metadata

import (
	"fmt"
	"strconv"
	"strings"
)

// Kind is a type of the canonical vocabulary, or [Native] for a verbatim
// database type.
type Kind string

// The canonical vocabulary of docs/design.md.
const (
	SmallInt    Kind = "smallint"
	Integer     Kind = "integer"
	BigInt      Kind = "bigint"
	Boolean     Kind = "boolean"
	Varchar     Kind = "varchar"   // Length
	Char        Kind = "char"      // Length
	Text        Kind = "text"      //
	Numeric     Kind = "numeric"   // Precision, Scale (both 0: unconstrained)
	Real        Kind = "real"      // 4-byte float
	Double      Kind = "double"    // 8-byte float
	Date        Kind = "date"      //
	Time        Kind = "time"      //
	Timestamp   Kind = "timestamp" // without time zone
	TimestampTZ Kind = "timestamptz"
	Interval    Kind = "interval"
	UUID        Kind = "uuid"
	JSON        Kind = "json"
	JSONB       Kind = "jsonb"
	Blob        Kind = "blob"
	VarBinary   Kind = "varbinary" // Length
	EnumKind    Kind = "enum"      // EnumName
	// Native is a database's own type, passed to it verbatim (Type.Native).
	Native Kind = "native"
)

// Kinds lists the canonical kinds in the order of docs/design.md.
var Kinds = []Kind{SmallInt, Integer, BigInt, Boolean, Varchar, Char, Text, Numeric,
	Real, Double, Date, Time, Timestamp, TimestampTZ, Interval, UUID, JSON, JSONB,
	Blob, VarBinary, EnumKind}

// Type is a column type: a canonical kind with its parameters, or a native
// type, optionally with a different type per dialect.
type Type struct {
	Kind      Kind
	Length    int    // varchar, char, varbinary
	Precision int    // numeric
	Scale     int    // numeric
	EnumName  string // enum
	Native    string // the verbatim text when Kind is Native
	// Variants picks a verbatim type per dialect name ("mysql": "mediumtext");
	// a dialect not listed uses the type itself.
	Variants map[string]string
}

// Helpers for building types in code.
var (
	SmallIntType    = Type{Kind: SmallInt}
	IntegerType     = Type{Kind: Integer}
	BigIntType      = Type{Kind: BigInt}
	BooleanType     = Type{Kind: Boolean}
	TextType        = Type{Kind: Text}
	RealType        = Type{Kind: Real}
	DoubleType      = Type{Kind: Double}
	DateType        = Type{Kind: Date}
	TimeType        = Type{Kind: Time}
	TimestampType   = Type{Kind: Timestamp}
	TimestampTZType = Type{Kind: TimestampTZ}
	IntervalType    = Type{Kind: Interval}
	UUIDType        = Type{Kind: UUID}
	JSONType        = Type{Kind: JSON}
	JSONBType       = Type{Kind: JSONB}
	BlobType        = Type{Kind: Blob}
)

// VarcharType returns varchar(n).
func VarcharType(n int) Type { return Type{Kind: Varchar, Length: n} }

// CharType returns char(n).
func CharType(n int) Type { return Type{Kind: Char, Length: n} }

// VarBinaryType returns varbinary(n).
func VarBinaryType(n int) Type { return Type{Kind: VarBinary, Length: n} }

// NumericType returns numeric(p,s); numeric(0,0) is unconstrained.
func NumericType(p, s int) Type { return Type{Kind: Numeric, Precision: p, Scale: s} }

// EnumType returns enum(name), a column of a declared enum.
func EnumType(name string) Type { return Type{Kind: EnumKind, EnumName: name} }

// NativeType returns a verbatim database type, unchecked.
func NativeType(text string) Type { return Type{Kind: Native, Native: text} }

// Clone returns a deep copy of t.
func (t Type) Clone() Type {
	t.Variants = cloneMap(t.Variants)
	return t
}

// String renders the type in schema.yaml's canonical spelling, without variants.
func (t Type) String() string {
	switch t.Kind {
	case Varchar, Char, VarBinary:
		return fmt.Sprintf("%s(%d)", t.Kind, t.Length)
	case Numeric:
		switch {
		case t.Precision == 0:
			return "numeric"
		case t.Scale == 0:
			return fmt.Sprintf("numeric(%d)", t.Precision)
		}
		return fmt.Sprintf("numeric(%d,%d)", t.Precision, t.Scale)
	case EnumKind:
		return "enum(" + t.EnumName + ")"
	case Native:
		return t.Native
	}
	return string(t.Kind)
}

// Equal reports whether two types are the same, variants included.
func (t Type) Equal(u Type) bool {
	if t.Kind != u.Kind || t.Length != u.Length || t.Precision != u.Precision ||
		t.Scale != u.Scale || t.EnumName != u.EnumName || t.Native != u.Native ||
		len(t.Variants) != len(u.Variants) {
		return false
	}
	for k, v := range t.Variants {
		if w, ok := u.Variants[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// For returns the type a dialect should use: the dialect's variant when there
// is one (as a native type), else t itself.
func (t Type) For(dialect string) Type {
	if v, ok := t.Variants[dialect]; ok {
		return NativeType(v)
	}
	return Type{Kind: t.Kind, Length: t.Length, Precision: t.Precision, Scale: t.Scale,
		EnumName: t.EnumName, Native: t.Native}
}

// TypeError says why a type's text was refused.
type TypeError struct {
	Text       string
	Problem    string
	Suggestion string // a close known type, or empty
}

func (e *TypeError) Error() string {
	msg := fmt.Sprintf("type %q: %s", e.Text, e.Problem)
	if e.Suggestion != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", e.Suggestion)
	}
	return msg
}

// aliases map standard SQL spellings onto the canonical vocabulary, so that
// "int" or "character varying(20)" in schema.yaml mean what a reader expects.
var aliases = map[string]Kind{
	"int": Integer, "int4": Integer, "int2": SmallInt, "int8": BigInt,
	"bool": Boolean, "float4": Real, "float8": Double, "double precision": Double,
	"character varying": Varchar, "character": Char, "decimal": Numeric,
	"timestamp without time zone": Timestamp, "timestamp with time zone": TimestampTZ,
	"time without time zone": Time,
}

// ParseType reads a type as written in schema.yaml: a canonical name with its
// parameters ("varchar(320)", "numeric(10,2)", "enum(mood)"), a standard
// alias ("int", "character varying(20)"), or a native type some dialect
// knows ("inet", "int[]", "tinyint unsigned"). Anything else is a
// [*TypeError] with a suggestion.
func ParseType(text string) (Type, error) {
	s := strings.ToLower(strings.Join(strings.Fields(text), " "))
	if s == "" {
		return Type{}, &TypeError{Text: text, Problem: "empty type"}
	}
	base, args, rest, err := splitType(s)
	if err != nil {
		return Type{}, &TypeError{Text: text, Problem: err.Error()}
	}
	kind, canonical := canonicalKind(base)
	if kind == EnumKind && len(args) > 0 && strings.HasPrefix(args[0], "'") {
		return NativeType(strings.TrimSpace(text)), nil // MySQL's inline enum('a','b')
	}
	if canonical && rest == "" {
		return parseCanonical(text, kind, base, args)
	}
	if isKnownNative(base, rest) {
		return NativeType(strings.TrimSpace(text)), nil
	}
	return Type{}, &TypeError{Text: text, Problem: "unknown type; use a type of the vocabulary, a native type of your database, or native: to force one",
		Suggestion: suggestType(base)}
}

// MustParseType is ParseType for types known to be valid; it panics otherwise.
func MustParseType(text string) Type {
	t, err := ParseType(text)
	if err != nil {
		panic(err)
	}
	return t
}

func canonicalKind(base string) (Kind, bool) {
	if k, ok := aliases[base]; ok {
		return k, true
	}
	for _, k := range Kinds {
		if string(k) == base {
			return k, true
		}
	}
	return "", false
}

// splitType splits "numeric(10, 2) unsigned" into base "numeric", args
// ["10" "2"] and the rest "unsigned"; a trailing [] is part of rest.
func splitType(s string) (base string, args []string, rest string, err error) {
	open := strings.IndexByte(s, '(')
	if open < 0 {
		if i := strings.Index(s, "["); i >= 0 {
			return strings.TrimSpace(s[:i]), nil, s[i:], nil
		}
		return splitModifier(s)
	}
	end := strings.IndexByte(s[open:], ')')
	if end < 0 {
		return "", nil, "", fmt.Errorf("missing closing parenthesis")
	}
	end += open
	base = strings.TrimSpace(s[:open])
	for _, a := range strings.Split(s[open+1:end], ",") {
		args = append(args, strings.TrimSpace(a))
	}
	return base, args, strings.TrimSpace(s[end+1:]), nil
}

func parseCanonical(text string, kind Kind, base string, args []string) (Type, error) {
	bad := func(problem string) (Type, error) {
		return Type{}, &TypeError{Text: text, Problem: problem}
	}
	t := Type{Kind: kind}
	switch kind {
	case Varchar, Char, VarBinary:
		if len(args) != 1 {
			return bad(fmt.Sprintf("%s needs one length, as in %s(255); use text (or blob) when there is no limit", kind, kind))
		}
		n, err := strconv.Atoi(args[0])
		if err != nil || n <= 0 {
			return bad(fmt.Sprintf("length %q must be a positive whole number", args[0]))
		}
		t.Length = n
	case Numeric:
		if len(args) > 2 {
			return bad("numeric takes at most precision and scale, as in numeric(10,2)")
		}
		for i, a := range args {
			n, err := strconv.Atoi(a)
			if err != nil || n < 0 || (i == 0 && n == 0) {
				return bad(fmt.Sprintf("numeric argument %q must be a whole number (precision > 0)", a))
			}
			if i == 0 {
				t.Precision = n
			} else {
				t.Scale = n
			}
		}
		if t.Scale > t.Precision {
			return bad("numeric scale cannot exceed its precision")
		}
	case EnumKind:
		if len(args) != 1 || args[0] == "" {
			return bad("enum needs the name of a declared enum, as in enum(mood)")
		}
		// Keep the enum name's case as written.
		open := strings.IndexByte(text, '(')
		t.EnumName = strings.TrimSpace(text[open+1 : strings.LastIndexByte(text, ')')])
	default:
		if args != nil {
			return bad(fmt.Sprintf("%s takes no arguments", base))
		}
	}
	return t, nil
}

// splitModifier splits MySQL's trailing number modifiers off a type
// without parameters: "bigint unsigned" is base "bigint", rest "unsigned".
func splitModifier(s string) (base string, args []string, rest string, err error) {
	for _, mod := range []string{" unsigned zerofill", " unsigned", " signed", " zerofill"} {
		if b, ok := strings.CutSuffix(s, mod); ok && b != "" {
			return b, nil, strings.TrimSpace(mod), nil
		}
	}
	return s, nil, "", nil
}
