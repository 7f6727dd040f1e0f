package schemagen

import (
	"fmt"
	"hash/fnv"
	"regexp"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// nouns name tables, alone or in pairs (customer, customer_invoice). None is
// a keyword of PostgreSQL, MySQL/MariaDB or SQLite.
var nouns = []string{
	"account", "address", "album", "artist", "author", "badge", "book", "booking",
	"branch", "budget", "campaign", "carrier", "category", "channel", "city", "client",
	"contract", "country", "coupon", "course", "customer", "department", "device", "discount",
	"document", "driver", "employee", "enrollment", "episode", "feedback", "flight", "genre",
	"guest", "invoice", "item", "journal", "ledger", "lesson", "license", "listing",
	"location", "manager", "meeting", "message", "note", "orders", "payment", "permit",
	"photo", "playlist", "podcast", "post", "product", "project", "purchase", "receipt",
	"region", "rental", "report", "review", "route", "sale", "seller", "shipment",
	"speaker", "sponsor", "staff", "store", "student", "subscriber", "supplier", "survey",
	"task", "teacher", "team", "tenant", "ticket", "track", "trip", "vehicle",
	"vendor", "venue", "voucher", "warehouse", "wishlist", "workshop",
}

// reservedWords are keywords of at least one of the databases that a
// careless generator would pick as names. Plain names never use them;
// [Config.AwkwardNames] uses them on purpose.
var reservedWords = []string{
	"order", "user", "group", "select", "table", "key", "index", "check", "default",
	"from", "where", "values", "desc", "limit", "primary", "references", "column",
	"constraint", "rank", "rows", "interval", "match", "lock", "read", "range",
	"release", "to", "offset", "window", "analyze", "do", "only", "end", "grant",
	"having", "in", "into", "is", "join", "like", "not", "null", "or", "union",
	"unique", "using", "when", "with", "current_user", "groups", "member", "system",
	"empty", "array", "lateral", "of", "cube", "function", "row", "over", "lead",
	"lag", "transaction", "vacuum", "pragma", "replace", "glob", "regexp", "indexed",
	"authorization", "binary", "both", "case", "cast", "collate", "create", "cross",
	"distinct", "drop", "else", "except", "exists", "false", "for", "foreign", "full",
	"inner", "intersect", "left", "natural", "on", "outer", "right", "then", "true",
	"leading", "trailing", "returning", "delete", "insert", "update", "set", "as", "by",
	"all", "and", "any", "asc", "between", "div", "mod", "sql", "usage", "load", "condition",
}

// awkwardTables and awkwardColumns are the names [Config.AwkwardNames] mixes
// in, besides the reserved words: MixedCase, spaces, non-ASCII letters (all
// in Unicode's BMP, since MySQL identifiers are utf8mb3).
var (
	awkwardTables = []string{
		"Order Line", "CustomerAccount", "café", "заказ", "año", "名前表", "line item",
		"InvoiceLine", "größe_tabelle", "Zoë's Shop",
	}
	awkwardColumns = []string{
		"CustomerID", "OrderDate", "UnitPrice", "ZipCode", "LastName", "IsActive",
		"first name", "unit price", "zip code", "prénom", "größe", "名前", "заметка",
		"naïve", "año_fiscal", "Mixed Case Column",
	}
)

// plainName matches names that need no quoting on any of the databases.
var plainName = regexp.MustCompile(`^[a-z_][a-z0-9_]*$`)

var reserved = func() map[string]bool {
	m := make(map[string]bool, len(reservedWords))
	for _, w := range reservedWords {
		m[w] = true
	}
	return m
}()

// isPlain reports whether name can go into SQL text unquoted on every
// database, as check expressions need.
func isPlain(name string) bool { return plainName.MatchString(name) && !reserved[name] }

// nameSet holds names taken in one namespace. Names are compared folded,
// as MySQL does (case- and accent-insensitively), so that what is distinct
// here is distinct on every database.
type nameSet map[string]bool

// fold is the comparison key of a name: lower case, common accents dropped.
func fold(name string) string {
	for i := range len(name) {
		if name[i] >= 0x80 {
			return accentFolder.Replace(strings.ToLower(name))
		}
	}
	return strings.ToLower(name) // no allocation when already lower case
}

var accentFolder = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i",
	"ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o",
	"ù", "u", "ú", "u", "û", "u", "ü", "u",
	"ñ", "n", "ç", "c", "ß", "ss",
)

// has reports whether name is taken.
func (s nameSet) has(name string) bool { return s[fold(name)] }

// claim takes name if it is free and reports whether it was.
func (s nameSet) claim(name string) bool {
	k := fold(name)
	if s[k] {
		return false
	}
	s[k] = true
	return true
}

// claimSuffixed takes base, or the first free of base_2, base_3, ...,
// shortened to fit [metadata.MaxNameLength], and returns the name taken.
func (s nameSet) claimSuffixed(base string) string {
	if name := truncate(base, ""); s.claim(name) {
		return name
	}
	for i := 2; ; i++ {
		if name := truncate(base, fmt.Sprintf("_%d", i)); s.claim(name) {
			return name
		}
	}
}

// truncate returns base+suffix, cutting base (at a rune boundary) and adding
// a hash of it when the whole would be longer than [metadata.MaxNameLength].
func truncate(base, suffix string) string {
	if len(base)+len(suffix) <= metadata.MaxNameLength {
		return base + suffix
	}
	h := fnv.New32a()
	h.Write([]byte(base))
	tag := fmt.Sprintf("_%08x", h.Sum32())
	cut := metadata.MaxNameLength - len(tag) - len(suffix)
	for cut > 0 && base[cut]&0xC0 == 0x80 {
		cut--
	}
	return base[:cut] + tag + suffix
}
