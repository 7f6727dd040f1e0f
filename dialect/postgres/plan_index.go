package postgres

import (
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// pgKeyOptions are the index key options PostgreSQL has: all but MySQL's
// prefix length.
var pgKeyOptions = dialect.IndexKeyOptions{OpClass: true, Collation: true, Desc: true, Nulls: true}

// indexSQL renders CREATE INDEX for the named ix, then COMMENT ON INDEX
// when it has a comment.
func (p Postgres) indexSQL(r ops.TableRef, ix *metadata.Index) ([]dialect.Statement, error) {
	if err := dialect.CheckIndexKeys("PostgreSQL", ix, pgKeyOptions); err != nil {
		return nil, err
	}
	if _, err := dialect.StorageParams(ix); err != nil {
		return nil, err
	}
	out := stmts(dialect.CreateIndexSQL(p, r, ix))
	if ix.Comment != "" {
		c, err := p.comment("INDEX "+p.qname(r.Schema, ix.Name), ix.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, c...)
	}
	return out, nil
}

// renameIndex renders ALTER INDEX ... RENAME TO, which keeps the index.
func (p Postgres) renameIndex(o *ops.RenameIndex) []dialect.Statement {
	return stmts("ALTER INDEX " + p.qname(o.Schema, o.IndexName) + " RENAME TO " + p.QuoteIdent(o.NewName))
}
