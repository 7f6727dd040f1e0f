// Package ops holds Retort's migration operations: typed values, one struct
// per operation of DESIGN.md (Alembic's names), their YAML codec (the body of
// a revision file), Reverse, validation, and Apply, which folds an operation
// onto a [metadata.MetaData] so a history can be replayed without a database.
//
// [Op] is a closed sum type: every operation has the unexported op method, so
// a type switch over the structs of this package is exhaustive.
//
// Every operation that autogenerate emits carries what its reverse needs
// (a DropColumn carries the dropped column, an AlterColumn its Existing*
// fields), so Reverse is exact. An operation written by hand without that
// information reverses with an error that says which field to add.
package ops
