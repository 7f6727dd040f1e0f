package mysql

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// tableOptions end every CREATE TABLE: InnoDB (foreign keys, transactions
// for data) and utf8mb4 (every Unicode character), whatever the server's
// defaults.
const tableOptions = "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"

// enums looks enum values up in the state.
func (p *planner) enums(schema, name string) ([]string, bool) {
	return enumLookup(p.state)(schema, name)
}

// named returns a copy of t with its unnamed constraints and indexes named
// by the state's naming convention, as ops.Apply names them.
func (p *planner) named(t *metadata.Table) *metadata.Table {
	if allNamed(t) {
		return t
	}
	c := t.Clone()
	m := &metadata.MetaData{NamingConvention: p.state.NamingConvention, Tables: []*metadata.Table{c}}
	_ = m.ApplyNamingConvention() // what cannot be named is left to the server
	nameChecks(c)
	return c
}

func allNamed(t *metadata.Table) bool {
	if t.PrimaryKey != nil && t.PrimaryKey.Name == "" {
		return false
	}
	for _, fk := range t.ForeignKeys {
		if fk.Name == "" {
			return false
		}
	}
	for _, u := range t.Uniques {
		if u.Name == "" {
			return false
		}
	}
	for _, c := range t.Checks {
		if c.Name == "" {
			return false
		}
	}
	for _, ix := range t.Indexes {
		if ix.Name == "" {
			return false
		}
	}
	return true
}

func (p *planner) createTable(t *metadata.Table) (string, error) {
	t = p.named(t)
	var lines []string
	for _, c := range t.Columns {
		def, err := p.columnDef(t.Schema, c, nil)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, def)
	}
	if t.PrimaryKey != nil {
		lines = append(lines, "PRIMARY KEY ("+dialect.QuoteList(p.d, t.PrimaryKey.Columns)+")")
	}
	for _, u := range t.Uniques {
		lines = append(lines, dialect.UniqueClause(p.d, u))
	}
	for _, ix := range t.Indexes {
		clause, err := p.indexClause(ix)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, clause)
	}
	for _, c := range t.Checks {
		lines = append(lines, dialect.CheckClause(p.d, c))
	}
	for _, fk := range t.ForeignKeys {
		if err := setNullOnNotNull(t, fk); err != nil {
			return "", err
		}
		clause, err := p.foreignKeyClause(t.Schema, fk)
		if err != nil {
			return "", fmt.Errorf("table %q: %w", t.Name, err)
		}
		lines = append(lines, clause)
	}
	var b strings.Builder
	b.WriteString("CREATE TABLE " + p.table(dialect.TableOf(t)) + " (\n    ")
	b.WriteString(strings.Join(lines, ",\n    "))
	b.WriteString("\n) " + tableOptions)
	if t.Comment != "" {
		lit, err := p.d.Literal(t.Comment)
		if err != nil {
			return "", fmt.Errorf("table %q: comment: %w", t.Name, err)
		}
		b.WriteString(" COMMENT=" + lit)
	}
	return b.String(), nil
}

// columnDef renders a column definition: name, type, NOT NULL, DEFAULT,
// AUTO_INCREMENT, COMMENT. enums overrides the state's enum values.
func (p *planner) columnDef(schema string, c *metadata.Column, enums enumSource) (string, error) {
	if enums == nil {
		enums = p.enums
	}
	typ, err := typeSQL(c.Type, schema, enums)
	if err != nil {
		return "", fmt.Errorf("column %q: %w", c.Name, err)
	}
	var b strings.Builder
	b.WriteString(p.d.QuoteIdent(c.Name) + " " + typ)
	if !c.Nullable {
		b.WriteString(" NOT NULL")
	}
	if c.Default != "" {
		b.WriteString(" DEFAULT " + defaultSQL(c.Default, c.Type.For("mysql"), typ))
	}
	if c.AutoIncrement {
		b.WriteString(" AUTO_INCREMENT")
	}
	if c.Comment != "" {
		lit, err := p.d.Literal(c.Comment)
		if err != nil {
			return "", fmt.Errorf("column %q: comment: %w", c.Name, err)
		}
		b.WriteString(" COMMENT " + lit)
	}
	return b.String(), nil
}

var literalRE = regexp.MustCompile(`(?i)^([+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?|null|true|false|[bx]'[0-9a-f]*'|'([^'\\]|''|\\.)*')$`)

// defaultSQL renders a server default for a column of type t (rendered as
// sqlType). The CURRENT_TIMESTAMP family takes the column's fractional
// seconds (a datetime(6) column needs CURRENT_TIMESTAMP(6)); an expression
// is parenthesised, as MySQL 8 requires, and so is a literal default of a
// text, blob or json column.
func defaultSQL(def string, t metadata.Type, sqlType string) string {
	s := strings.TrimSpace(def)
	if i := indexOutside(strings.ToLower(s), " on update "); i >= 0 {
		return defaultSQL(s[:i], t, sqlType) + " ON UPDATE " + defaultSQL(s[i+len(" on update "):], t, sqlType)
	}
	if currentTimestampRE.MatchString(s) {
		if n := fsp(sqlType); n > 0 {
			return fmt.Sprintf("CURRENT_TIMESTAMP(%d)", n)
		}
		return "CURRENT_TIMESTAMP"
	}
	if currentDateRE.MatchString(s) {
		return "(CURRENT_DATE)"
	}
	s = stripParens(s)
	switch {
	case literalRE.MatchString(s) && !needsExpressionDefault(t, sqlType):
		return s
	case literalRE.MatchString(s):
		return "(" + s + ")"
	}
	// An expression, with function names as MySQL spells them
	// (gen_random_uuid is uuid).
	return "(" + canonicalExpr(s) + ")"
}

// needsExpressionDefault reports the types MySQL 8 gives only expression
// defaults: text, blob, json, geometry.
func needsExpressionDefault(t metadata.Type, sqlType string) bool {
	switch t.Kind {
	case metadata.Text, metadata.Blob, metadata.JSON, metadata.JSONB:
		return true
	}
	s := strings.ToLower(sqlType)
	for _, k := range []string{"text", "blob", "json", "geometry", "point", "polygon", "linestring"} {
		if strings.Contains(s, k) {
			return true
		}
	}
	return false
}

// indexClause renders an index inside CREATE TABLE.
func (p *planner) indexClause(ix *metadata.Index) (string, error) {
	kind, err := p.indexKind(ix)
	if err != nil {
		return "", err
	}
	return kind + "INDEX " + p.d.QuoteIdent(ix.Name) + " (" + dialect.IndexKey(p.d, ix) + ")", nil
}

// indexKind checks what MySQL cannot do and returns "", "UNIQUE ",
// "FULLTEXT " or "SPATIAL ".
func (p *planner) indexKind(ix *metadata.Index) (string, error) {
	if ix.Where != "" {
		return "", fmt.Errorf("index %q: MySQL has no partial indexes (WHERE %s); drop the predicate or use a generated column", ix.Name, ix.Where)
	}
	if len(ix.Expressions) > 0 && p.d.flavor == MariaDB {
		return "", fmt.Errorf("index %q: MariaDB has no expression indexes; index a generated (virtual) column instead", ix.Name)
	}
	kind := ""
	if ix.Unique {
		kind = "UNIQUE "
	}
	// MySQL's own kinds are FULLTEXT and SPATIAL; any other method (btree,
	// hash, PostgreSQL's gin or gist) is a plain B-tree index on InnoDB,
	// as Normalize says.
	if u := strings.ToLower(ix.Using); u == "fulltext" || u == "spatial" {
		kind = strings.ToUpper(u) + " "
	}
	return kind, nil
}

func (p *planner) createIndex(r ops.TableRef, ix *metadata.Index) (string, error) {
	ix = ix.Clone()
	if ix.Name == "" {
		ix.Name, _ = p.state.DerivedName(metadata.KindIndex, &metadata.Table{Name: r.Table}, ix.Columns, "", nil, "")
	}
	kind, err := p.indexKind(ix)
	if err != nil {
		return "", err
	}
	return "CREATE " + kind + "INDEX " + p.d.QuoteIdent(ix.Name) + " ON " + p.table(r) + " (" + dialect.IndexKey(p.d, ix) + ")", nil
}

// namedCheck names an unnamed check: by the convention, else as
// Normalize does (<table>_chk_<n>, after the table's checks in the state).
func (p *planner) namedCheck(r ops.TableRef, c *metadata.Check) *metadata.Check {
	if c.Name != "" {
		return c
	}
	c = c.Clone()
	t := &metadata.Table{Name: r.Table}
	if st := p.stateTable(r); st != nil {
		t = st.Clone()
	}
	if name, _ := p.state.DerivedName(metadata.KindCheck, t, nil, "", nil, ""); name != "" {
		c.Name = name
		return c
	}
	t.Checks = append(t.Checks, c)
	nameChecks(t)
	return c
}

func (p *planner) namedUnique(r ops.TableRef, u *metadata.Unique) *metadata.Unique {
	u = u.Clone()
	if u.Name == "" {
		u.Name, _ = p.state.DerivedName(metadata.KindUnique, &metadata.Table{Name: r.Table}, u.Columns, "", nil, "")
	}
	return u
}

// foreignKey renders ADD's clause of create_foreign_key, named by the
// convention when unnamed.
func (p *planner) foreignKey(r ops.TableRef, fk *metadata.ForeignKey) (string, error) {
	fk = fk.Clone()
	if fk.Name == "" {
		fk.Name, _ = p.state.DerivedName(metadata.KindForeignKey, &metadata.Table{Name: r.Table}, fk.Columns, fk.RefTable, fk.RefColumns, "")
	}
	return p.foreignKeyClause(r.Schema, fk)
}

// foreignKeyClause renders a foreign key. MySQL checks every key at once:
// deferrable is left out, as the model says it matters on PostgreSQL and
// SQLite only (Normalize clears it too). InnoDB refuses SET DEFAULT, an
// error here rather than on the server.
func (p *planner) foreignKeyClause(schema string, fk *metadata.ForeignKey) (string, error) {
	if fk.Deferrable {
		c := *fk
		c.Deferrable, c.InitiallyDeferred = false, false
		fk = &c
	}
	if fk.OnDelete == metadata.SetDefault || fk.OnUpdate == metadata.SetDefault {
		return "", fmt.Errorf("foreign key %q: InnoDB does not support SET DEFAULT actions; use set null, cascade or restrict", fk.Name)
	}
	return dialect.ForeignKeyClause(p.d, schema, fk)
}

// checkSetNull refuses SET NULL actions on NOT NULL columns of a table in
// the state, which MySQL rejects with an obscure "incorrectly formed".
func (p *planner) checkSetNull(r ops.TableRef, fk *metadata.ForeignKey) error {
	if t := p.stateTable(r); t != nil {
		return setNullOnNotNull(t, fk)
	}
	return nil
}

func setNullOnNotNull(t *metadata.Table, fk *metadata.ForeignKey) error {
	if fk.OnDelete != metadata.SetNull && fk.OnUpdate != metadata.SetNull {
		return nil
	}
	for _, name := range fk.Columns {
		if c := t.Column(name); c != nil && !c.Nullable {
			return fmt.Errorf("foreign key %q: SET NULL on column %q, which is NOT NULL: MySQL refuses such a key; make the column nullable or pick another action", fk.Name, name)
		}
	}
	return nil
}

// covered reports whether some index of t other than skip (a key, unique
// or plain column index) starts with cols, so that MySQL needs no index
// of its own behind a foreign key over cols.
func covered(t *metadata.Table, cols []string, skip string) bool {
	starts := func(key []string) bool {
		return len(key) >= len(cols) && slices.EqualFunc(key[:len(cols)], cols, strings.EqualFold)
	}
	if t.PrimaryKey != nil && !strings.EqualFold(skip, "PRIMARY") && starts(t.PrimaryKey.Columns) {
		return true
	}
	for _, u := range t.Uniques {
		if !strings.EqualFold(u.Name, skip) && starts(u.Columns) {
			return true
		}
	}
	for _, ix := range t.Indexes {
		if !strings.EqualFold(ix.Name, skip) && len(ix.Expressions) == 0 && starts(ix.Columns) {
			return true
		}
	}
	return false
}

// dropKeyIndex drops a unique or plain index. MySQL refuses to drop the
// index a foreign key relies on (when no other index starts with its
// columns): the keys that need it are dropped with it and added again in a
// second statement, which makes MySQL build its own index behind each, the
// one reflection hides. (Adding an index named after the key in the same
// statement fails when such an index is left from before.)
func (p *planner) dropKeyIndex(r ops.TableRef, name string) ([]string, error) {
	alter := "ALTER TABLE " + p.table(r)
	drop := alter + " DROP INDEX " + p.d.QuoteIdent(name)
	t := p.stateTable(r)
	if t == nil {
		return []string{drop}, nil
	}
	var drops, adds []string
	for _, fk := range t.ForeignKeys {
		if !covered(t, fk.Columns, "") || covered(t, fk.Columns, name) {
			continue
		}
		clause, err := p.foreignKeyClause(r.Schema, fk)
		if err != nil {
			return nil, err
		}
		drops = append(drops, "DROP FOREIGN KEY "+p.d.QuoteIdent(fk.Name))
		adds = append(adds, "ADD "+clause)
	}
	if drops == nil {
		return []string{drop}, nil
	}
	drops = append(drops, "DROP INDEX "+p.d.QuoteIdent(name))
	return []string{alter + " " + strings.Join(drops, ", "), alter + " " + strings.Join(adds, ", ")}, nil
}

func (p *planner) dropConstraint(o *ops.DropConstraint) ([]string, error) {
	typ := o.Type
	t := p.stateTable(o.TableRef)
	if typ == "" && t != nil {
		switch {
		case t.ForeignKey(o.ConstraintName) != nil:
			typ = ops.ConstraintForeignKey
		case t.Unique(o.ConstraintName) != nil:
			typ = ops.ConstraintUnique
		case t.Check(o.ConstraintName) != nil:
			typ = ops.ConstraintCheck
		case t.PrimaryKey != nil && t.PrimaryKey.Name == o.ConstraintName:
			typ = ops.ConstraintPrimary
		}
	}
	alter := "ALTER TABLE " + p.table(o.TableRef)
	switch typ {
	case ops.ConstraintUnique:
		return p.dropKeyIndex(o.TableRef, o.ConstraintName)
	case ops.ConstraintCheck:
		return []string{alter + " DROP CONSTRAINT " + p.d.QuoteIdent(o.ConstraintName)}, nil
	case ops.ConstraintPrimary:
		if t != nil && t.PrimaryKey != nil {
			for _, name := range t.PrimaryKey.Columns {
				if c := t.Column(name); c != nil && c.AutoIncrement {
					return nil, fmt.Errorf("primary key of %s: column %q is AUTO_INCREMENT, which MySQL allows only on a key column; turn autoincrement off first (alter_column)", o.Table, name)
				}
			}
		}
		return []string{alter + " DROP PRIMARY KEY"}, nil
	case ops.ConstraintForeignKey:
		s := alter + " DROP FOREIGN KEY " + p.d.QuoteIdent(o.ConstraintName)
		fk := o.ForeignKey
		if t != nil && t.ForeignKey(o.ConstraintName) != nil {
			fk = t.ForeignKey(o.ConstraintName)
		}
		if fk != nil && t != nil && !covered(t, fk.Columns, "") {
			// MySQL made an index behind the key; it would outlive the key.
			s += ", DROP INDEX " + p.d.QuoteIdent(implicitIndexName(t, fk))
		}
		return []string{s}, nil
	}
	return nil, fmt.Errorf("constraint %q of %s: give its type (unique, foreignkey, check or primary): MySQL drops each kind differently", o.ConstraintName, o.Table)
}

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
		if literalRE.MatchString(strings.TrimSpace(*o.Default)) {
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
