package ops

import (
	"slices"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// The keys of the schema.yaml elements that ops carry, as metadata reads
// them; an op's mapping has these and keys of its own (table, schema).
var (
	tableKeys      = metadata.Keys("table")
	primaryKeyKeys = metadata.Keys(metadata.KindPrimaryKey)
	foreignKeyKeys = metadata.Keys(metadata.KindForeignKey)
	uniqueKeys     = metadata.Keys(metadata.KindUnique)
	checkKeys      = metadata.Keys(metadata.KindCheck)
	exclusionKeys  = metadata.Keys("exclusion")
	indexKeys      = metadata.Keys(metadata.KindIndex)
)

// tableDefinition are the keys of a table beyond its name, which drop_table
// takes only with the columns.
var tableDefinition = slices.DeleteFunc(slices.Clone(tableKeys), func(k string) bool { return k == "schema" || k == "name" })

// columnAdvice is what add_column and drop_column say of a column's key
// flags (unique: true, ...), which a column alone cannot carry.
const columnAdvice = "add it with its own op (create_unique_constraint, create_index, create_foreign_key, create_primary_key)"

// withRef returns keys with table and schema added.
func withRef(keys ...string) []string { return append([]string{"table", "schema"}, keys...) }

// valueOf returns the value of key in the mapping n, or nil: a look ahead,
// before the mapping is read.
func valueOf(n *yaml.Node, key string) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
		if metadata.DerefNode(n.Content[i]).Value == key {
			return metadata.DerefNode(n.Content[i+1])
		}
	}
	return nil
}

// labelled names an op in messages by a key of its mapping, when present.
func labelled(op string, n *yaml.Node, key string) string {
	if v := valueOf(n, key); v != nil && v.Kind == yaml.ScalarNode && v.Value != "" {
		return op + " " + v.Value
	}
	return op
}

// ref reads table and schema.
func (o obj) ref() TableRef { return TableRef{Schema: o.str("schema"), Table: o.required("table")} }

// element reads the fields of o that are those of a schema.yaml element
// (keys) with metadata's decode, reporting its problems as the op's.
func element[T any](d *decoder, o obj, keys []string, decode func(file string, n *yaml.Node, what string) (T, error)) T {
	v, err := decode(d.file, o.only(keys), o.what)
	d.add(err)
	return v
}

// table reads a whole table, as schema.yaml writes it.
func (d *decoder) table(n *yaml.Node, what string) *metadata.Table {
	t, err := metadata.DecodeTable(d.file, n, what)
	d.add(err)
	return t
}

// column reads a column standing alone: without key flags.
func (d *decoder) column(n *yaml.Node, what string) *metadata.Column {
	c, err := metadata.DecodeColumn(d.file, n, what, columnAdvice)
	d.add(err)
	return c
}

// typeValue reads alter_column's type or existing_type: a type as text, or
// a mapping {type | native, variants}.
func (d *decoder) typeValue(n *yaml.Node, what string) *metadata.Type {
	t, err := metadata.DecodeType(d.file, n, what)
	d.add(err)
	return &t
}

func decodeCreateTable(d *decoder, n *yaml.Node) Op {
	return &CreateTable{Table: d.table(n, labelled("create_table", n, "name"))}
}

func decodeDropTable(d *decoder, n *yaml.Node) Op {
	what := labelled("drop_table", n, "name")
	// A carried table has its columns; a carried partition its parent's
	// and its partition_of instead.
	if valueOf(n, "columns") != nil || valueOf(n, "partition_of") != nil || valueOf(n, "inherits") != nil {
		op := &DropTable{Table: d.table(n, what)}
		if op.Table != nil {
			op.TableRef = TableRef{Schema: op.Table.Schema, Table: op.Table.Name}
		}
		return op
	}
	o := d.obj(n, what, tableKeys)
	op := &DropTable{TableRef: TableRef{Schema: o.str("schema"), Table: o.required("name")}}
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

// alterTableKeys are alter_table's keys after table and schema.
var alterTableKeys = []string{"charset", "collation", "row_format",
	"existing_charset", "existing_collation", "existing_row_format"}

func decodeAlterTable(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_table", n, "table"), withRef(alterTableKeys...))
	return &AlterTable{TableRef: o.ref(),
		Charset: o.optStr("charset"), Collation: o.optStr("collation"), RowFormat: o.optStr("row_format"),
		ExistingCharset: o.optStr("existing_charset"), ExistingCollation: o.optStr("existing_collation"),
		ExistingRowFormat: o.optStr("existing_row_format")}
}

func decodeAddColumn(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("add_column", n, "table"), withRef(withMode("column")...))
	op := &AddColumn{TableRef: o.ref(), AlterMode: o.alterMode()}
	if !o.has("column") {
		if o.f != nil {
			d.errorf(o.n, "%s: column is missing (column: {name: ..., type: ...})", o.what)
		}
		return op
	}
	op.Column = d.column(o.val("column"), o.sub("column"))
	return op
}

func decodeDropColumn(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_column", n, "table"), withRef(withMode("column")...))
	op := &DropColumn{TableRef: o.ref(), AlterMode: o.alterMode()}
	if c := o.val("column"); c != nil && c.Kind == yaml.MappingNode {
		if op.Column = d.column(c, o.sub("column")); op.Column != nil {
			op.ColumnName = op.Column.Name
		}
	} else {
		op.ColumnName = o.required("column")
	}
	return op
}

// alterKeys are alter_column's keys after table, schema and column.
var alterKeys = []string{"new_name", "type", "nullable", "default", "comment", "autoincrement", "charset", "collation",
	"identity", "sequence", "generated", "attributes",
	"existing_type", "existing_nullable", "existing_default", "existing_comment", "existing_autoincrement",
	"existing_charset", "existing_collation", "existing_identity", "existing_sequence", "existing_generated",
	"existing_attributes"}

func decodeAlterColumn(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_column", n, "table"), withRef(withMode(append([]string{"column", "online"}, alterKeys...)...)...))
	op := &AlterColumn{
		TableRef:              o.ref(),
		AlterMode:             o.alterMode(),
		Online:                o.boolean("online"),
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
		Charset:               o.optStr("charset"),
		Collation:             o.optStr("collation"),
		ExistingCharset:       o.optStr("existing_charset"),
		ExistingCollation:     o.optStr("existing_collation"),
		Identity:              o.optStr("identity"),
		ExistingIdentity:      o.optStr("existing_identity"),
	}
	for key, dst := range map[string]**metadata.Sequence{"sequence": &op.Sequence, "existing_sequence": &op.ExistingSequence} {
		if o.has(key) {
			s, err := metadata.DecodeSequence(d.file, o.val(key), o.sub(key))
			d.add(err)
			*dst = s
		}
	}
	for key, dst := range map[string]**metadata.Generated{"generated": &op.Generated, "existing_generated": &op.ExistingGenerated} {
		if o.has(key) {
			g, err := metadata.DecodeGenerated(d.file, o.val(key), o.sub(key))
			d.add(err)
			*dst = g
		}
	}
	for key, dst := range map[string]**metadata.ColumnAttributes{"attributes": &op.Attributes, "existing_attributes": &op.ExistingAttributes} {
		if o.has(key) {
			a, err := metadata.DecodeColumnAttributes(d.file, o.val(key), o.sub(key))
			d.add(err)
			*dst = &a
		}
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
	o := d.obj(n, labelled("create_index", n, "name"), withRef(withMode(append(slices.Clip(indexKeys), "concurrently")...)...))
	return &CreateIndex{TableRef: o.ref(), AlterMode: o.alterMode(), Index: element(d, o, indexKeys, metadata.DecodeIndex), Concurrently: o.boolean("concurrently")}
}

func decodeDropIndex(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_index", n, "name"), withRef(withMode(append(slices.Clip(indexKeys), "concurrently")...)...))
	op := &DropIndex{TableRef: o.ref(), AlterMode: o.alterMode(), IndexName: o.required("name"), Concurrently: o.boolean("concurrently")}
	if o.has("columns") || o.has("expressions") || o.has("keys") {
		op.Index = element(d, o, indexKeys, metadata.DecodeIndex)
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
	o := d.obj(n, labelled("create_unique_constraint", n, "name"), withRef(withMode(uniqueKeys...)...))
	return &CreateUniqueConstraint{TableRef: o.ref(), AlterMode: o.alterMode(), Unique: element(d, o, uniqueKeys, metadata.DecodeUnique)}
}

func decodeCreateForeignKey(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_foreign_key", n, "name"), withRef(withMode(foreignKeyKeys...)...))
	return &CreateForeignKey{TableRef: o.ref(), AlterMode: o.alterMode(), ForeignKey: element(d, o, opElementKeys(foreignKeyKeys), metadata.DecodeForeignKey), NotValid: o.boolean("not_valid")}
}

func decodeCreateCheck(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_check_constraint", n, "name"), withRef(withMode(checkKeys...)...))
	return &CreateCheckConstraint{TableRef: o.ref(), AlterMode: o.alterMode(), Check: element(d, o, opElementKeys(checkKeys), metadata.DecodeCheck), NotValid: o.boolean("not_valid")}
}

func decodeCreatePrimaryKey(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_primary_key", n, "name"), withRef(primaryKeyKeys...))
	return &CreatePrimaryKey{TableRef: o.ref(), PrimaryKey: element(d, o, primaryKeyKeys, metadata.DecodePrimaryKey)}
}

// constraintKeys are the keys of each type of constraint's definition,
// beyond name.
var constraintKeys = map[string][]string{
	ConstraintUnique:     uniqueKeys[1:],
	ConstraintPrimary:    primaryKeyKeys[1:],
	ConstraintCheck:      checkKeys[1:],
	ConstraintForeignKey: foreignKeyKeys[1:],
	ConstraintExclude:    exclusionKeys[1:],
}

// constraintDefinitionKeys are drop_constraint's keys that give the
// definition for the reverse: every type's, each once.
var constraintDefinitionKeys = func() []string {
	var out []string
	for _, typ := range []string{ConstraintCheck, ConstraintForeignKey, ConstraintUnique, ConstraintPrimary, ConstraintExclude} {
		for _, k := range constraintKeys[typ] {
			if !slices.Contains(out, k) {
				out = append(out, k)
			}
		}
	}
	return out
}()

func decodeDropConstraint(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_constraint", n, "name"), append(withRef(withMode("name", "type", "not_valid")...), opElementKeys(constraintDefinitionKeys)...))
	op := &DropConstraint{TableRef: o.ref(), AlterMode: o.alterMode(), Type: o.str("type"), NotValid: o.boolean("not_valid")}
	if o.has("name") || !o.has("ref_table") {
		op.ConstraintName = o.required("name") // only a foreign key may go by its columns
	}
	if op.Type != "" && !slices.Contains(constraintTypes, op.Type) {
		d.errorf(o.val("type"), "%s: unknown type %q%s", o.what, op.Type, hint(op.Type, constraintTypes))
		return op
	}
	typ := op.Type
	if typ == "" {
		typ = inferConstraintType(o)
	}
	given := false
	for _, k := range opElementKeys(constraintDefinitionKeys) {
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
	case o.has("elements"):
		return ConstraintExclude
	}
	return ""
}

// opElementKeys is keys without not_valid: in a revision file that key is
// the op's NotValid, said once, not its element's.
func opElementKeys(keys []string) []string {
	return slices.DeleteFunc(slices.Clone(keys), func(k string) bool { return k == "not_valid" })
}

func setConstraintDefinition(d *decoder, o obj, op *DropConstraint, typ string) {
	switch typ {
	case ConstraintUnique:
		op.Unique = element(d, o, uniqueKeys, metadata.DecodeUnique)
	case ConstraintPrimary:
		op.PrimaryKey = element(d, o, primaryKeyKeys, metadata.DecodePrimaryKey)
	case ConstraintCheck:
		op.Check = element(d, o, opElementKeys(checkKeys), metadata.DecodeCheck)
	case ConstraintForeignKey:
		op.ForeignKey = element(d, o, opElementKeys(foreignKeyKeys), metadata.DecodeForeignKey)
	case ConstraintExclude:
		op.Exclusion = element(d, o, exclusionKeys, metadata.DecodeExclusion)
	}
}
