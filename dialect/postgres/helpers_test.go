package postgres_test

import (
	"testing"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

func createTable(t *metadata.Table) ops.Op { return &ops.CreateTable{Table: t} }

func dropValue(enum, v string) ops.Op { return &ops.AlterEnumDropValue{EnumName: enum, Value: v} }

func addValue(enum, v, before string) ops.Op {
	return &ops.AlterEnumAddValue{EnumName: enum, Value: v, Before: before}
}

// planSQL plans one op against m and returns the statements' text.
func planSQL(t *testing.T, d dialect.Dialect, m *metadata.MetaData, o ops.Op) []string {
	t.Helper()
	stmts, err := d.Plan(m, []ops.Op{o})
	if err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(stmts))
	for i, s := range stmts {
		out[i] = s.SQL
	}
	return out
}
