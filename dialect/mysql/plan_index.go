package mysql

import (
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// mysqlKeyOptions are the index key options MySQL and MariaDB have:
// descending keys and prefix lengths, no operator classes, key collations
// or NULLS orders.
var mysqlKeyOptions = dialect.IndexKeyOptions{Desc: true, Length: true}

// renameIndex renders ALTER TABLE ... RENAME INDEX, which keeps the index.
func (p *planner) renameIndex(o *ops.RenameIndex) []dialect.Statement {
	return sqls("ALTER TABLE " + p.table(o.TableRef) + " RENAME INDEX " + p.d.QuoteIdent(o.IndexName) + " TO " + p.d.QuoteIdent(o.NewName))
}

// indexComment renders an index's " COMMENT 'text'", or "" without one.
func (p *planner) indexComment(ix *metadata.Index) (string, error) {
	if ix.Comment == "" {
		return "", nil
	}
	lit, err := p.d.Literal(ix.Comment)
	if err != nil {
		return "", fmt.Errorf("index %q: comment: %w", ix.Name, err)
	}
	return " COMMENT " + lit, nil
}
