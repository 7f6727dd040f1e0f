package dialecttest_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/retortdb/retort/internal/dialecttest"
	"github.com/retortdb/retort/metadata"
)

func TestLooseSQL(t *testing.T) {
	tests := []struct{ a, b string }{
		{"price >= 0", "(price >= (0)::numeric)"},
		{"lower(email)", "lower((email)::text)"},
		{"status = 'pending'", "(status = 'pending'::order_status)"},
		{`"quo""te2" >= 0`, `("quo""te2" >= 0)`},
		{"a > 0 AND b > 0", "((a > 0) AND (b > 0))"},
		{"x::timestamp with time zone", "x"},
		{"amount::numeric(10,2) > 1", "amount > 1"},
	}
	for _, tc := range tests {
		assert.Equal(t, dialecttest.LooseSQL(tc.a), dialecttest.LooseSQL(tc.b), "%q vs %q", tc.a, tc.b)
	}
	assert.NotEqual(t, dialecttest.LooseSQL("a > 0"), dialecttest.LooseSQL("a < 0"))
}

func TestFlatten(t *testing.T) {
	m := metadata.New()
	m.Enums = append(m.Enums, &metadata.Enum{Schema: "billing", Name: "currency", Values: []string{"EUR"}})
	inv := &metadata.Table{Schema: "billing", Name: "invoices", Columns: []*metadata.Column{{Name: "c", Type: metadata.EnumType("billing.currency")}}}
	m.AddTable(inv)
	o := metadata.NewTable("order", metadata.NewColumn("invoice_id", metadata.BigIntType))
	o.ForeignKeys = []*metadata.ForeignKey{{Columns: []string{"invoice_id"}, RefSchema: "billing", RefTable: "invoices", RefColumns: []string{"id"}}}
	m.AddTable(o)

	f := dialecttest.Flatten(m)
	assert.Equal(t, "", f.Enums[0].Schema)
	assert.Equal(t, "", f.Tables[0].Schema)
	assert.Equal(t, "currency", f.Tables[0].Columns[0].Type.EnumName)
	assert.Equal(t, "", f.Tables[1].ForeignKeys[0].RefSchema)
	assert.Equal(t, "billing", m.Tables[0].Schema, "the model itself is not changed")
}
