package mysql

import (
	"fmt"
	"strings"

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
	rest := o.Type != nil || o.Nullable != nil || o.Comment != nil || o.AutoIncrement != nil
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
	if o.NewName != "" {
		col.Name = o.NewName
	}
	def, err := p.columnDef(o.Schema, col, nil)
	if err != nil {
		return nil, err
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
	return c, nil
}
