package mysql

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// planView renders the view ops; ok is false for any other op. A
// replace is CREATE OR REPLACE VIEW: the view keeps its privileges.
func (p *planner) planView(o ops.Op) (out []dialect.Statement, ok bool, err error) {
	switch o := o.(type) {
	case *ops.CreateView:
		out, err = p.createView(o.View, false)
	case *ops.DropView:
		if o.IsMaterialized() {
			return nil, true, dialect.ErrNoMaterializedViews
		}
		out = sqls("DROP VIEW " + p.table(o.Ref()))
	case *ops.ReplaceView:
		out, err = p.createView(o.View, true)
	default:
		return nil, false, nil
	}
	return out, true, err
}

// createView renders CREATE [OR REPLACE] [ALGORITHM=] [DEFINER=] [SQL
// SECURITY] VIEW ... [WITH ... CHECK OPTION], under the view's session
// character sets when it has them (see underCharsets). No DEFINER clause
// leaves the definer to the server: the account that runs the migration.
func (p *planner) createView(v *metadata.View, replace bool) ([]dialect.Statement, error) {
	if v.Materialized {
		return nil, fmt.Errorf("view %s: %w", v.QualifiedName(), dialect.ErrNoMaterializedViews)
	}
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	if v.Algorithm != "" {
		b.WriteString("ALGORITHM = " + strings.ToUpper(v.Algorithm) + " ")
	}
	if v.Definer != "" {
		b.WriteString(p.definerClause(v.Definer))
	}
	if v.Security != "" {
		b.WriteString("SQL SECURITY " + strings.ToUpper(v.Security) + " ")
	}
	b.WriteString("VIEW " + p.table(ops.TableRef{Schema: v.Schema, Table: v.Name}) + " AS " + v.Definition)
	if v.CheckOption != "" {
		b.WriteString(" WITH " + strings.ToUpper(v.CheckOption) + " CHECK OPTION")
	}
	return underCharsets(v, b.String())
}

// utf8Charsets are the client character sets whose bytes are UTF-8, the
// encoding Go strings (and so the driver) send.
var utf8Charsets = []string{"utf8", "utf8mb3", "utf8mb4"}

// underCharsets runs create with character_set_client and
// collation_connection set as the view's were (mysqldump does the same),
// the session's own put back after: they decide the charset of the
// query's literals without an introducer and are what SHOW CREATE VIEW
// reports. A view with neither runs under the session's. A query that is
// not ASCII under a client charset other than UTF-8 is refused: the
// server would read its UTF-8 bytes in that charset.
func underCharsets(v *metadata.View, create string) ([]dialect.Statement, error) {
	if v.CharacterSetClient == "" && v.CollationConnection == "" {
		return sqls(create), nil
	}
	if v.CharacterSetClient == "" || v.CollationConnection == "" {
		return nil, fmt.Errorf("view %s: give both character_set_client and collation_connection, or neither", v.QualifiedName())
	}
	if !slices.Contains(utf8Charsets, strings.ToLower(v.CharacterSetClient)) && !isASCII(create) {
		return nil, fmt.Errorf("view %s: its query has characters beyond ASCII and character_set_client %s is not UTF-8, "+
			"which Retort sends: remove character_set_client and collation_connection (the view is then created "+
			"under the session's), or write those characters as literals with an introducer (_latin1 X'E9')",
			v.QualifiedName(), v.CharacterSetClient)
	}
	cs, _ := literals.Literal(v.CharacterSetClient)
	coll, _ := literals.Literal(v.CollationConnection)
	return sqls("SET @retort_character_set_client = @@character_set_client, @retort_collation_connection = @@collation_connection",
		"SET character_set_client = "+cs+", collation_connection = "+coll, create,
		"SET character_set_client = @retort_character_set_client, collation_connection = @retort_collation_connection"), nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
