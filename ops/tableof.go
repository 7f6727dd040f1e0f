package ops

// TableOf returns the table an op acts on, and false for ops that name no
// table (enums, execute, call). CreateTable's table is its definition's.
func TableOf(op Op) (TableRef, bool) {
	switch o := op.(type) {
	case *CreateTable:
		if o.Table == nil {
			return TableRef{}, false
		}
		return TableRef{Schema: o.Table.Schema, Table: o.Table.Name}, true
	case *DropTable:
		return o.TableRef, true
	case *RenameTable:
		return o.TableRef, true
	case *AddColumn:
		return o.TableRef, true
	case *DropColumn:
		return o.TableRef, true
	case *AlterColumn:
		return o.TableRef, true
	case *CreateIndex:
		return o.TableRef, true
	case *DropIndex:
		return o.TableRef, true
	case *RenameIndex:
		return o.TableRef, true
	case *CreateUniqueConstraint:
		return o.TableRef, true
	case *CreateForeignKey:
		return o.TableRef, true
	case *CreateCheckConstraint:
		return o.TableRef, true
	case *CreatePrimaryKey:
		return o.TableRef, true
	case *CreateExclusionConstraint:
		return o.TableRef, true
	case *CommentConstraint:
		return o.TableRef, true
	case *RenameConstraint:
		return o.TableRef, true
	case *DropConstraint:
		return o.TableRef, true
	case *SetTableComment:
		return o.TableRef, true
	case *AlterTable:
		return o.TableRef, true
	case *BulkInsert:
		return o.TableRef, true
	case *BulkDelete:
		return o.TableRef, true
	case *ValidateConstraint:
		return o.TableRef, true
	case *BatchUpdate:
		return o.TableRef, true
	case *BatchDelete:
		return o.TableRef, true
	}
	return TableRef{}, false
}
