package autogen

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// Downgrade returns the exact reverse of upgrade: each op's Reverse, in
// reverse order. Every op Compare emits has one.
func Downgrade(upgrade []ops.Op) ([]ops.Op, error) {
	out := make([]ops.Op, 0, len(upgrade))
	for i := len(upgrade) - 1; i >= 0; i-- {
		r, err := upgrade[i].Reverse()
		if err != nil {
			return nil, fmt.Errorf("autogen: reversing op %d (%s): %w", i+1, upgrade[i].Name(), err)
		}
		out = append(out, r)
	}
	return out, nil
}

// Fill sets r's upgrade to res's ops and its downgrade to their exact
// reverse.
func Fill(r *versions.Revision, res *Result) error {
	down, err := Downgrade(res.Ops)
	if err != nil {
		return err
	}
	r.Upgrade, r.Downgrade = res.Ops, down
	return nil
}

// Render returns r as a revision file (versions.Marshal), with the
// warnings first as comments, for the author's attention. The output is
// stable: the same revision and warnings give the same bytes.
func Render(r *versions.Revision, warnings []string) ([]byte, error) {
	data, err := versions.Marshal(r)
	if err != nil {
		return nil, err
	}
	if len(warnings) == 0 {
		return data, nil
	}
	var b bytes.Buffer
	b.WriteString("# autogenerate wants your attention:\n")
	for _, w := range warnings {
		for _, line := range strings.Split(w, "\n") {
			b.WriteString("#   " + line + "\n")
		}
	}
	b.Write(data)
	return b.Bytes(), nil
}

// Describe returns one line for a change, as Alembic prints it while
// autogenerating: "Detected added table 'users'".
func Describe(o ops.Op) string {
	q := func(r ops.TableRef) string {
		if r.Schema == "" {
			return r.Table
		}
		return r.Schema + "." + r.Table
	}
	switch o := o.(type) {
	case *ops.CreateTable:
		return fmt.Sprintf("Detected added table '%s'", o.Table.QualifiedName())
	case *ops.DropTable:
		return fmt.Sprintf("Detected removed table '%s'", q(o.TableRef))
	case *ops.AddColumn:
		return fmt.Sprintf("Detected added column '%s.%s'", q(o.TableRef), o.Column.Name)
	case *ops.DropColumn:
		return fmt.Sprintf("Detected removed column '%s.%s'", q(o.TableRef), o.ColumnName)
	case *ops.AlterColumn:
		return describeAlter(q(o.TableRef)+"."+o.ColumnName, o)
	case *ops.CreateIndex:
		return fmt.Sprintf("Detected added index '%s' on '%s'", o.Index.Name, q(o.TableRef))
	case *ops.DropIndex:
		return fmt.Sprintf("Detected removed index '%s' on '%s'", o.IndexName, q(o.TableRef))
	case *ops.CreateUniqueConstraint:
		return fmt.Sprintf("Detected added unique constraint '%s' on '%s'", o.Unique.Name, q(o.TableRef))
	case *ops.CreateForeignKey:
		if o.ForeignKey.Name == "" {
			return fmt.Sprintf("Detected added foreign key (%s) -> %s(%s) on '%s'", strings.Join(o.ForeignKey.Columns, ", "),
				o.ForeignKey.RefTable, strings.Join(o.ForeignKey.RefColumns, ", "), q(o.TableRef))
		}
		return fmt.Sprintf("Detected added foreign key '%s' on '%s'", o.ForeignKey.Name, q(o.TableRef))
	case *ops.CreateCheckConstraint:
		return fmt.Sprintf("Detected added check constraint '%s' on '%s'", o.Check.Name, q(o.TableRef))
	case *ops.RenameConstraint:
		return fmt.Sprintf("Detected renamed constraint '%s' to '%s' on '%s'", o.ConstraintName, o.NewName, q(o.TableRef))
	case *ops.CommentConstraint:
		return fmt.Sprintf("Detected changed comment on constraint '%s' on '%s'", o.ConstraintName, q(o.TableRef))
	case *ops.CreateExclusionConstraint:
		return fmt.Sprintf("Detected added exclusion constraint '%s' on '%s'", o.Exclusion.Name, q(o.TableRef))
	case *ops.CreatePrimaryKey:
		return fmt.Sprintf("Detected added primary key (%s) on '%s'", strings.Join(o.PrimaryKey.Columns, ", "), q(o.TableRef))
	case *ops.DropConstraint:
		return fmt.Sprintf("Detected removed %s constraint '%s' on '%s'", constraintWord(o.Type), o.ConstraintName, q(o.TableRef))
	case *ops.CreateEnum:
		return fmt.Sprintf("Detected added enum '%s'", o.Enum.QualifiedName())
	case *ops.DropEnum:
		return fmt.Sprintf("Detected removed enum '%s'", q(ops.TableRef{Schema: o.Schema, Table: o.EnumName}))
	case *ops.AlterEnumAddValue:
		return fmt.Sprintf("Detected added value '%s' of enum '%s'", o.Value, q(ops.TableRef{Schema: o.Schema, Table: o.EnumName}))
	case *ops.SetTableComment:
		return fmt.Sprintf("Detected changed comment on table '%s'", q(o.TableRef))
	case *ops.AlterTable:
		return describeAlterTable(q(o.TableRef), o)
	case *ops.CreateView:
		return fmt.Sprintf("Detected added %s '%s'", o.View.Kind(), o.View.QualifiedName())
	case *ops.DropView:
		return fmt.Sprintf("Detected removed view '%s'", q(o.Ref()))
	case *ops.ReplaceView:
		return fmt.Sprintf("Detected changed %s '%s'", o.View.Kind(), o.View.QualifiedName())
	case *ops.CreateSequence:
		return fmt.Sprintf("Detected added sequence '%s'", o.Sequence.QualifiedName())
	case *ops.DropSequence:
		return fmt.Sprintf("Detected removed sequence '%s'", q(ops.TableRef{Schema: o.Schema, Table: o.SequenceName}))
	case *ops.RenameSequence:
		return fmt.Sprintf("Detected renamed sequence '%s' to '%s'", q(ops.TableRef{Schema: o.Schema, Table: o.SequenceName}), o.NewName)
	case *ops.CreateDomain:
		return fmt.Sprintf("Detected added domain '%s'", o.Domain.QualifiedName())
	case *ops.DropDomain:
		return fmt.Sprintf("Detected removed domain '%s'", q(ops.TableRef{Schema: o.Schema, Table: o.DomainName}))
	case *ops.AlterDomain:
		return fmt.Sprintf("Detected changed domain '%s'", q(ops.TableRef{Schema: o.Schema, Table: o.DomainName}))
	case *ops.CreateExtension:
		return fmt.Sprintf("Detected added extension '%s'", o.Extension.Name)
	case *ops.DropExtension:
		return fmt.Sprintf("Detected removed extension '%s'", o.ExtensionName)
	case *ops.CreateRoutine, *ops.DropRoutine, *ops.ReplaceRoutine, *ops.CreateTrigger, *ops.DropTrigger, *ops.ReplaceTrigger:
		return describeRoutineOp(o)
	case *ops.CreateRule, *ops.DropRule, *ops.ReplaceRule:
		return describeRuleOp(o)
	case *ops.CreatePolicy, *ops.DropPolicy, *ops.ReplacePolicy, *ops.AlterRowSecurity:
		return describePolicyOp(o)
	case *ops.CreateEvent:
		return fmt.Sprintf("Detected added event '%s'", o.Event.QualifiedName())
	case *ops.DropEvent:
		return fmt.Sprintf("Detected removed event '%s'", q(ops.TableRef{Schema: o.Schema, Table: o.EventName}))
	case *ops.ReplaceEvent:
		return fmt.Sprintf("Detected changed event '%s'", o.Event.QualifiedName())
	case *ops.CommentSchema:
		return fmt.Sprintf("Detected changed comment on schema '%s'", o.SchemaName)
	case *ops.GrantSchema:
		return fmt.Sprintf("Detected %s granted on schema '%s' to %s", strings.Join(o.Privileges, ", "), o.SchemaName, o.Role)
	case *ops.RevokeSchema:
		return fmt.Sprintf("Detected %s revoked on schema '%s' from %s", strings.Join(o.Privileges, ", "), o.SchemaName, o.Role)
	}
	return "Detected " + o.Name()
}

func constraintWord(t string) string {
	switch t {
	case ops.ConstraintForeignKey:
		return "foreign key"
	case ops.ConstraintPrimary:
		return "primary key"
	}
	return t
}

// describeAlter names each change an alter_column makes.
func describeAlter(col string, o *ops.AlterColumn) string {
	var parts []string
	if o.Type != nil {
		from := "?"
		if o.ExistingType != nil {
			from = o.ExistingType.String()
		}
		parts = append(parts, fmt.Sprintf("type change from %s to %s", from, o.Type.String()))
	}
	if o.Nullable != nil {
		if *o.Nullable {
			parts = append(parts, "NULL")
		} else {
			parts = append(parts, "NOT NULL")
		}
	}
	if o.Default != nil {
		parts = append(parts, "server default change")
	}
	if o.Comment != nil {
		parts = append(parts, "column comment change")
	}
	if o.AutoIncrement != nil {
		parts = append(parts, "autoincrement change")
	} else if o.Identity != nil || o.Sequence != nil {
		parts = append(parts, "identity change from "+identityText(o.ExistingIdentity)+" to "+identityText(o.Identity))
	}
	if o.Charset != nil || o.Collation != nil {
		parts = append(parts, "charset/collation change from "+charsetText(o.ExistingCharset, o.ExistingCollation, "the table's")+
			" to "+charsetText(o.Charset, o.Collation, "the table's"))
	}
	if o.Generated != nil {
		parts = append(parts, "generation expression change")
	}
	if o.Attributes != nil {
		parts = append(parts, "storage/statistics/options change")
	}
	return fmt.Sprintf("Detected %s on '%s'", strings.Join(parts, ", "), col)
}

func identityText(kind *string) string {
	if kind == nil || *kind == "" {
		return "identity"
	}
	return *kind
}

// describeAlterTable names each change an alter_table makes.
func describeAlterTable(table string, o *ops.AlterTable) string {
	var parts []string
	if o.Charset != nil || o.Collation != nil {
		parts = append(parts, "table charset/collation change from "+charsetText(o.ExistingCharset, o.ExistingCollation, "the default")+
			" to "+charsetText(o.Charset, o.Collation, "the default"))
	}
	if o.RowFormat != nil {
		parts = append(parts, "row format change from "+orText(o.ExistingRowFormat, "the default")+" to "+orText(o.RowFormat, "the default"))
	}
	return fmt.Sprintf("Detected %s on '%s'", strings.Join(parts, ", "), table)
}

// charsetText spells a charset and collation pair ("utf8mb4/utf8mb4_bin",
// "ascii"), or none when both are empty.
func charsetText(cs, co *string, none string) string {
	a, b := orText(cs, ""), orText(co, "")
	switch {
	case a != "" && b != "":
		return a + "/" + b
	case a != "" || b != "":
		return a + b
	}
	return none
}

func orText(s *string, none string) string {
	if s == nil || *s == "" {
		return none
	}
	return *s
}
