package postgres

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// Plan renders each op as PostgreSQL statements. It folds the ops onto a
// copy of state (with [ops.Apply]) when an op needs to see the schema the
// earlier ops made (dropping an enum value needs the columns that use it;
// bulk ops need keys), and only then, so planning a long run of
// create_table stays cheap. Unnamed constraints and indexes get the names
// the model's naming convention gives them, the same names ops.Apply
// records.
func (p Postgres) Plan(state *metadata.MetaData, list []ops.Op) ([]dialect.Statement, error) {
	cur := state.Clone()
	if cur == nil {
		cur = metadata.New()
	}
	folded := 0 // list[:folded] is applied to cur
	fold := func(upto int) error {
		for ; folded < upto; folded++ {
			o := list[folded]
			if err := ops.Apply(cur, o); err != nil && !errors.Is(err, ops.ErrNotFoldable) {
				return fmt.Errorf("postgresql: op %d (%s): %w", folded+1, o.Name(), err)
			}
		}
		return nil
	}
	if err := dialect.RefuseAlterModes("postgresql", "use concurrently: for indexes, not_valid: and validate_constraint for constraints, online: for SET NOT NULL", list); err != nil {
		return nil, err
	}
	var out []dialect.Statement
	made := map[string]bool{} // schemas this run made sure of
	for i, o := range list {
		if s := schemaOf(o); s != "" && !made[s] && !hasSchema(state, s) {
			made[s] = true
			st := p.createSchema(s)
			st.Op = i
			out = append(out, st)
		}
		if needsState(o) {
			if err := fold(i); err != nil {
				return nil, err
			}
		}
		sqls, err := p.planOp(cur, o)
		if err == nil {
			var more []dialect.Statement
			more, err = p.addedComment(cur, o)
			sqls = append(sqls, more...)
		}
		if err != nil {
			return nil, fmt.Errorf("postgresql: op %d (%s): %w", i+1, o.Name(), err)
		}
		sqls = append(versionGuards(o), sqls...)
		for _, s := range sqls {
			s.Op = i
			out = append(out, s)
		}
	}
	return out, nil
}

// needsState reports whether planning o reads the schema before it.
func needsState(o ops.Op) bool {
	switch o := o.(type) {
	case *ops.CreateTable, *ops.DropTable, *ops.RenameTable, *ops.AddColumn, *ops.DropColumn,
		*ops.DropIndex, *ops.CreateEnum, *ops.DropEnum, *ops.AlterEnumAddValue,
		*ops.SetTableComment, *ops.Execute, *ops.Call,
		*ops.CreateSequence, *ops.DropSequence, *ops.RenameSequence,
		*ops.CreateView, *ops.DropView, *ops.ReplaceView,
		*ops.CreateDomain, *ops.DropDomain, *ops.AlterDomain, *ops.CreateExtension, *ops.DropExtension:
		return false
	case *ops.CreateIndex:
		return o.Index.Name == ""
	}
	return true
}

// stmts wraps SQL texts without arguments as statements.
func stmts(sqls ...string) []dialect.Statement {
	out := make([]dialect.Statement, len(sqls))
	for i, s := range sqls {
		out[i] = dialect.Statement{SQL: s}
	}
	return out
}

func (p Postgres) planOp(m *metadata.MetaData, o ops.Op) ([]dialect.Statement, error) {
	if err := dialect.RefuseEvent("postgresql", o); err != nil {
		return nil, err
	}
	if out, ok, err := p.planView(o); ok {
		return out, err
	}
	if out, ok, err := p.planRoutine(o); ok {
		return out, err
	}
	if out, ok, err := p.planRule(o); ok {
		return out, err
	}
	if out, ok, err := p.planPolicy(o); ok {
		return out, err
	}
	if out, ok, err := p.planSchemaGrant(o); ok {
		return out, err
	}
	if c, ok := o.(*ops.CommentSchema); ok {
		return p.commentSchema(c.SchemaName, c.Comment)
	}
	switch o := o.(type) {
	case *ops.CreateTable:
		return p.createTable(m, o.Table)
	case *ops.DropTable:
		return stmts("DROP TABLE " + p.table(o.TableRef)), nil
	case *ops.RenameTable:
		return stmts("ALTER TABLE " + p.table(o.TableRef) + " RENAME TO " + p.QuoteIdent(o.NewName)), nil
	case *ops.AddColumn:
		return p.addColumn(m, o)
	case *ops.DropColumn:
		name := o.ColumnName
		if name == "" && o.Column != nil {
			name = o.Column.Name
		}
		return stmts("ALTER TABLE " + p.table(o.TableRef) + " DROP COLUMN " + p.QuoteIdent(name)), nil
	case *ops.AlterColumn:
		return p.alterColumn(m, o)
	case *ops.CreateIndex:
		st, err := p.createIndex(m, o.TableRef, o.Index)
		if err == nil && o.Concurrently {
			st = p.concurrently(st, o.Schema)
		}
		return st, err
	case *ops.DropIndex:
		if o.Concurrently {
			return []dialect.Statement{{SQL: "DROP INDEX CONCURRENTLY " + p.qname(o.Schema, o.IndexName), NoTransaction: true}}, nil
		}
		return stmts("DROP INDEX " + p.qname(o.Schema, o.IndexName)), nil
	case *ops.RenameIndex:
		return p.renameIndex(o), nil
	case *ops.CreateUniqueConstraint:
		return p.addConstraint(m, o.TableRef, o.Unique.Name, metadata.KindUnique, o.Unique.Columns, "", nil,
			func(name string) (string, error) {
				u := o.Unique.Clone()
				u.Name = name
				return dialect.UniqueClause(p, u), nil
			})
	case *ops.ValidateConstraint:
		return p.validateConstraint(m, o)
	case *ops.CreateForeignKey:
		if o.IsNotValid() {
			return p.notValid(m, o)
		}
		fk := o.ForeignKey
		return p.addConstraint(m, o.TableRef, fk.Name, metadata.KindForeignKey, fk.Columns, fk.RefTable, fk.RefColumns,
			func(name string) (string, error) {
				c := fk.Clone()
				c.Name = name
				return dialect.ForeignKeyClause(p, o.Schema, c)
			})
	case *ops.CreateCheckConstraint:
		if o.IsNotValid() {
			return p.notValid(m, o)
		}
		return p.addConstraint(m, o.TableRef, o.Check.Name, metadata.KindCheck, nil, "", nil,
			func(name string) (string, error) {
				c := o.Check.Clone()
				c.Name = name
				return dialect.CheckClause(p, c), nil
			})
	case *ops.CreatePrimaryKey:
		return p.addConstraint(m, o.TableRef, o.PrimaryKey.Name, metadata.KindPrimaryKey, o.PrimaryKey.Columns, "", nil,
			func(name string) (string, error) {
				pk := o.PrimaryKey.Clone()
				pk.Name = name
				return dialect.PrimaryKeyClause(p, pk), nil
			})
	case *ops.CreateExclusionConstraint:
		return p.createExclusion(o), nil
	case *ops.RenameConstraint:
		return stmts("ALTER TABLE " + p.table(o.TableRef) + " RENAME CONSTRAINT " + p.QuoteIdent(o.ConstraintName) + " TO " + p.QuoteIdent(o.NewName)), nil
	case *ops.CommentConstraint:
		return p.comment("CONSTRAINT "+p.QuoteIdent(o.ConstraintName)+" ON "+p.table(o.TableRef), o.Comment)
	case *ops.DropConstraint:
		return p.dropConstraint(m, o)
	case *ops.CreateEnum:
		return p.createEnum(o.Enum)
	case *ops.DropEnum:
		return stmts("DROP TYPE " + p.qname(o.Schema, o.EnumName)), nil
	case *ops.AlterEnumAddValue:
		return p.addEnumValue(o)
	case *ops.AlterEnumDropValue:
		return p.dropEnumValue(m, o)
	case *ops.SetTableComment:
		return p.comment("TABLE "+p.table(o.TableRef), o.Comment)
	case *ops.AlterTable:
		return nil, nil // charsets and row formats are MySQL's
	case *ops.CreateSequence:
		return p.createSequence(o.Sequence), nil
	case *ops.DropSequence:
		return stmts("DROP SEQUENCE " + p.qname(o.Schema, o.SequenceName)), nil
	case *ops.RenameSequence:
		return p.renameSequence(o), nil
	case *ops.CreateDomain:
		return p.createDomain(o.Domain)
	case *ops.DropDomain:
		return stmts("DROP DOMAIN " + p.qname(o.Schema, o.DomainName)), nil
	case *ops.AlterDomain:
		return p.alterDomain(o), nil
	case *ops.CreateExtension:
		return p.createExtension(o.Extension)
	case *ops.DropExtension:
		return stmts("DROP EXTENSION " + p.QuoteIdent(o.ExtensionName)), nil
	case *ops.Execute:
		return p.execute(o), nil
	case *ops.BulkInsert:
		return p.bulkInsert(m, o)
	case *ops.BulkDelete:
		return p.bulkDelete(m, o)
	case *ops.Call:
		return nil, fmt.Errorf("call %q runs Go code: the runner calls it, it has no SQL", o.Function)
	}
	return nil, fmt.Errorf("unknown op %T", o)
}

func (p Postgres) table(r ops.TableRef) string { return p.qname(r.Schema, r.Table) }

// createTable renders CREATE TABLE with its constraints inline, then its
// comments and indexes. Unnamed constraints are named as ops.Apply names
// them.
func (p Postgres) createTable(m *metadata.MetaData, t *metadata.Table) ([]dialect.Statement, error) {
	t = named(m, t)
	r := dialect.TableOf(t)
	bodyTable, after, err := p.tableConstraints(t)
	if err != nil {
		return nil, err
	}
	body, err := dialect.TableBody(p, bodyTable, func(c *metadata.Column) (string, error) {
		return p.columnDef(r, c)
	}, nil)
	if err != nil {
		return nil, err
	}
	var out, owned []dialect.Statement
	for _, c := range t.Columns {
		before, after := p.serialParts(r, c)
		out, owned = append(out, before...), append(owned, after...)
	}
	out = append(out, stmts(p.createTableSQL(t, body))...)
	out = append(out, owned...)
	attrs, err := p.columnAttributes(r, t.Columns...)
	if err != nil {
		return nil, err
	}
	out = append(out, attrs...)
	out = append(out, after...)
	more, err := p.comments(t)
	if err != nil {
		return nil, err
	}
	out = append(out, more...)
	for _, ix := range t.Indexes {
		s, err := p.createIndex(m, dialect.TableOf(t), ix)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	if t.RowSecurity.On() {
		out = append(out, stmts(p.rowSecurity(r, t.RowSecurity, &metadata.RowSecurity{})...)...)
	}
	return out, nil
}

// named returns t with every unnamed constraint and index named by m's
// naming convention (a copy when anything changed).
func named(m *metadata.MetaData, t *metadata.Table) *metadata.Table {
	if t.AllNamed() {
		return t
	}
	tmp := &metadata.MetaData{NamingConvention: m.NamingConvention, Tables: []*metadata.Table{t.Clone()}}
	_ = tmp.ApplyNamingConvention() // a name it cannot derive stays empty: PostgreSQL picks one
	return tmp.Tables[0]
}

// columnDef renders a column of table r: an autoincrement column as an
// identity column (GENERATED BY DEFAULT unless its identity says ALWAYS),
// which has no default of its own, or, a serial one, with the nextval
// default of its sequence (created before by serialParts).
func (p Postgres) columnDef(r ops.TableRef, c *metadata.Column) (string, error) {
	typ, err := p.TypeSQL(c.Type)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", c.Name, err)
	}
	if c.Collation != "" {
		typ += " COLLATE " + p.QuoteIdent(c.Collation)
	}
	if c.Generated != nil && !c.Generated.Stored {
		return "", fmt.Errorf("column %q: PostgreSQL 15 has STORED generated columns only; say generated: {expression: ..., stored: true}", c.Name)
	}
	cc := *c
	cc.Type = metadata.NativeType(typ)
	switch {
	case isSerial(c):
		cc.Default = p.nextval(r.Schema, ownedName(r.Table, c))
	case c.AutoIncrement:
		cc.Default = ""
		return dialect.ColumnDef(p, &cc, "GENERATED "+generated(c.Identity)+" AS IDENTITY")
	}
	return dialect.ColumnDef(p, &cc)
}

// comments renders COMMENT ON for a new table and its columns.
func (p Postgres) comments(t *metadata.Table) ([]dialect.Statement, error) {
	var out []dialect.Statement
	tn := p.qname(t.Schema, t.Name)
	if t.Comment != "" {
		s, err := p.comment("TABLE "+tn, t.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	for _, c := range t.Columns {
		if c.Comment != "" {
			s, err := p.comment("COLUMN "+tn+"."+p.QuoteIdent(c.Name), c.Comment)
			if err != nil {
				return nil, err
			}
			out = append(out, s...)
		}
	}
	return out, nil
}

// comment renders COMMENT ON object IS 'text', or IS NULL for "".
func (p Postgres) comment(object, text string) ([]dialect.Statement, error) {
	lit := "NULL"
	if text != "" {
		var err error
		if lit, err = p.Literal(text); err != nil {
			return nil, err
		}
	}
	return stmts("COMMENT ON " + object + " IS " + lit), nil
}

func (p Postgres) addColumn(m *metadata.MetaData, o *ops.AddColumn) ([]dialect.Statement, error) {
	def, err := p.columnDef(o.TableRef, o.Column)
	if err != nil {
		return nil, err
	}
	out, owned := p.serialParts(o.TableRef, o.Column)
	out = append(out, stmts("ALTER TABLE "+p.table(o.TableRef)+" ADD COLUMN "+def)...)
	out = append(out, owned...)
	attrs, err := p.columnAttributes(o.TableRef, o.Column)
	if err != nil {
		return nil, err
	}
	out = append(out, attrs...)
	if o.Column.Comment != "" {
		s, err := p.comment("COLUMN "+p.table(o.TableRef)+"."+p.QuoteIdent(o.Column.Name), o.Column.Comment)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

func (p Postgres) createIndex(m *metadata.MetaData, r ops.TableRef, ix *metadata.Index) ([]dialect.Statement, error) {
	if ix.Name == "" {
		t := m.Table(r.Schema, r.Table)
		if t == nil {
			t = &metadata.Table{Schema: r.Schema, Name: r.Table}
		}
		name, err := m.DerivedName(metadata.KindIndex, t, ix.Columns, "", nil, "")
		if err != nil {
			return nil, err
		}
		if name == "" {
			return nil, fmt.Errorf("index on %s has no name and the naming convention gives none", r.Table)
		}
		ix = ix.Clone()
		ix.Name = name
	}
	return p.indexSQL(r, ix)
}

// addConstraint renders ALTER TABLE ... ADD clause, naming an unnamed
// constraint by the convention (PostgreSQL names it when that gives none).
func (p Postgres) addConstraint(m *metadata.MetaData, r ops.TableRef, name, kind string, cols []string, refTable string, refCols []string, clause func(name string) (string, error)) ([]dialect.Statement, error) {
	name, err := derivedConstraintName(m, r, name, kind, cols, refTable, refCols)
	if err != nil {
		return nil, err
	}
	c, err := clause(name)
	if err != nil {
		return nil, err
	}
	return stmts("ALTER TABLE " + p.table(r) + " ADD " + c), nil
}

// dropConstraint drops a constraint by name; a primary key without one is
// found in the state, or takes PostgreSQL's default name, table_pkey.
func (p Postgres) dropConstraint(m *metadata.MetaData, o *ops.DropConstraint) ([]dialect.Statement, error) {
	name := o.ConstraintName
	if name == "" && o.Type == ops.ConstraintPrimary {
		if t := m.Table(o.Schema, o.Table); t != nil && t.PrimaryKey != nil && t.PrimaryKey.Name != "" {
			name = t.PrimaryKey.Name
		} else {
			name = o.Table + "_pkey"
		}
	}
	if name == "" {
		return nil, fmt.Errorf("drop_constraint on %s needs the constraint's name", o.Table)
	}
	return stmts("ALTER TABLE " + p.table(o.TableRef) + " DROP CONSTRAINT " + p.QuoteIdent(name)), nil
}
