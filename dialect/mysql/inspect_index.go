package mysql

import (
	"database/sql"
	"strings"

	"github.com/retortdb/retort/metadata"
)

// indexRow reads one key part of an index (STATISTICS has a row per part):
// the column with its prefix length and direction, or the expression
// (MySQL 8), and the index's kind and comment.
func (in *inspector) indexRow(rows scanner) error {
	var db, table, name, typ string
	var nonUnique int64
	var column, expr, collation, comment sql.NullString
	var subPart sql.NullInt64
	if err := rows.Scan(&db, &table, &name, &nonUnique, &column, &subPart, &typ, &expr, &collation, &comment); err != nil {
		return err
	}
	t := in.table(db, table)
	if t == nil {
		return nil
	}
	k := ixKey{t, name}
	ix := in.indexes[k]
	if ix == nil {
		ix = &metadata.Index{Name: name, Unique: nonUnique == 0, Comment: comment.String}
		if u := strings.ToLower(typ); u == "fulltext" || u == "spatial" {
			ix.Using = u
		}
		in.indexes[k] = ix
		in.ixOrder = append(in.ixOrder, k)
	}
	// The parts gather in Keys; finishIndexes folds them (SetKeys).
	key := metadata.IndexKey{Desc: collation.String == "D"}
	switch {
	case expr.Valid && expr.String != "":
		key.Expression = canonicalExpr(expr.String)
	case column.Valid:
		key.Column = column.String
		// A FULLTEXT or SPATIAL key reports a sub part it was not given.
		if subPart.Valid && ix.Using == "" {
			key.Length = int(subPart.Int64)
		}
	default:
		return nil
	}
	ix.Keys = append(ix.Keys, key)
	return nil
}

// finishIndexes sorts the indexes read into primary keys, unique
// constraints and indexes. A unique index with more than plain columns
// (a DESC or prefix key, a comment) stays an index: a unique constraint
// cannot say it.
func (in *inspector) finishIndexes() {
	for _, k := range in.ixOrder {
		ix, t := in.indexes[k], k.t
		for i := range ix.Keys {
			if implicitPrefix(t, ix.Keys[i]) {
				ix.Keys[i].Length = 0
			}
		}
		ix.SetKeys(ix.Keys)
		switch {
		case k.name == "PRIMARY":
			if ix.Keys != nil {
				in.warn("the primary key of table %q has a prefix or descending key, which is read as the whole column, ascending", t.Name)
			}
			t.PrimaryKey = &metadata.PrimaryKey{Columns: ix.Columns}
		case ix.Unique && len(ix.Expressions) == 0 && ix.Using == "" && ix.Keys == nil && ix.Comment == "":
			t.Uniques = append(t.Uniques, &metadata.Unique{Name: ix.Name, Columns: ix.Columns})
		default:
			t.Indexes = append(t.Indexes, ix)
		}
	}
}

// implicitPrefix reports whether key's prefix is the one MariaDB gives an
// index on a text, blob or json column written without one (the longest
// key InnoDB takes: 3072 bytes, 768 utf8mb4 or 1024 utf8mb3 characters),
// so that the index reads back as it was written.
func implicitPrefix(t *metadata.Table, key metadata.IndexKey) bool {
	c := t.Column(key.Column)
	if c == nil || key.Length == 0 {
		return false
	}
	typ := strings.ToLower(c.Type.String())
	long := strings.Contains(typ, "text") || strings.Contains(typ, "blob") || strings.Contains(typ, "json")
	return long && (key.Length == 768 || key.Length == 1024 || key.Length == 3072)
}
