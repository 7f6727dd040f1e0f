package ops_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// propertySeeds is how many seeds TestPropertyReverse runs:
// RETORT_PROPERTY_SEEDS, or 200.
func propertySeeds(t *testing.T) int {
	n := 200
	if s := os.Getenv("RETORT_PROPERTY_SEEDS"); s != "" {
		var err error
		n, err = strconv.Atoi(s)
		require.NoError(t, err, "RETORT_PROPERTY_SEEDS")
	}
	if testing.Short() {
		n = min(n, 20)
	}
	return n
}

// TestPropertyReverse applies a random sequence of 1 to 20 valid ops to a
// generated schema, then the reverses of the sequence in reverse order,
// and expects the schema it started from. The sequence also survives the
// codec. A failure names its seed.
func TestPropertyReverse(t *testing.T) {
	for seed := range int64(propertySeeds(t)) {
		t.Run(fmt.Sprint("seed=", seed), func(t *testing.T) {
			t.Parallel()
			start := schemagen.Generate(schemagen.Config{Seed: seed, Tables: 2 + int(seed%5), Enums: true, AwkwardNames: seed%4 == 0})
			g := &opGen{r: rand.New(rand.NewPCG(uint64(seed), 7)), m: start.Clone()}
			list := g.sequence(t, 1+g.r.IntN(20))

			m := g.m
			for i := len(list) - 1; i >= 0; i-- {
				rev, err := list[i].Reverse()
				require.NoError(t, err, "seed %d: op %d (%s)", seed, i+1, list[i].Name())
				require.NoError(t, ops.Apply(m, rev), "seed %d: reverse of op %d", seed, i+1)
				requireConsistent(t, m, "seed %d: after the reverse of op %d", seed, i+1)
			}
			requireSameModel(t, start, m, "seed %d: %s", seed, encodeText(t, list))

			decoded, err := decodeText("property.yaml", encodeText(t, list))
			require.NoError(t, err, "seed %d", seed)
			require.Equal(t, list, decoded, "seed %d", seed)
		})
	}
}

// opGen makes random ops that are valid against m, applying each.
type opGen struct {
	r *rand.Rand
	m *metadata.MetaData
	n int // names made so far
}

func (g *opGen) sequence(t *testing.T, n int) []ops.Op {
	makers := []func() ops.Op{
		g.addColumn, g.dropColumn, g.alterColumn, g.renameColumn, g.createTable, g.dropTable,
		g.renameTable, g.setTableComment, g.createIndex, g.dropIndex, g.createUnique, g.createForeignKey,
		g.createCheck, g.dropConstraint, g.dropPrimaryKey, g.createPrimaryKey, g.createEnum, g.dropEnum,
		g.addEnumValue, g.dropEnumValue,
	}
	var list []ops.Op
	for len(list) < n {
		o := makers[g.r.IntN(len(makers))]()
		if o == nil {
			continue // nothing of the kind to change in this model
		}
		require.NoError(t, ops.Apply(g.m, o), "op %d: %s", len(list)+1, encodeText(t, []ops.Op{o}))
		requireConsistent(t, g.m, "after op %d: %s", len(list)+1, encodeText(t, []ops.Op{o}))
		list = append(list, o)
	}
	return list
}

func (g *opGen) name(prefix string) string {
	g.n++
	return fmt.Sprintf("%s_%d", prefix, g.n)
}

func pick[T any](r *rand.Rand, s []T) (T, bool) {
	var zero T
	if len(s) == 0 {
		return zero, false
	}
	return s[r.IntN(len(s))], true
}

func (g *opGen) table() *metadata.Table {
	t, _ := pick(g.r, g.m.Tables)
	return t
}

func ref(t *metadata.Table) ops.TableRef { return ops.TableRef{Schema: t.Schema, Table: t.Name} }

var genTypes = []metadata.Type{metadata.IntegerType, metadata.BigIntType, metadata.TextType, metadata.VarcharType(40),
	metadata.NumericType(10, 2), metadata.BooleanType, metadata.DateType, metadata.TimestampTZType, metadata.NativeType("inet"),
	{Kind: metadata.Text, Variants: map[string]string{"mysql": "mediumtext"}}}

func (g *opGen) column() *metadata.Column {
	c := &metadata.Column{Name: g.name("col"), Type: genTypes[g.r.IntN(len(genTypes))].Clone(), Nullable: g.r.IntN(2) == 0}
	if g.r.IntN(3) == 0 {
		c.Default = "0"
	}
	if g.r.IntN(3) == 0 {
		c.Comment = "generated"
	}
	return c
}

func (g *opGen) addColumn() ops.Op {
	if t := g.table(); t != nil {
		return &ops.AddColumn{TableRef: ref(t), Column: g.column()}
	}
	return nil
}

func (g *opGen) dropColumn() ops.Op {
	t := g.table()
	if t == nil || len(t.Columns) < 2 {
		return nil
	}
	var free []*metadata.Column
	for _, c := range t.Columns {
		if !columnInUse(g.m, t, c.Name) {
			free = append(free, c)
		}
	}
	if c, ok := pick(g.r, free); ok {
		return &ops.DropColumn{TableRef: ref(t), ColumnName: c.Name, Column: c.Clone()}
	}
	return nil
}

// columnInUse reports whether a key, index or foreign key uses the column.
func columnInUse(m *metadata.MetaData, t *metadata.Table, col string) bool {
	if t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, col) {
		return true
	}
	for _, fk := range t.ForeignKeys {
		if slices.Contains(fk.Columns, col) {
			return true
		}
	}
	for _, u := range t.Uniques {
		if slices.Contains(u.Columns, col) {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if slices.Contains(ix.Columns, col) {
			return true
		}
	}
	for _, other := range m.Tables {
		for _, fk := range other.ForeignKeys {
			if refersTo(other, fk, t) && slices.Contains(fk.RefColumns, col) {
				return true
			}
		}
	}
	return false
}

func refersTo(owner *metadata.Table, fk *metadata.ForeignKey, t *metadata.Table) bool {
	schema := fk.RefSchema
	if schema == "" {
		schema = owner.Schema
	}
	return schema == t.Schema && fk.RefTable == t.Name
}

func (g *opGen) alterColumn() ops.Op {
	t := g.table()
	if t == nil {
		return nil
	}
	c, _ := pick(g.r, t.Columns)
	o := &ops.AlterColumn{TableRef: ref(t), ColumnName: c.Name, ExistingType: ptr(c.Type.Clone()),
		ExistingNullable: ptr(c.Nullable), ExistingDefault: ptr(c.Default), ExistingComment: ptr(c.Comment)}
	inKey := t.PrimaryKey != nil && slices.Contains(t.PrimaryKey.Columns, c.Name)
	switch g.r.IntN(4) {
	case 0:
		o.Type = ptr(genTypes[g.r.IntN(len(genTypes))].Clone())
	case 1:
		if inKey && !c.Nullable {
			return nil
		}
		o.Nullable = ptr(!c.Nullable)
	case 2:
		o.Default = ptr(map[bool]string{true: "", false: "1"}[c.Default != ""])
	default:
		o.Comment = ptr(g.name("comment"))
	}
	return o
}

func (g *opGen) renameColumn() ops.Op {
	if t := g.table(); t != nil {
		c, _ := pick(g.r, t.Columns)
		return &ops.AlterColumn{TableRef: ref(t), ColumnName: c.Name, NewName: g.name("renamed")}
	}
	return nil
}

func (g *opGen) createTable() ops.Op {
	t := &metadata.Table{Name: g.name("table"), Columns: []*metadata.Column{{Name: "id", Type: metadata.BigIntType}, g.column(), g.column()}}
	t.PrimaryKey = &metadata.PrimaryKey{Name: g.name("pk"), Columns: []string{"id"}}
	if g.r.IntN(2) == 0 {
		t.Indexes = []*metadata.Index{{Name: g.name("ix"), Columns: []string{t.Columns[1].Name}, Unique: g.r.IntN(2) == 0}}
	}
	if g.r.IntN(2) == 0 {
		t.Checks = []*metadata.Check{{Name: g.name("ck"), Expression: "id > 0"}}
	}
	if target := g.keyed(); target != nil {
		t.ForeignKeys = []*metadata.ForeignKey{{Name: g.name("fk"), Columns: []string{t.Columns[2].Name},
			RefSchema: target.Schema, RefTable: target.Name, RefColumns: target.PrimaryKey.Columns[:1]}}
	}
	return &ops.CreateTable{Table: t}
}

// keyed returns a table with a one-column primary key, or nil.
func (g *opGen) keyed() *metadata.Table {
	var keyed []*metadata.Table
	for _, t := range g.m.Tables {
		if t.PrimaryKey != nil && len(t.PrimaryKey.Columns) == 1 {
			keyed = append(keyed, t)
		}
	}
	t, _ := pick(g.r, keyed)
	return t
}

func (g *opGen) dropTable() ops.Op {
	var free []*metadata.Table
	for _, t := range g.m.Tables {
		referred := false
		for _, other := range g.m.Tables {
			for _, fk := range other.ForeignKeys {
				referred = referred || (other != t && refersTo(other, fk, t))
			}
		}
		if !referred {
			free = append(free, t)
		}
	}
	if t, ok := pick(g.r, free); ok {
		return &ops.DropTable{TableRef: ref(t), Table: t.Clone()}
	}
	return nil
}

func (g *opGen) renameTable() ops.Op {
	if t := g.table(); t != nil {
		return &ops.RenameTable{TableRef: ref(t), NewName: g.name("renamed")}
	}
	return nil
}

func (g *opGen) setTableComment() ops.Op {
	if t := g.table(); t != nil {
		return &ops.SetTableComment{TableRef: ref(t), Comment: g.name("comment"), ExistingComment: ptr(t.Comment)}
	}
	return nil
}

func (g *opGen) createIndex() ops.Op {
	if t := g.table(); t != nil {
		c, _ := pick(g.r, t.Columns)
		ix := &metadata.Index{Name: g.name("ix"), Columns: []string{c.Name}, Unique: g.r.IntN(2) == 0}
		if g.r.IntN(3) == 0 {
			ix.Where = c.Name + " IS NOT NULL"
		}
		return &ops.CreateIndex{TableRef: ref(t), Index: ix}
	}
	return nil
}

func (g *opGen) dropIndex() ops.Op {
	t := g.table()
	if t == nil {
		return nil
	}
	if ix, ok := pick(g.r, t.Indexes); ok && ix.Name != "" {
		return &ops.DropIndex{TableRef: ref(t), IndexName: ix.Name, Index: ix.Clone()}
	}
	return nil
}

func (g *opGen) createUnique() ops.Op {
	if t := g.table(); t != nil {
		c, _ := pick(g.r, t.Columns)
		return &ops.CreateUniqueConstraint{TableRef: ref(t), Unique: &metadata.Unique{Name: g.name("uq"), Columns: []string{c.Name}}}
	}
	return nil
}

func (g *opGen) createForeignKey() ops.Op {
	t, target := g.table(), g.keyed()
	if t == nil || target == nil {
		return nil
	}
	c, _ := pick(g.r, t.Columns)
	return &ops.CreateForeignKey{TableRef: ref(t), ForeignKey: &metadata.ForeignKey{Name: g.name("fk"), Columns: []string{c.Name},
		RefSchema: target.Schema, RefTable: target.Name, RefColumns: target.PrimaryKey.Columns[:1], OnDelete: metadata.Cascade}}
}

func (g *opGen) createCheck() ops.Op {
	if t := g.table(); t != nil {
		return &ops.CreateCheckConstraint{TableRef: ref(t), Check: &metadata.Check{Name: g.name("ck"), Expression: "1 = 1"}}
	}
	return nil
}

// dropConstraint drops a named unique, foreign key or check constraint.
func (g *opGen) dropConstraint() ops.Op {
	t := g.table()
	if t == nil {
		return nil
	}
	var drops []*ops.DropConstraint
	for _, u := range t.Uniques {
		drops = append(drops, &ops.DropConstraint{TableRef: ref(t), ConstraintName: u.Name, Type: ops.ConstraintUnique, Unique: u.Clone()})
	}
	for _, fk := range t.ForeignKeys {
		drops = append(drops, &ops.DropConstraint{TableRef: ref(t), ConstraintName: fk.Name, Type: ops.ConstraintForeignKey, ForeignKey: fk.Clone()})
	}
	for _, c := range t.Checks {
		if c.Name != "" {
			drops = append(drops, &ops.DropConstraint{TableRef: ref(t), ConstraintName: c.Name, Type: ops.ConstraintCheck, Check: c.Clone()})
		}
	}
	if d, ok := pick(g.r, drops); ok && d.ConstraintName != "" {
		return d
	}
	return nil
}

func (g *opGen) dropPrimaryKey() ops.Op {
	t := g.table()
	if t == nil || t.PrimaryKey == nil || t.PrimaryKey.Name == "" {
		return nil
	}
	return &ops.DropConstraint{TableRef: ref(t), ConstraintName: t.PrimaryKey.Name, Type: ops.ConstraintPrimary, PrimaryKey: t.PrimaryKey.Clone()}
}

// createPrimaryKey keys a table that has none on a NOT NULL column, so
// that the key does not change the column's nullability.
func (g *opGen) createPrimaryKey() ops.Op {
	t := g.table()
	if t == nil || t.PrimaryKey != nil {
		return nil
	}
	var notNull []string
	for _, c := range t.Columns {
		if !c.Nullable {
			notNull = append(notNull, c.Name)
		}
	}
	if c, ok := pick(g.r, notNull); ok {
		return &ops.CreatePrimaryKey{TableRef: ref(t), PrimaryKey: &metadata.PrimaryKey{Name: g.name("pk"), Columns: []string{c}}}
	}
	return nil
}

func (g *opGen) createEnum() ops.Op {
	return &ops.CreateEnum{Enum: &metadata.Enum{Name: g.name("enum"), Values: []string{"a", "b", "c"}[:1+g.r.IntN(3)]}}
}

func (g *opGen) dropEnum() ops.Op {
	var free []*metadata.Enum
	for _, e := range g.m.Enums {
		used := false
		for _, t := range g.m.Tables {
			for _, c := range t.Columns {
				used = used || (c.Type.Kind == metadata.EnumKind && (c.Type.EnumName == e.Name || c.Type.EnumName == e.QualifiedName()))
			}
		}
		if !used {
			free = append(free, e)
		}
	}
	if e, ok := pick(g.r, free); ok {
		return &ops.DropEnum{Schema: e.Schema, EnumName: e.Name, Enum: e.Clone()}
	}
	return nil
}

func (g *opGen) addEnumValue() ops.Op {
	e, ok := pick(g.r, g.m.Enums)
	if !ok {
		return nil
	}
	o := &ops.AlterEnumAddValue{Schema: e.Schema, EnumName: e.Name, Value: g.name("v")}
	switch v, _ := pick(g.r, e.Values); g.r.IntN(3) {
	case 0:
		o.Before = v
	case 1:
		o.After = v
	}
	return o
}

// dropEnumValue drops a value, noting its place as autogenerate would.
func (g *opGen) dropEnumValue() ops.Op {
	e, ok := pick(g.r, g.m.Enums)
	if !ok || len(e.Values) < 2 {
		return nil
	}
	i := g.r.IntN(len(e.Values))
	o := &ops.AlterEnumDropValue{Schema: e.Schema, EnumName: e.Name, Value: e.Values[i]}
	if i+1 < len(e.Values) {
		o.Before = e.Values[i+1]
	}
	return o
}

// requireConsistent checks that every key, index and foreign key of m is
// over columns that exist, that every foreign key refers to a table and
// columns that exist, and that every enum column's enum exists: what a
// rename or drop that forgot a reference would break.
func requireConsistent(t *testing.T, m *metadata.MetaData, msgAndArgs ...any) {
	t.Helper()
	has := func(tb *metadata.Table, cols []string) {
		for _, c := range cols {
			require.NotNil(t, tb.Column(c), append([]any{"table %s has no column %s: %s", tb.QualifiedName(), c}, msgAndArgs...)...)
		}
	}
	for _, tb := range m.Tables {
		if tb.PrimaryKey != nil {
			has(tb, tb.PrimaryKey.Columns)
		}
		for _, u := range tb.Uniques {
			has(tb, u.Columns)
		}
		for _, ix := range tb.Indexes {
			has(tb, ix.Columns)
		}
		for _, fk := range tb.ForeignKeys {
			has(tb, fk.Columns)
			schema := fk.RefSchema
			if schema == "" {
				schema = tb.Schema
			}
			target := m.Table(schema, fk.RefTable)
			require.NotNil(t, target, "foreign key %s of %s refers to no table %s.%s", fk.Name, tb.QualifiedName(), schema, fk.RefTable)
			has(target, fk.RefColumns)
		}
		for _, c := range tb.Columns {
			if c.Type.Kind == metadata.EnumKind {
				require.True(t, enumExists(m, c.Type.EnumName), "column %s.%s: no enum %s", tb.QualifiedName(), c.Name, c.Type.EnumName)
			}
		}
	}
}

func enumExists(m *metadata.MetaData, name string) bool {
	for _, e := range m.Enums {
		if e.Name == name || e.QualifiedName() == name {
			return true
		}
	}
	return false
}
