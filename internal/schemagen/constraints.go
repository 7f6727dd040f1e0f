package schemagen

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// keyColumns picks 1 to n columns for an index key: indexable, not the
// primary key's, none of the kinds in skip, fitting MySQL's key limit, and
// a column list no other index or unique constraint of the table has.
func (tg *tableGen) keyColumns(n int, skip ...metadata.Kind) []string {
	var cands []*metadata.Column
	for _, c := range tg.t.Columns {
		if _, ok := keyBytes(c.Type); ok && !tg.pk[c.Name] && !slices.Contains(skip, c.Type.Kind) {
			cands = append(cands, c)
		}
	}
	if len(cands) == 0 {
		return nil
	}
	for range 4 {
		var cols []string
		width := 0
		for _, i := range tg.r.Perm(len(cands))[:min(n, len(cands))] {
			w, _ := keyBytes(cands[i].Type)
			if width+w > maxKeyBytes {
				break
			}
			width += w
			cols = append(cols, cands[i].Name)
		}
		if tg.keys.claim(strings.Join(cols, "\x00")) {
			return cols
		}
	}
	return nil
}

// keySize draws how many columns a key has: mostly one, sometimes two or three.
func (tg *tableGen) keySize() int {
	switch n := tg.r.IntN(20); {
	case n < 11:
		return 1
	case n < 18:
		return 2
	}
	return 3
}

// index adds a plain or unique index.
func (tg *tableGen) index() {
	unique := tg.percent(25)
	var skip []metadata.Kind
	if unique {
		skip = []metadata.Kind{metadata.Boolean, metadata.Real, metadata.Double}
	}
	if cols := tg.keyColumns(tg.keySize(), skip...); cols != nil {
		ix := tg.t.AddIndex(cols...)
		ix.Unique = unique
	}
}

// unique adds a unique constraint over one or two columns.
func (tg *tableGen) unique() {
	if cols := tg.keyColumns(min(tg.keySize(), 2), metadata.Boolean, metadata.Real, metadata.Double); cols != nil {
		tg.t.AddUnique(cols...)
	}
}

// check adds a named check constraint on a numeric column that is in no
// key (MySQL forbids checks on columns with referential actions) and whose
// name needs no quoting, so the expression is the same SQL everywhere.
func (tg *tableGen) check() {
	var cands []*metadata.Column
	for _, c := range tg.t.Columns {
		switch c.Type.Kind {
		case metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Numeric, metadata.Real, metadata.Double:
			if !tg.pk[c.Name] && !tg.fk[c.Name] && isPlain(c.Name) && tg.t.Check(tg.checkName(c)) == nil {
				cands = append(cands, c)
			}
		}
	}
	if len(cands) == 0 {
		return
	}
	c := pick(tg.gen, cands)
	op := ">="
	if c.Default == "" && tg.percent(30) {
		op = ">"
	}
	tg.t.AddCheck(tg.checkName(c), fmt.Sprintf("%s %s 0", c.Name, op))
}

func (tg *tableGen) checkName(c *metadata.Column) string {
	return truncate("ck_"+tg.t.Name+"_"+c.Name, "")
}
