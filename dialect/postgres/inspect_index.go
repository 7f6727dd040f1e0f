package postgres

import (
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/retortdb/retort/metadata"
)

// indexKeyRow is one key of indexesQuery's JSON list.
type indexKeyRow struct {
	Num       int    `json:"n"`
	Expr      string `json:"e"`
	OpClass   string `json:"o"`
	Collation string `json:"c"`
	Option    int    `json:"f"`
}

// The indoption bits of a key (PostgreSQL's INDOPTION_DESC and
// INDOPTION_NULLS_FIRST).
const (
	indoptionDesc       = 1
	indoptionNullsFirst = 2
)

// indexScan is one row of indexesQuery: Scan's destinations in one
// allocation rather than one escaping local each. The JSON columns are
// RawBytes, decoded before the next row, so they are not copied to a
// string first.
type indexScan struct {
	schema, table, name, method, where, comment string
	keys, with                                  sql.RawBytes
	nkeys                                       int
	unique, nullsNotDistinct                    bool
}

func (in *inspector) indexRow(r *sql.Rows) error {
	v := new(indexScan)
	if err := r.Scan(&v.schema, &v.table, &v.name, &v.unique, &v.nullsNotDistinct, &v.method, &v.where, &v.nkeys, &v.keys, &v.with, &v.comment); err != nil {
		return err
	}
	t := in.table(v.schema, v.table)
	if t == nil {
		return nil
	}
	ix := &metadata.Index{Name: v.name, Unique: v.unique, NullsNotDistinct: v.nullsNotDistinct, Where: v.where, Comment: v.comment}
	if v.method != "btree" {
		ix.Using = v.method
	}
	if len(v.with) != 0 {
		if err := json.Unmarshal(v.with, &ix.With); err != nil {
			return fmt.Errorf("storage parameters of index %s: %w", v.name, err)
		}
	}
	var rows []indexKeyRow
	if err := json.Unmarshal(v.keys, &rows); err != nil {
		return fmt.Errorf("key of index %s: %w", v.name, err)
	}
	key, err := in.indexKeys(tableKey{v.schema, v.table}, ix, rows, v.nkeys)
	if err != nil {
		return fmt.Errorf("index %s: %w", v.name, err)
	}
	ix.SetKeys(key)
	t.Indexes = append(t.Indexes, ix)
	return nil
}

// indexKeys turns the key rows of an index on table k into its key, and
// its INCLUDE columns (the rows past nkeys) into ix.Include.
func (in *inspector) indexKeys(k tableKey, ix *metadata.Index, rows []indexKeyRow, nkeys int) ([]metadata.IndexKey, error) {
	byNum := in.attnames[k]
	var key []metadata.IndexKey
	for i, r := range rows {
		col, ok := byNum[r.Num]
		if r.Num != 0 && !ok {
			return nil, fmt.Errorf("table %s has no column %d (it changed while it was inspected; inspect again)", k.name, r.Num)
		}
		if i >= nkeys {
			ix.Include = append(ix.Include, col)
			continue
		}
		part := metadata.IndexKey{Column: col, OpClass: r.OpClass, Collation: r.Collation, Desc: r.Option&indoptionDesc != 0}
		if r.Num == 0 {
			part.Column, part.Expression = "", r.Expr
		}
		switch nullsFirst := r.Option&indoptionNullsFirst != 0; {
		case nullsFirst && !part.Desc:
			part.Nulls = metadata.NullsFirst
		case !nullsFirst && part.Desc:
			part.Nulls = metadata.NullsLast
		}
		key = append(key, part)
	}
	return key, nil
}
