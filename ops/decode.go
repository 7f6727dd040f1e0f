package ops

import (
	"slices"
	"strconv"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

// decoders maps each op's name to the function that reads its value.
var decoders = map[string]func(d *decoder, n *yaml.Node) Op{
	"create_table":              decodeCreateTable,
	"drop_table":                decodeDropTable,
	"rename_table":              decodeRenameTable,
	"set_table_comment":         decodeSetTableComment,
	"alter_table":               decodeAlterTable,
	"add_column":                decodeAddColumn,
	"drop_column":               decodeDropColumn,
	"alter_column":              decodeAlterColumn,
	"create_index":              decodeCreateIndex,
	"drop_index":                decodeDropIndex,
	"rename_index":              decodeRenameIndex,
	"create_unique_constraint":  decodeCreateUnique,
	"create_foreign_key":        decodeCreateForeignKey,
	"create_check_constraint":   decodeCreateCheck,
	"create_primary_key":        decodeCreatePrimaryKey,
	"create_exclude_constraint": decodeCreateExclusion,
	"drop_constraint":           decodeDropConstraint,
	"create_enum":               decodeCreateEnum,
	"drop_enum":                 decodeDropEnum,
	"alter_enum_add_value":      decodeAlterEnumAddValue,
	"alter_enum_drop_value":     decodeAlterEnumDropValue,
	"create_sequence":           decodeCreateSequence,
	"drop_sequence":             decodeDropSequence,
	"rename_sequence":           decodeRenameSequence,
	"create_view":               decodeCreateView,
	"drop_view":                 decodeDropView,
	"replace_view":              decodeReplaceView,
	"create_domain":             decodeCreateDomain,
	"drop_domain":               decodeDropDomain,
	"alter_domain":              decodeAlterDomain,
	"create_extension":          decodeCreateExtension,
	"drop_extension":            decodeDropExtension,
	"execute":                   decodeExecute,
	"bulk_insert":               decodeBulkInsert,
	"bulk_delete":               decodeBulkDelete,
	"call":                      decodeCall,
	"batch_update":              decodeBatchUpdate,
	"batch_delete":              decodeBatchDelete,
	"validate_constraint":       decodeValidateConstraint,
}

// Names lists the names of every op, sorted.
func Names() []string {
	names := make([]string, 0, len(decoders))
	for n := range decoders {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// DecodeList reads a list of ops, the value of a revision file's upgrade or
// downgrade key: a sequence of single-key mappings, the key naming the op
// (- add_column: {table: users, column: {...}}). A document node is read
// as its content; null is an empty list. Each op is validated.
//
// file is used in messages only. Every problem is reported, as a
// [metadata.ErrorList] of [*metadata.Error] in file order, each at the
// line and column of the node at fault.
func DecodeList(file string, n *yaml.Node) ([]Op, error) {
	d := &decoder{file: file}
	n = metadata.DerefNode(n)
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = metadata.DerefNode(n.Content[0])
	}
	var list []Op
	for _, item := range d.list(n, "the operations") {
		if o := d.op(item); o != nil {
			list = append(list, o)
		}
	}
	if len(d.errs) > 0 {
		d.errs.Sort()
		return nil, d.errs
	}
	return list, nil
}

// op reads one item of the list and validates it.
func (d *decoder) op(item *yaml.Node) Op {
	if item.Kind != yaml.MappingNode || len(item.Content) != 2 {
		d.errorf(item, "an operation is a mapping with one key, its name, as in - add_column: {table: ..., column: {...}}; this is %s", describeItem(item))
		return nil
	}
	key, val := metadata.DerefNode(item.Content[0]), metadata.DerefNode(item.Content[1])
	decode, ok := decoders[key.Value]
	if !ok || key.Kind != yaml.ScalarNode {
		d.errorf(key, "unknown operation %q%s", key.Value, hint(key.Value, Names()))
		return nil
	}
	before := len(d.errs)
	o := decode(d, val)
	if len(d.errs) > before {
		return nil
	}
	if err := o.Validate(); err != nil {
		d.errorf(val, "%v", err)
		return nil
	}
	return o
}

func describeItem(n *yaml.Node) string {
	if n.Kind == yaml.MappingNode {
		return "a mapping with " + strconv.Itoa(len(n.Content)/2) + " keys"
	}
	return metadata.DescribeNode(n)
}
