package mysql

import (
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// alterColumn renders alter_column. A rename alone is RENAME COLUMN, a
// default alone ALTER COLUMN SET/DROP DEFAULT; anything else restates the
// whole column (MODIFY, or CHANGE with a rename), from the state or, for a
// table the state lacks, from the op's Existing* fields.
func (p *planner) alterColumn(o *ops.AlterColumn) ([]string, error) {
	alter := "ALTER TABLE " + p.table(o.TableRef)
	q := p.d.QuoteIdent
	rest := o.Type != nil || o.Nullable != nil || o.Comment != nil || o.AutoIncrement != nil ||
		o.Charset != nil || o.Collation != nil || o.Generated != nil
	if !rest && o.Default == nil {
		if o.NewName == "" || o.NewName == o.ColumnName {
			return nil, nil
		}
		return []string{alter + " RENAME COLUMN " + q(o.ColumnName) + " TO " + q(o.NewName)}, nil
	}
	col, err := p.existingColumn(o)
	if err != nil && !rest && (o.NewName == "" || o.NewName == o.ColumnName) {
		// A default alone needs no full definition.
		if *o.Default == "" {
			return []string{alter + " ALTER COLUMN " + q(o.ColumnName) + " DROP DEFAULT"}, nil
		}
		if literalRE().MatchString(strings.TrimSpace(*o.Default)) {
			return []string{alter + " ALTER COLUMN " + q(o.ColumnName) + " SET DEFAULT " + *o.Default}, nil
		}
	}
	if err != nil {
		return nil, err
	}
	col = col.Clone()
	if o.Type != nil {
		col.Type = o.Type.Clone()
	}
	if o.Nullable != nil {
		col.Nullable = *o.Nullable
	}
	if o.Default != nil {
		col.Default = *o.Default
	}
	if o.Comment != nil {
		col.Comment = *o.Comment
	}
	if o.AutoIncrement != nil {
		col.AutoIncrement = *o.AutoIncrement
	}
	if o.Charset != nil {
		col.Charset = *o.Charset
	}
	if o.Collation != nil {
		col.Collation = *o.Collation
	}
	was := col.Generated
	if err := regenerate(col, o); err != nil {
		return nil, err
	}
	if o.NewName != "" {
		col.Name = o.NewName
	}
	def, err := p.columnDef(o.Schema, col, nil)
	if err != nil {
		return nil, err
	}
	if was != nil && col.Generated != nil && was.Stored != col.Generated.Stored {
		return p.readdGenerated(o, def)
	}
	if col.Name != o.ColumnName {
		return []string{alter + " CHANGE COLUMN " + q(o.ColumnName) + " " + def}, nil
	}
	return []string{alter + " MODIFY COLUMN " + def}, nil
}

// existingColumn returns the column alter_column changes: from the state,
// else rebuilt from the op's Existing* fields.
func (p *planner) existingColumn(o *ops.AlterColumn) (*metadata.Column, error) {
	if t := p.stateTable(o.TableRef); t != nil {
		if c := t.Column(o.ColumnName); c != nil {
			return c, nil
		}
		return nil, fmt.Errorf("table %s has no column %q", o.Table, o.ColumnName)
	}
	if o.ExistingType == nil && o.Type == nil || o.ExistingNullable == nil && o.Nullable == nil {
		return nil, fmt.Errorf("column %s.%s: MySQL restates the whole column (MODIFY COLUMN), and the table is not in the schema state: give existing_type and existing_nullable", o.Table, o.ColumnName)
	}
	c := &metadata.Column{Name: o.ColumnName}
	if o.ExistingType != nil {
		c.Type = *o.ExistingType
	} else {
		c.Type = *o.Type
	}
	if o.ExistingNullable != nil {
		c.Nullable = *o.ExistingNullable
	}
	if o.ExistingDefault != nil {
		c.Default = *o.ExistingDefault
	}
	if o.ExistingComment != nil {
		c.Comment = *o.ExistingComment
	}
	if o.ExistingAutoIncrement != nil {
		c.AutoIncrement = *o.ExistingAutoIncrement
	}
	if o.ExistingCharset != nil {
		c.Charset = *o.ExistingCharset
	}
	if o.ExistingCollation != nil {
		c.Collation = *o.ExistingCollation
	}
	if g := o.ExistingGenerated; g != nil && g.Expression != "" {
		c.Generated = g.Clone()
	}
	return c, nil
}

// alterTable renders alter_table in one ALTER TABLE. A new charset or
// collation is DEFAULT CHARACTER SET plus a MODIFY COLUMN, to the new
// charset, of each character column that follows the table's default:
// CONVERT TO would also convert the columns with a charset of their own and
// widen text to mediumtext. A table the state lacks gets CONVERT TO.
func (p *planner) alterTable(o *ops.AlterTable) ([]string, error) {
	var parts []string
	t := p.stateTable(o.TableRef)
	if o.Charset != nil || o.Collation != nil {
		after := &metadata.Table{}
		if t != nil {
			after.Charset, after.Collation = t.Charset, t.Collation
		}
		if o.Charset != nil {
			after.Charset = *o.Charset
		}
		if o.Collation != nil {
			after.Collation = *o.Collation
		}
		cs, co := effectiveCharset(after, nil)
		clause := " CHARACTER SET " + cs + " COLLATE " + co
		if t == nil {
			parts = append(parts, "CONVERT TO"+clause)
		} else {
			parts = append(parts, "DEFAULT"+clause)
			mods, err := p.followers(t, cs, co)
			if err != nil {
				return nil, err
			}
			parts = append(parts, mods...)
		}
	}
	if o.RowFormat != nil {
		rf := strings.ToUpper(*o.RowFormat)
		if rf == "" {
			rf = "DEFAULT"
		}
		parts = append(parts, "ROW_FORMAT="+rf)
	}
	return []string{"ALTER TABLE " + p.table(o.TableRef) + " " + strings.Join(parts, ", ")}, nil
}

// followers returns a MODIFY COLUMN to charset cs and collation co for
// each character column of t that names no charset of its own.
func (p *planner) followers(t *metadata.Table, cs, co string) ([]string, error) {
	var out []string
	for _, c := range t.Columns {
		if c.Charset != "" || c.Collation != "" {
			continue
		}
		typ, err := typeSQL(c.Type, t.Schema, p.enums)
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", c.Name, err)
		}
		if !hasCharset(typ) {
			continue
		}
		cc := c.Clone()
		cc.Charset, cc.Collation = cs, co
		def, err := p.columnDef(t.Schema, cc, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, "MODIFY COLUMN "+def)
	}
	return out, nil
}

// regenerate gives col the op's generation: MODIFY COLUMN recomputes a
// generated column's values with the new expression. A column that would
// become generated, or stop being, is refused
// ([dialect.ErrGeneratedConversion]): MariaDB would replace or freeze its
// values.
func regenerate(col *metadata.Column, o *ops.AlterColumn) error {
	if o.Generated == nil {
		return nil
	}

	if (col.Generated != nil) != (o.Generated.Expression != "") {
		return fmt.Errorf("column %s.%s: %w", o.Table, o.ColumnName, dialect.ErrGeneratedConversion)
	}
	col.Generated = o.Generated.Clone()
	return nil
}

// readdGenerated renders a generated column turned from STORED to VIRTUAL
// or back, which MariaDB's MODIFY refuses ("not yet supported for
// generated columns"): one ALTER TABLE drops it and adds it again at its
// place, its values computed anew. A column an index, key or check names
// is refused, since the DROP would take them along.
func (p *planner) readdGenerated(o *ops.AlterColumn, def string) ([]string, error) {
	t := p.stateTable(o.TableRef)
	if t == nil {
		return nil, fmt.Errorf("column %s.%s: changing STORED and VIRTUAL drops and adds the column, which needs the table in the schema state", o.Table, o.ColumnName)
	}
	if what := namedBy(t, o.ColumnName); what != "" {
		return nil, fmt.Errorf("table %s: changing generated column %s between STORED and VIRTUAL drops and adds it, which would drop %s; drop it before the alter_column and create it after, in the revision", o.Table, o.ColumnName, what)
	}
	place := " FIRST"
	if i := t.ColumnIndex(o.ColumnName); i > 0 {
		place = " AFTER " + p.d.QuoteIdent(t.Columns[i-1].Name)
	}
	return []string{"ALTER TABLE " + p.table(o.TableRef) + " DROP COLUMN " + p.d.QuoteIdent(o.ColumnName) + ", ADD COLUMN " + def + place}, nil
}

// namedBy names an index, key or check of t over column col, or "".
func namedBy(t *metadata.Table, col string) string {
	has := func(cols []string) bool {
		return slices.ContainsFunc(cols, func(c string) bool { return strings.EqualFold(c, col) })
	}
	if t.PrimaryKey != nil && has(t.PrimaryKey.Columns) {
		return "the primary key"
	}
	for _, ix := range t.Indexes {
		if has(ix.Columns) || len(ix.Expressions) > 0 {
			return "index " + ix.Name
		}
	}
	for _, u := range t.Uniques {
		if has(u.Columns) {
			return "unique " + u.Name
		}
	}
	for _, fk := range t.ForeignKeys {
		if has(fk.Columns) {
			return "foreign key " + fk.Name
		}
	}
	for _, c := range t.Checks {
		if strings.Contains(strings.ToLower(c.Expression), strings.ToLower(col)) {
			return "check " + c.Name
		}
	}
	return ""
}
