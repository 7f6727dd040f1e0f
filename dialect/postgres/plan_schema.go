package postgres

import (
	"fmt"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// schemaOf is the schema a create_table, create_enum, create_domain or
// create_extension puts its objects in (or a comment_schema comments), or "" (the default schema, or
// another op).
func schemaOf(o ops.Op) string {
	switch o := o.(type) {
	case *ops.CreateTable:
		return o.Table.Schema
	case *ops.CreateEnum:
		return o.Enum.Schema
	case *ops.CreateDomain:
		return o.Domain.Schema
	case *ops.CreateExtension:
		return o.Extension.Schema
	case *ops.CommentSchema:
		return o.SchemaName
	case *ops.GrantSchema:
		return o.SchemaName
	}
	return ""
}

// hasSchema reports whether m holds a table, enum, domain or extension in
// schema.
func hasSchema(m *metadata.MetaData, schema string) bool {
	if m == nil {
		return false
	}
	for _, t := range m.Tables {
		if t.Schema == schema {
			return true
		}
	}
	for _, e := range m.Enums {
		if e.Schema == schema {
			return true
		}
	}
	for _, d := range m.Domains {
		if d.Schema == schema {
			return true
		}
	}
	for _, e := range m.Extensions {
		if e.Schema == schema {
			return true
		}
	}
	return false
}

// createSchema creates schema unless it exists, before the first table or
// enum a run creates in a schema its state has nothing in: a baseline of
// a database with several schemas then upgrades an empty database (issue
// 13). It asks the catalog first rather than writing CREATE SCHEMA IF NOT
// EXISTS, which needs the CREATE privilege on the database even when the
// schema exists. Dropping a schema's last table leaves the schema.
func (p Postgres) createSchema(schema string) dialect.Statement {
	lit, _ := p.Literal(schema)
	return dialect.Statement{SQL: "DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = " + lit +
		") THEN CREATE SCHEMA " + p.QuoteIdent(schema) + "; END IF; END$$"}
}

// stockPublicComment is the comment every new database's public schema
// has: the model's "no comment" for public, since an empty database to
// upgrade starts with it.
const stockPublicComment = "standard public schema"

// commentSchema sets a schema's comment ("": NULL, or on public its stock
// comment, [stockPublicComment]). The default
// schema ("") is named by current_schema() at run time, through EXECUTE
// format(... %I IS %L), as COMMENT ON takes no expression.
func (p Postgres) commentSchema(schema, text string) ([]dialect.Statement, error) {
	if schema == "public" && text == "" {
		text = stockPublicComment
	}
	if schema != "" {
		return p.comment("SCHEMA "+p.QuoteIdent(schema), text)
	}
	lit := "NULL"
	if text != "" {
		var err error
		if lit, err = p.Literal(text); err != nil {
			return nil, err
		}
	}
	if strings.Contains(lit, "$retort$") {
		return nil, fmt.Errorf("postgresql: the default schema's comment holds $retort$, which quotes the statement that sets it; " +
			"name the schema in schemas: (name: public) instead")
	}
	return stmts("DO $retort$BEGIN EXECUTE format('COMMENT ON SCHEMA %I IS %L', current_schema(), coalesce(" + lit +
		"::text, CASE WHEN current_schema() = 'public' THEN '" + stockPublicComment + "' END)); END$retort$"), nil
}
