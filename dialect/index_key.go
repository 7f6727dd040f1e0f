package dialect

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/metadata"
)

// IndexKeyPart renders one key of an index: the quoted column (with its
// prefix length) or the parenthesised expression, then COLLATE, the
// operator class, DESC and NULLS where the key has them. A dialect that
// lacks one of these refuses it before calling (see [CheckIndexKeys]).
func IndexKeyPart(d Dialect, k metadata.IndexKey) string {
	var b strings.Builder
	if k.Column != "" {
		b.WriteString(d.QuoteIdent(k.Column))
		if k.Length > 0 {
			b.WriteString("(" + strconv.Itoa(k.Length) + ")")
		}
	} else {
		b.WriteString("(" + k.Expression + ")")
	}
	if k.Collation != "" {
		b.WriteString(" COLLATE " + d.QuoteIdent(k.Collation))
	}
	if k.OpClass != "" {
		b.WriteString(" " + QuoteQualified(d, k.OpClass))
	}
	if k.Desc {
		b.WriteString(" DESC")
	}
	if k.Nulls != "" {
		b.WriteString(" NULLS " + strings.ToUpper(k.Nulls))
	}
	return b.String()
}

// QuoteQualified quotes a name that may carry a schema (public.gin_trgm_ops).
func QuoteQualified(d Dialect, name string) string {
	parts := strings.Split(name, ".")
	for i, p := range parts {
		parts[i] = d.QuoteIdent(p)
	}
	return strings.Join(parts, ".")
}

// IndexKeyOptions names the options of an index key a dialect may lack,
// for [CheckIndexKeys].
type IndexKeyOptions struct {
	OpClass, Collation, Desc, Nulls, Length bool
}

// CheckIndexKeys refuses the key options of ix that have (false in has),
// naming the index and saying what to do.
func CheckIndexKeys(db string, ix *metadata.Index, has IndexKeyOptions) error {
	for _, k := range ix.KeyList() {
		var what string
		switch {
		case k.OpClass != "" && !has.OpClass:
			what = "an operator class (" + k.OpClass + ")"
		case k.Collation != "" && !has.Collation:
			what = "a key collation"
		case k.Desc && !has.Desc:
			what = "a descending key"
		case k.Nulls != "" && !has.Nulls:
			what = "a NULLS " + strings.ToUpper(k.Nulls) + " key"
		case k.Length > 0 && !has.Length:
			what = "a prefix length"
		default:
			continue
		}
		return fmt.Errorf("index %q: %s has no %s; remove it from the key, or give the index as a dialect variant", ix.Name, db, what)
	}
	return nil
}

var storageParamRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_.]*=[A-Za-z0-9_.+-]+$`)
})

// StorageParams renders an index's WITH (name=value, ...) list; a
// parameter that is not name=value with a plain value is an error, since
// it is pasted into the DDL.
func StorageParams(ix *metadata.Index) (string, error) {
	for _, w := range ix.With {
		if !storageParamRE().MatchString(w) {
			return "", fmt.Errorf("index %q: storage parameter %q is not name=value with a plain value (fillfactor=70)", ix.Name, w)
		}
	}
	return strings.Join(ix.With, ", "), nil
}
