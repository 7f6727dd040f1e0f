package schemagen

import "github.com/retortdb/retort/metadata"

// kindSpec says how often a kind of column appears and what it is called.
type kindSpec struct {
	kind   metadata.Kind
	weight int
	names  []string
}

// baseKinds are the portable kinds: every database holds them and reflects
// them back as the same canonical type.
var baseKinds = []kindSpec{
	{metadata.Integer, 12, []string{"quantity", "stock", "priority", "attempts", "views", "likes", "seats", "capacity", "duration_min", "age", "page_count", "retries", "score", "version_no", "head_count", "max_guests"}},
	{metadata.BigInt, 5, []string{"byte_size", "file_size", "total_views", "sequence_no", "population", "ref_no"}},
	{metadata.SmallInt, 3, []string{"stars", "floor_no", "grade_level", "day_of_week", "month_no", "sort_key"}},
	{metadata.Boolean, 8, []string{"is_active", "is_deleted", "is_verified", "enabled", "archived", "is_public", "published", "paid", "is_default", "featured", "confirmed"}},
	{metadata.Varchar, 18, []string{"name", "title", "email", "slug", "username", "first_name", "last_name", "phone", "url", "website", "street", "postal_code", "status", "label", "display_name", "company_name", "sku", "isbn", "handle", "color", "brand", "reference"}},
	{metadata.Char, 3, []string{"currency", "country_code", "lang", "grade", "size_code", "region_code", "iso_code"}},
	{metadata.Text, 7, []string{"description", "notes", "body", "bio", "summary", "content", "instructions", "remarks"}},
	{metadata.Numeric, 8, []string{"price", "amount", "balance", "total", "discount_pct", "tax_rate", "weight", "unit_price", "cost", "salary", "fee", "subtotal"}},
	{metadata.Real, 2, []string{"ratio", "accuracy", "score_avg", "elevation"}},
	{metadata.Double, 3, []string{"latitude", "longitude", "temperature", "rating_avg"}},
	{metadata.Date, 5, []string{"birth_date", "due_date", "start_date", "end_date", "hire_date", "issue_date", "release_date", "expiry_date"}},
	{metadata.Time, 2, []string{"opens_at", "closes_at", "start_time", "end_time", "alarm_time"}},
	{metadata.Timestamp, 6, []string{"created_at", "updated_at", "deleted_at", "published_at", "expires_at", "last_login_at"}},
	{metadata.TimestampTZ, 6, []string{"shipped_at", "paid_at", "scheduled_at", "confirmed_at", "cancelled_at", "synced_at"}},
	{metadata.UUID, 4, []string{"external_id", "public_id", "token", "guid", "tracking_id"}},
	{metadata.JSON, 3, []string{"metadata", "settings", "payload", "attributes", "preferences", "extra"}},
	{metadata.Blob, 2, []string{"avatar", "raw_data", "thumbnail", "attachment"}},
	{metadata.VarBinary, 2, []string{"sha256", "checksum", "signature", "fingerprint", "salt"}},
}

// extraKinds come with [Config.AllTypes].
var extraKinds = []kindSpec{
	{metadata.Interval, 3, []string{"duration", "time_spent", "grace_period", "retention"}},
	{metadata.JSONB, 3, []string{"document", "properties", "context", "labels"}},
}

var (
	varcharLengths   = []int{16, 32, 50, 64, 100, 120, 200, 255}
	charLengths      = []int{1, 2, 3, 8, 10}
	varbinaryLengths = []int{16, 32, 64}
	numericSizes     = [][2]int{{10, 2}, {12, 2}, {8, 3}, {18, 4}, {5, 0}, {6, 4}}
	stringDefaults   = []string{"x", "new", "draft", "none", "unknown", "pending", "n/a"}
)

// compositeKeys are the column pairs of two-column primary keys: short,
// indexable types, as natural keys tend to be.
var compositeKeys = [][2]struct {
	name string
	typ  metadata.Type
}{
	{{"code", metadata.VarcharType(32)}, {"version_no", metadata.IntegerType}},
	{{"region_code", metadata.CharType(2)}, {"seq_no", metadata.IntegerType}},
	{{"day", metadata.DateType}, {"slot_no", metadata.SmallIntType}},
	{{"external_id", metadata.UUIDType}, {"revision_no", metadata.IntegerType}},
	{{"account_no", metadata.BigIntType}, {"line_no", metadata.IntegerType}},
}

// sized gives a kind its parameters.
func (g *gen) sized(k metadata.Kind) metadata.Type {
	switch k {
	case metadata.Varchar:
		return metadata.VarcharType(pick(g, varcharLengths))
	case metadata.Char:
		return metadata.CharType(pick(g, charLengths))
	case metadata.VarBinary:
		return metadata.VarBinaryType(pick(g, varbinaryLengths))
	case metadata.Numeric:
		ps := pick(g, numericSizes)
		return metadata.NumericType(ps[0], ps[1])
	}
	return metadata.Type{Kind: k}
}

// portableDefault returns a server default that means the same on every
// database, or "" for none. Text, blob and json columns get none (MySQL
// refuses them), nor do types whose literals differ between databases.
func (g *gen) portableDefault(t metadata.Type) string {
	switch t.Kind {
	case metadata.SmallInt, metadata.Integer, metadata.BigInt:
		return pick(g, []string{"0", "1"})
	case metadata.Numeric, metadata.Real, metadata.Double:
		return "0"
	case metadata.Boolean:
		return pick(g, []string{"true", "false"})
	case metadata.Varchar, metadata.Char:
		var fit []string
		for _, s := range stringDefaults {
			if len(s) <= t.Length {
				fit = append(fit, s)
			}
		}
		return "'" + pick(g, fit) + "'"
	case metadata.EnumKind:
		if e := g.m.Enum("", t.EnumName); e != nil {
			return quoteLiteral(e.Values[0])
		}
	}
	return ""
}

// quoteLiteral renders s as an SQL string literal, doubling quotes (the
// one escape every database reads the same).
func quoteLiteral(s string) string {
	out := []byte{'\''}
	for i := range len(s) {
		if s[i] == '\'' {
			out = append(out, '\'')
		}
		out = append(out, s[i])
	}
	return string(append(out, '\''))
}

// keyBytes estimates the bytes a column takes in an index key on MySQL with
// utf8mb4 (4 bytes a character), and reports whether it may be indexed at
// all: not text, blob, json, interval, and not long strings.
func keyBytes(t metadata.Type) (int, bool) {
	switch t.Kind {
	case metadata.SmallInt:
		return 2, true
	case metadata.Integer:
		return 4, true
	case metadata.BigInt, metadata.Timestamp, metadata.TimestampTZ, metadata.Time, metadata.Date:
		return 8, true
	case metadata.Boolean:
		return 1, true
	case metadata.Numeric:
		return 16, true
	case metadata.Real, metadata.Double:
		return 8, true
	case metadata.UUID:
		return 36 * 4, true // char(36) where there is no uuid type
	case metadata.Varchar, metadata.Char:
		return t.Length*4 + 2, t.Length <= 255
	case metadata.VarBinary:
		return t.Length + 2, t.Length <= 255
	case metadata.EnumKind:
		return 256, true
	}
	return 0, false
}

// maxKeyBytes is InnoDB's index key limit (DYNAMIC rows, the default).
const maxKeyBytes = 3072

// rowBytes estimates a column's share of MySQL's 65,535-byte row limit.
func rowBytes(t metadata.Type) int {
	if n, ok := keyBytes(t); ok {
		return n
	}
	return 12 // a pointer to off-row storage
}

// maxRowBytes keeps tables well inside MySQL's row size limit.
const maxRowBytes = 60000

func pick[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }
