package ops

import (
	"slices"

	"go.yaml.in/yaml/v3"
)

// withRef returns keys with table and schema added.
func withRef(keys ...string) []string { return append([]string{"table", "schema"}, keys...) }

// labelled names an op in messages by a key of its mapping, when present.
func labelled(op string, n *yaml.Node, key string) string {
	if s := scalarOf(n, key); s != "" {
		return op + " " + s
	}
	return op
}

// ref reads table and schema.
func (o obj) ref() TableRef { return TableRef{Schema: o.str("schema"), Table: o.required("table")} }

func decodeCreateTable(d *decoder, n *yaml.Node) Op {
	return &CreateTable{Table: d.table(d.obj(n, labelled("create_table", n, "name"), tableKeys))}
}

func decodeDropTable(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_table", n, "name"), tableKeys)
	op := &DropTable{TableRef: TableRef{Schema: o.str("schema"), Table: o.required("name")}}
	if o.has("columns") {
		op.Table = d.table(o)
		return op
	}
	for _, k := range tableDefinition {
		if o.has(k) {
			d.errorf(o.f[k].key, "%s: %s is part of the table's definition, which needs its columns too: give the whole table (as in create_table), or only its name", o.what, k)
		}
	}
	return op
}

func decodeRenameTable(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("rename_table", n, "table"), withRef("new_name"))
	return &RenameTable{TableRef: o.ref(), NewName: o.required("new_name")}
}

func decodeSetTableComment(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("set_table_comment", n, "table"), withRef("comment", "existing_comment"))
	if !o.has("comment") && o.f != nil {
		d.errorf(o.n, "%s: comment is missing (null removes the comment)", o.what)
	}
	return &SetTableComment{TableRef: o.ref(), Comment: o.str("comment"), ExistingComment: o.optStr("existing_comment")}
}

func decodeAddColumn(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("add_column", n, "table"), withRef("column"))
	op := &AddColumn{TableRef: o.ref()}
	if !o.has("column") {
		if o.f != nil {
			d.errorf(o.n, "%s: column is missing (column: {name: ..., type: ...})", o.what)
		}
		return op
	}
	op.Column = d.column(o.val("column"), o.sub("column"), nil)
	return op
}

func decodeDropColumn(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_column", n, "table"), withRef("column"))
	op := &DropColumn{TableRef: o.ref()}
	if c := o.val("column"); c != nil && c.Kind == yaml.MappingNode {
		op.Column = d.column(c, o.sub("column"), nil)
		op.ColumnName = op.Column.Name
	} else {
		op.ColumnName = o.required("column")
	}
	return op
}

// alterKeys are alter_column's keys after table, schema and column.
var alterKeys = []string{"new_name", "type", "nullable", "default", "comment", "autoincrement",
	"existing_type", "existing_nullable", "existing_default", "existing_comment", "existing_autoincrement"}

func decodeAlterColumn(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_column", n, "table"), withRef(append([]string{"column"}, alterKeys...)...))
	op := &AlterColumn{
		TableRef:              o.ref(),
		ColumnName:            o.required("column"),
		NewName:               o.str("new_name"),
		Nullable:              o.optBool("nullable"),
		Default:               o.optStr("default"),
		Comment:               o.optStr("comment"),
		AutoIncrement:         o.optBool("autoincrement"),
		ExistingNullable:      o.optBool("existing_nullable"),
		ExistingDefault:       o.optStr("existing_default"),
		ExistingComment:       o.optStr("existing_comment"),
		ExistingAutoIncrement: o.optBool("existing_autoincrement"),
	}
	if o.has("type") {
		op.Type = d.typeValue(o.val("type"), o.sub("type"))
	}
	if o.has("existing_type") {
		op.ExistingType = d.typeValue(o.val("existing_type"), o.sub("existing_type"))
	}
	return op
}

func decodeCreateIndex(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_index", n, "name"), withRef(indexKeys...))
	return &CreateIndex{TableRef: o.ref(), Index: d.index(o)}
}

func decodeDropIndex(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_index", n, "name"), withRef(indexKeys...))
	op := &DropIndex{TableRef: o.ref(), IndexName: o.required("name")}
	if o.has("columns") || o.has("expressions") {
		op.Index = d.index(o)
		return op
	}
	for _, k := range []string{"unique", "where", "using"} {
		if o.has(k) {
			d.errorf(o.f[k].key, "%s: %s is part of the index's definition, which needs its columns (or expressions) too", o.what, k)
		}
	}
	return op
}

func decodeCreateUnique(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_unique_constraint", n, "name"), withRef(uniqueKeys...))
	return &CreateUniqueConstraint{TableRef: o.ref(), Unique: d.unique(o)}
}

func decodeCreateForeignKey(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_foreign_key", n, "name"), withRef(foreignKeyKeys...))
	return &CreateForeignKey{TableRef: o.ref(), ForeignKey: d.foreignKey(o)}
}

func decodeCreateCheck(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_check_constraint", n, "name"), withRef(checkKeys...))
	return &CreateCheckConstraint{TableRef: o.ref(), Check: d.check(o)}
}

func decodeCreatePrimaryKey(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_primary_key", n, "name"), withRef(primaryKeyKeys...))
	return &CreatePrimaryKey{TableRef: o.ref(), PrimaryKey: d.primaryKey(o)}
}

// constraintKeys are the keys of each type of constraint's definition,
// beyond name.
var constraintKeys = map[string][]string{
	ConstraintUnique:     {"columns"},
	ConstraintPrimary:    {"columns"},
	ConstraintCheck:      {"expression"},
	ConstraintForeignKey: foreignKeyKeys[1:],
}

// constraintDefinitionKeys are drop_constraint's keys that give the
// definition for the reverse.
var constraintDefinitionKeys = append([]string{"expression"}, foreignKeyKeys[1:]...)

func decodeDropConstraint(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_constraint", n, "name"), append(withRef("name", "type"), constraintDefinitionKeys...))
	op := &DropConstraint{TableRef: o.ref(), ConstraintName: o.required("name"), Type: o.str("type")}
	if op.Type != "" && !slices.Contains(constraintTypes, op.Type) {
		d.errorf(o.val("type"), "%s: unknown type %q%s", o.what, op.Type, hint(op.Type, constraintTypes))
		return op
	}
	typ := op.Type
	if typ == "" {
		typ = inferConstraintType(o)
	}
	given := false
	for _, k := range constraintDefinitionKeys {
		switch {
		case !o.has(k):
		case typ == "":
			d.errorf(o.f[k].key, "%s: give the constraint's type (type: unique or primary) with its definition", o.what)
			return op
		case !slices.Contains(constraintKeys[typ], k):
			d.errorf(o.f[k].key, "%s: %s is not part of a %s constraint's definition", o.what, k, typ)
			return op
		default:
			given = true
		}
	}
	if given {
		setConstraintDefinition(d, o, op, typ)
	}
	return op
}

// inferConstraintType guesses the type from the definition's keys when
// type is not given: ref_table means a foreign key, expression a check.
func inferConstraintType(o obj) string {
	switch {
	case o.has("ref_table"):
		return ConstraintForeignKey
	case o.has("expression"):
		return ConstraintCheck
	}
	return ""
}

func setConstraintDefinition(d *decoder, o obj, op *DropConstraint, typ string) {
	switch typ {
	case ConstraintUnique:
		op.Unique = d.unique(o)
	case ConstraintPrimary:
		op.PrimaryKey = d.primaryKey(o)
	case ConstraintCheck:
		op.Check = d.check(o)
	case ConstraintForeignKey:
		op.ForeignKey = d.foreignKey(o)
	}
}
