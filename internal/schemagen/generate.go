// Package schemagen generates realistic, deterministic schemas for property
// tests and benchmarks.
//
// A generated [metadata.MetaData] is valid on PostgreSQL, MySQL/MariaDB and
// SQLite alike, created in slice order: it uses only the portable types of
// the vocabulary, portable defaults, index keys that fit MySQL's limits,
// foreign keys to earlier tables' primary keys with identical column types,
// check constraints a plain column name away from portable, and names that
// are unique per schema however a database compares them (case- and
// accent-insensitively, as MySQL does). Every constraint and index is
// named, by the model's naming convention where it can be.
package schemagen

import (
	"fmt"
	"math/rand/v2"

	"github.com/retortdb/retort/metadata"
)

// Generate returns the schema that cfg and its seed describe. The same Config
// always gives the same model.
func Generate(cfg Config) *metadata.MetaData {
	cfg = cfg.withDefaults()
	g := &gen{
		cfg:    cfg,
		r:      rand.New(rand.NewPCG(uint64(cfg.Seed), 0x5eed_5c4e_a9e2)),
		m:      metadata.New(),
		tables: nameSet{},
	}
	if cfg.Enums {
		g.enums()
	}
	kinds := append([]kindSpec(nil), baseKinds...)
	if cfg.AllTypes {
		kinds = append(kinds, extraKinds...)
	}
	g.kinds = kinds
	for i := range cfg.Tables {
		g.m.AddTable(g.table(i))
	}
	if err := g.m.ApplyNamingConvention(); err != nil {
		// Every index has columns and every check a name: a failure
		// here is a bug in this package.
		panic(fmt.Sprintf("schemagen: %v", err))
	}
	uniqueNames(g.m)
	g.objects()
	return g.m
}

// gen is the state of one Generate call.
type gen struct {
	cfg    Config
	r      *rand.Rand
	m      *metadata.MetaData
	kinds  []kindSpec
	tables nameSet // table and enum names: PostgreSQL keeps both as types
}

// percent returns true p times in 100.
func (g *gen) percent(p int) bool { return g.r.IntN(100) < p }

// between returns a number in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// enumSpecs are the enums [Config.Enums] draws from.
var enumSpecs = []struct {
	name   string
	values []string
}{
	{"mood", []string{"happy", "sad", "ok"}},
	{"order_status", []string{"pending", "paid", "shipped", "cancelled"}},
	{"priority_level", []string{"low", "medium", "high", "urgent"}},
	{"visibility", []string{"public", "private", "unlisted"}},
	{"payment_method", []string{"card", "cash", "transfer"}},
}

// enums declares one to three enums.
func (g *gen) enums() {
	perm := g.r.Perm(len(enumSpecs))
	for _, i := range perm[:g.between(1, 3)] {
		spec := enumSpecs[i]
		values := append([]string(nil), spec.values...)
		if g.cfg.AwkwardNames && g.percent(50) {
			values = append(values, "won't fix", "naïve")
		}
		g.tables.claim(spec.name)
		g.m.AddEnum(spec.name, values...)
	}
}

// tableName returns a fresh table name: a noun, two nouns, or (with
// AwkwardNames, sometimes) an awkward one.
func (g *gen) tableName() string {
	if g.cfg.AwkwardNames && g.percent(25) {
		pool := awkwardTables
		if g.percent(50) {
			pool = reservedWords
		}
		if name := pick(g, pool); g.tables.claim(name) {
			return name
		}
	}
	for range 8 {
		name := pick(g, nouns)
		if second := pick(g, nouns); second != name && g.percent(50) {
			name += "_" + second
		}
		if g.tables.claim(name) {
			return name
		}
	}
	return g.tables.claimSuffixed(pick(g, nouns))
}
