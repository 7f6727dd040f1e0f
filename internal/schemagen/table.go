package schemagen

import (
	"fmt"
	"slices"

	"github.com/retortdb/retort/metadata"
)

// tableGen is the state of one table being built.
type tableGen struct {
	*gen
	t        *metadata.Table
	size     int     // columns wanted
	cols     nameSet // column names taken
	rowBytes int
	pk, fk   map[string]bool // primary and foreign key columns
	keys     nameSet         // column lists already indexed or unique, as "a,b"
}

// table builds the i-th table; tables before it are in g.m already.
func (g *gen) table(i int) *metadata.Table {
	tg := &tableGen{
		gen:  g,
		t:    &metadata.Table{Name: g.tableName()},
		size: g.between(g.cfg.MinColumns, g.cfg.MaxColumns),
		cols: nameSet{},
		pk:   map[string]bool{},
		fk:   map[string]bool{},
		keys: nameSet{},
	}
	tg.primaryKey()
	if i > 0 && g.cfg.FKsPerTable > 0 {
		for range g.between(1, g.cfg.FKsPerTable) {
			tg.foreignKey(g.m.Tables[g.r.IntN(i)])
		}
	}
	for len(tg.t.Columns) < tg.size {
		tg.dataColumn()
	}
	// Key columns first, the rest in random order.
	rest := tg.t.Columns[len(tg.t.PrimaryKey.Columns):]
	g.r.Shuffle(len(rest), func(a, b int) { rest[a], rest[b] = rest[b], rest[a] })
	for range g.cfg.IndexesPerTable {
		tg.index()
	}
	for range g.r.IntN(g.cfg.UniquesPerTable + 1) {
		tg.unique()
	}
	for range g.r.IntN(g.cfg.ChecksPerTable + 1) {
		tg.check()
	}
	tg.comments()
	return tg.t
}

// column adds a column, naming it from names (or the first of them with
// a number when all are taken).
func (tg *tableGen) column(names []string, typ metadata.Type, nullable bool) *metadata.Column {
	name := ""
	if tg.cfg.AwkwardNames && tg.percent(20) {
		pool := awkwardColumns
		if tg.percent(50) {
			pool = reservedWords
		}
		if n := pick(tg.gen, pool); tg.cols.claim(n) {
			name = n
		}
	}
	for _, i := range tg.r.Perm(len(names)) {
		if name == "" && tg.cols.claim(names[i]) {
			name = names[i]
		}
	}
	if name == "" {
		name = tg.cols.claimSuffixed(names[0])
	}
	c := &metadata.Column{Name: name, Type: typ, Nullable: nullable}
	tg.rowBytes += rowBytes(typ)
	return tg.t.AddColumn(c)
}

// primaryKey adds an autoincrement bigint id, or sometimes a natural
// two-column key.
func (tg *tableGen) primaryKey() {
	if tg.size < 2 || !tg.percent(tg.cfg.CompositePKPercent) {
		c := tg.column([]string{"id"}, metadata.BigIntType, false)
		c.AutoIncrement = true
		tg.t.SetPrimaryKey(c.Name)
		tg.pk[c.Name] = true
		return
	}
	var names []string
	for _, kc := range pick(tg.gen, compositeKeys) {
		c := tg.column([]string{kc.name}, kc.typ, false)
		names = append(names, c.Name)
		tg.pk[c.Name] = true
	}
	tg.t.SetPrimaryKey(names...)
}

// roles tell apart several foreign keys to the same table.
var roles = []string{"parent", "primary", "billing", "shipping", "owner", "source", "target", "backup"}

// foreignKey adds columns typed as ref's primary key and a foreign key from
// them, when the table still has room for them.
func (tg *tableGen) foreignKey(ref *metadata.Table) {
	refCols := ref.PrimaryKey.Columns
	if len(tg.t.Columns)+len(refCols) > tg.size {
		return
	}
	nullable := tg.percent(40)
	role := ""
	if tg.cols.has(ref.Name + "_" + refCols[0]) {
		role = pick(tg.gen, roles) + "_"
	}
	var cols []string
	for _, rc := range refCols {
		base := truncate(role+ref.Name+"_"+rc, "")
		c := tg.column([]string{base}, ref.Column(rc).Type.Clone(), nullable)
		cols = append(cols, c.Name)
		tg.fk[c.Name] = true
	}
	fk := tg.t.AddForeignKey(cols, ref.Name, slices.Clone(refCols))
	actions := []string{metadata.Cascade, metadata.Restrict, metadata.NoAction, ""}
	if nullable {
		actions = append(actions, metadata.SetNull, metadata.SetNull)
	}
	fk.OnDelete = pick(tg.gen, actions)
}

// dataColumn adds a column of a random kind, with a default sometimes.
func (tg *tableGen) dataColumn() {
	spec := tg.pickKind()
	typ := tg.sized(spec.kind)
	names := spec.names
	if spec.kind == metadata.EnumKind {
		e := pick(tg.gen, tg.m.Enums)
		typ, names = metadata.EnumType(e.Name), []string{e.Name, "status", "kind"}
	}
	if tg.rowBytes+rowBytes(typ) > maxRowBytes {
		typ, names = metadata.TextType, []string{"notes"}
	}
	c := tg.column(names, typ, tg.percent(55))
	p := 25
	if !c.Nullable {
		p = 50
	}
	if tg.percent(p) {
		c.Default = tg.portableDefault(typ)
	}
}

// pickKind draws a kind by weight, enums included when there are some.
func (tg *tableGen) pickKind() kindSpec {
	total := 0
	for _, k := range tg.kinds {
		total += k.weight
	}
	const enumWeight = 5
	if len(tg.m.Enums) > 0 {
		total += enumWeight
	}
	n := tg.r.IntN(total)
	for _, k := range tg.kinds {
		if n < k.weight {
			return k
		}
		n -= k.weight
	}
	return kindSpec{kind: metadata.EnumKind}
}

// comments gives the table and some columns a comment.
func (tg *tableGen) comments() {
	if tg.percent(30) {
		tg.t.Comment = tg.comment(fmt.Sprintf("One row per %s.", tg.t.Name))
	}
	for _, c := range tg.t.Columns {
		if tg.percent(15) {
			c.Comment = tg.comment(pick(tg.gen, columnComments))
		}
	}
}

var (
	columnComments = []string{
		"Set by the application.", "In the customer's currency.", "UTC.",
		"May be empty.", "Legacy field, to be removed.", "Shown in the UI.",
	}
	awkwardComments = []string{
		`It's "quoted" & 100% naïve.`, `C:\temp\new; -- not a comment`,
		"Zeilen mit Umlauten: äöü, 名前.", "/* not a comment either */",
	}
)

// comment returns text, or with AwkwardNames sometimes a comment that
// needs careful quoting.
func (tg *tableGen) comment(text string) string {
	if tg.cfg.AwkwardNames && tg.percent(40) {
		return pick(tg.gen, awkwardComments)
	}
	return text
}
