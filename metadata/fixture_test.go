package metadata

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden files (fixture.yaml, fixture.json, fuzz seeds)")

const (
	fixturePath     = "../testdata/schemas/fixture.yaml"
	fixtureJSONPath = "testdata/fixture.json"
)

// fixture is testdata/schemas/fixture.yaml built with the Go API: a small
// shop that uses every type of the vocabulary, every kind of key and index,
// and names that need quoting (reserved words, MixedCase, a space, a
// quote, non-ASCII letters).
func fixture(t *testing.T) *MetaData {
	m := New()
	m.AddEnum("order_status", "pending", "paid", "shipped", "cancelled")
	m.Enums = append(m.Enums, &Enum{Schema: "billing", Name: "currency", Values: []string{"EUR", "USD", "GBP", "CHF"}})

	group := m.AddTable(NewTable("group",
		&Column{Name: "id", Type: SmallIntType, AutoIncrement: true},
		&Column{Name: "name", Type: VarcharType(80)},
		&Column{Name: "select", Type: BooleanType, Default: "false", Comment: "offered in the sign-up form's group selector"},
	))
	group.Comment = "customer groups, for prices and newsletters"
	group.SetPrimaryKey("id")
	group.AddUnique("name")

	customers := m.AddTable(NewTable("customers",
		&Column{Name: "id", Type: BigIntType, AutoIncrement: true},
		&Column{Name: "email", Type: VarcharType(320)},
		NewColumn("full name", VarcharType(200)),
		NewColumn("group_id", SmallIntType),
		NewColumn("referred_by", BigIntType),
		&Column{Name: "LoyaltyTier", Type: SmallIntType, Default: "0", Comment: "0 = none, 3 = gold"},
		&Column{Name: "is_active", Type: BooleanType, Default: "true"},
		&Column{Name: "created_at", Type: TimestampTZType, Default: "CURRENT_TIMESTAMP"},
	))
	customers.SetPrimaryKey("id")
	customers.AddForeignKey([]string{"group_id"}, "group", []string{"id"})
	customers.AddForeignKey([]string{"referred_by"}, "customers", []string{"id"}).OnDelete = SetNull
	customers.AddUnique("email")
	customers.AddIndex("created_at")
	customers.Indexes = append(customers.Indexes, &Index{Name: "ix_customers_email_lower", Expressions: []string{"lower(email)"}})

	user := m.AddTable(NewTable("user",
		&Column{Name: "id", Type: UUIDType, Default: "gen_random_uuid()"},
		&Column{Name: "login", Type: VarcharType(64)},
		&Column{Name: "password_hash", Type: VarBinaryType(64)},
		NewColumn("customer_id", BigIntType),
		NewColumn("preferences", JSONType),
		NewColumn("last_login", TimestampType),
		&Column{Name: "last_ip", Type: Type{Kind: Native, Native: "inet", Variants: map[string]string{"mysql": "varchar(45)"}}, Nullable: true},
		NewColumn("shift_start", TimeType),
		NewColumn("session_timeout", IntervalType),
	))
	user.Comment = "staff accounts for the back office"
	user.SetPrimaryKey("id")
	user.ForeignKeys = append(user.ForeignKeys, &ForeignKey{Name: "user_customer_fk", Columns: []string{"customer_id"},
		RefTable: "customers", RefColumns: []string{"id"}, OnDelete: Cascade})
	user.Indexes = append(user.Indexes, &Index{Name: "ux_user_login_lower", Expressions: []string{"lower(login)"}, Unique: true})

	products := m.AddTable(NewTable("products",
		&Column{Name: "sku", Type: CharType(12)},
		&Column{Name: "name", Type: VarcharType(200)},
		NewColumn("description", Type{Kind: Text, Variants: map[string]string{"mysql": "mediumtext"}}),
		&Column{Name: "price", Type: NumericType(10, 2)},
		NewColumn("weight_kg", RealType),
		NewColumn("popularity", DoubleType),
		NewColumn("café_origin", VarcharType(60)),
		NewColumn("attributes", JSONBType),
		&Column{Name: "search_config", Type: Type{Kind: Native, Native: "regconfig", Variants: map[string]string{"mysql": "varchar(64)"}}, Nullable: true},
		NewColumn("launched_on", DateType),
		NewColumn("image", BlobType),
	))
	products.SetPrimaryKey("sku")
	products.AddCheck("price_not_negative", "price >= 0")
	products.Indexes = append(products.Indexes,
		&Index{Name: "ix_products_attributes", Columns: []string{"attributes"}, Using: "gin"},
		&Index{Name: "ix_products_name_lower", Expressions: []string{"lower(name)"}},
	)

	invoices := m.AddTable(NewTable("invoices",
		&Column{Name: "id", Type: BigIntType, AutoIncrement: true},
		&Column{Name: "number", Type: VarcharType(20)},
		&Column{Name: "currency", Type: EnumType("billing.currency"), Default: "'EUR'"},
		&Column{Name: "amount", Type: NumericType(12, 2)},
		&Column{Name: "issued_on", Type: DateType, Default: "CURRENT_DATE"},
		NewColumn("pdf", BlobType),
	))
	invoices.Schema = "billing"
	invoices.SetPrimaryKey("id")
	invoices.AddUnique("number")

	order := m.AddTable(NewTable("order",
		&Column{Name: "id", Type: BigIntType, AutoIncrement: true},
		&Column{Name: "customer_id", Type: BigIntType},
		&Column{Name: "status", Type: EnumType("order_status"), Default: "'pending'"},
		&Column{Name: "placed_at", Type: TimestampTZType, Default: "CURRENT_TIMESTAMP"},
		&Column{Name: "total", Type: NumericType(12, 2), Default: "0"},
		NewColumn("invoice_id", BigIntType),
		&Column{Name: "customer's note", Type: TextType, Nullable: true, Comment: `what the customer typed in "Notes"`},
	))
	order.Comment = "one checkout; its lines are in order_lines"
	order.SetPrimaryKey("id")
	order.AddForeignKey([]string{"customer_id"}, "customers", []string{"id"}).OnDelete = Restrict
	invoiceFK := order.AddForeignKey([]string{"invoice_id"}, "invoices", []string{"id"})
	invoiceFK.RefSchema = "billing"
	order.Indexes = append(order.Indexes,
		&Index{Columns: []string{"customer_id", "placed_at"}},
		&Index{Name: "ix_order_pending", Columns: []string{"placed_at"}, Where: "status = 'pending'"},
	)

	lines := m.AddTable(NewTable("order_lines",
		&Column{Name: "order_id", Type: BigIntType},
		&Column{Name: "line_no", Type: IntegerType},
		&Column{Name: "product_sku", Type: CharType(12)},
		&Column{Name: "quantity", Type: IntegerType, Default: "1"},
		&Column{Name: "unit_price", Type: NumericType(10, 2)},
	))
	lines.SetPrimaryKey("order_id", "line_no")
	lines.AddForeignKey([]string{"order_id"}, "order", []string{"id"}).OnDelete = Cascade
	lines.AddForeignKey([]string{"product_sku"}, "products", []string{"sku"}).OnUpdate = Cascade
	lines.AddUnique("order_id", "product_sku")
	lines.AddCheck("", "quantity > 0")

	shipments := m.AddTable(NewTable("shipments",
		&Column{Name: "id", Type: BigIntType, AutoIncrement: true},
		&Column{Name: "order_id", Type: BigIntType},
		&Column{Name: "line_no", Type: IntegerType},
		&Column{Name: "shipped_at", Type: TimestampTZType},
		NewColumn("tracking_code", CharType(22)),
	))
	shipments.SetPrimaryKey("id")
	fk := shipments.AddForeignKey([]string{"order_id", "line_no"}, "order_lines", []string{"order_id", "line_no"})
	fk.OnDelete, fk.OnUpdate, fk.Deferrable, fk.InitiallyDeferred = Cascade, NoAction, true, true
	shipments.AddIndex("tracking_code").Unique = true

	cards := m.AddTable(NewTable("GiftCards",
		&Column{Name: "Code", Type: CharType(16)},
		&Column{Name: "Balance", Type: NumericType(8, 2), Default: "0"},
		NewColumn("ExpiresOn", DateType),
		NewColumn("BoughtBy", BigIntType),
	))
	cards.Comment = "prepaid cards; Code is printed on the card"
	cards.SetPrimaryKey("Code")
	cards.AddForeignKey([]string{"BoughtBy"}, "customers", []string{"id"})
	cards.AddIndex("ExpiresOn")

	require.NoError(t, m.ApplyNamingConvention())
	require.NoError(t, m.Validate())
	return m
}

func TestFixture(t *testing.T) {
	want := fixture(t)
	if *update {
		data, err := Write(want)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(fixturePath, data, 0o644))
		writeSeed(t, "fixture", data)
	}
	data, err := os.ReadFile(fixturePath)
	require.NoError(t, err)

	got, err := Read(fixturePath, data)
	require.NoError(t, err)
	require.Equal(t, want, got, "Read(fixture.yaml) differs from the Go model")

	out, err := Write(want)
	require.NoError(t, err)
	require.Equal(t, string(data), string(out), "Write(Go model) differs from fixture.yaml")

	out, err = Write(got)
	require.NoError(t, err)
	require.Equal(t, string(data), string(out), "fixture.yaml does not survive Read then Write byte for byte")
}

func TestFixtureJSON(t *testing.T) {
	m := fixture(t)
	data, err := WriteJSON(m)
	require.NoError(t, err)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(fixtureJSONPath), 0o755))
		require.NoError(t, os.WriteFile(fixtureJSONPath, data, 0o644))
		writeSeed(t, "fixture_json", data)
	}
	want, err := os.ReadFile(fixtureJSONPath)
	require.NoError(t, err)
	require.Equal(t, string(want), string(data))

	back, err := Read("fixture.json", data)
	require.NoError(t, err)
	require.Equal(t, m, back, "the JSON form does not read back as the same model")
}
