package ops

import (
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/metadata"
)

var enumKeys = []string{"name", "schema", "values"}

func decodeCreateEnum(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("create_enum", n, "name"), enumKeys)
	if !o.has("values") && o.f != nil {
		d.errorf(o.n, "%s: values is missing (values: [a, b, c])", o.what)
	}
	return &CreateEnum{Enum: &metadata.Enum{Schema: o.str("schema"), Name: o.required("name"), Values: o.strings("values")}}
}

func decodeDropEnum(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("drop_enum", n, "name"), enumKeys)
	op := &DropEnum{Schema: o.str("schema"), EnumName: o.required("name")}
	if o.has("values") {
		op.Enum = &metadata.Enum{Schema: op.Schema, Name: op.EnumName, Values: o.strings("values")}
	}
	return op
}

var enumValueKeys = []string{"name", "schema", "value", "before", "after"}

func decodeAlterEnumAddValue(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_enum_add_value", n, "name"), enumValueKeys)
	return &AlterEnumAddValue{Schema: o.str("schema"), EnumName: o.required("name"), Value: o.required("value"),
		Before: o.str("before"), After: o.str("after")}
}

func decodeAlterEnumDropValue(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("alter_enum_drop_value", n, "name"), enumValueKeys)
	return &AlterEnumDropValue{Schema: o.str("schema"), EnumName: o.required("name"), Value: o.required("value"),
		Before: o.str("before"), After: o.str("after")}
}

// dialectNames are the keys execute accepts besides sql.
var dialectNames = struct {
	sync.RWMutex
	names []string
}{names: []string{"mysql", "postgresql", "sqlite"}}

// RegisterDialectName adds a dialect name that execute accepts as a key
// ("cockroachdb"), for a dialect added outside this module. The shipped
// dialects (postgresql, mysql, sqlite) are known already.
func RegisterDialectName(name string) {
	dialectNames.Lock()
	defer dialectNames.Unlock()
	if !slices.Contains(dialectNames.names, name) {
		dialectNames.names = append(dialectNames.names, name)
		slices.Sort(dialectNames.names)
	}
}

func knownDialects() []string {
	dialectNames.RLock()
	defer dialectNames.RUnlock()
	return slices.Clone(dialectNames.names)
}

func decodeExecute(d *decoder, n *yaml.Node) Op {
	if n.Kind == yaml.ScalarNode && !metadata.IsNullNode(n) {
		return &Execute{SQL: n.Value}
	}
	dialects := knownDialects()
	o := d.obj(n, "execute", append([]string{"sql"}, dialects...))
	op := &Execute{SQL: o.str("sql")}
	for _, name := range dialects {
		if o.has(name) {
			if op.PerDialect == nil {
				op.PerDialect = map[string]string{}
			}
			op.PerDialect[name] = o.str(name)
		}
	}
	return op
}

var onConflicts = []string{OnConflictSkip, OnConflictUpdate}

func decodeBulkInsert(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("bulk_insert", n, "table"), withRef("rows", "file", "on_conflict", "key"))
	op := &BulkInsert{TableRef: o.ref(), File: o.str("file"), OnConflict: o.str("on_conflict"), Key: o.str("key")}
	if op.OnConflict != "" && !slices.Contains(onConflicts, op.OnConflict) {
		d.errorf(o.val("on_conflict"), "%s: unknown on_conflict %q%s", o.what, op.OnConflict, hint(op.OnConflict, onConflicts))
	}
	if o.has("rows") {
		op.Columns, op.Rows = d.rows(o.val("rows"), o.sub("rows"))
	}
	return op
}

func decodeBulkDelete(d *decoder, n *yaml.Node) Op {
	o := d.obj(n, labelled("bulk_delete", n, "table"), withRef("rows", "file", "key"))
	op := &BulkDelete{TableRef: o.ref(), File: o.str("file"), Key: o.str("key")}
	if o.has("rows") {
		op.Columns, op.Rows = d.rows(o.val("rows"), o.sub("rows"))
	}
	return op
}

func decodeCall(d *decoder, n *yaml.Node) Op {
	if n.Kind == yaml.ScalarNode && !metadata.IsNullNode(n) {
		return &Call{Function: n.Value}
	}
	o := d.obj(n, labelled("call", n, "function"), []string{"function", "reverse"})
	return &Call{Function: o.required("function"), ReverseName: o.str("reverse")}
}
