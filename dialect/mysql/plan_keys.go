package mysql

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// This file plans indexes and constraints: what MySQL cannot do is an
// error here, and the index MySQL keeps behind each foreign key is looked
// after when keys and indexes are dropped.

// indexClause renders an index inside CREATE TABLE.
func (p *planner) indexClause(ix *metadata.Index) (string, error) {
	kind, err := p.indexKind(ix)
	if err != nil {
		return "", err
	}
	comment, err := p.indexComment(ix)
	return kind + "INDEX " + p.d.QuoteIdent(ix.Name) + " (" + dialect.IndexKey(p.d, ix) + ")" + comment, err
}

// indexKind checks what MySQL cannot do and returns "", "UNIQUE ",
// "FULLTEXT " or "SPATIAL ".
func (p *planner) indexKind(ix *metadata.Index) (string, error) {
	if ix.Where != "" {
		return "", fmt.Errorf("index %q: MySQL has no partial indexes (WHERE %s); drop the predicate or use a generated column", ix.Name, ix.Where)
	}
	if err := dialect.CheckIndexKeys("MySQL", ix, mysqlKeyOptions); err != nil {
		return "", err
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
	comment, err := p.indexComment(ix)
	return "CREATE " + kind + "INDEX " + p.d.QuoteIdent(ix.Name) + " ON " + p.table(r) + " (" + dialect.IndexKey(p.d, ix) + ")" + comment, err
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
	if fk.Name == "" {
		// As Normalize names it once the op is folded: by its place among
		// the table's keys.
		n := 1
		if st := p.stateTable(r); st != nil {
			n += len(st.ForeignKeys)
		}
		fk.Name = fmt.Sprintf("%s_ibfk_%d", r.Table, n)
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
	return p.dropKey(r, name, "DROP INDEX "+p.d.QuoteIdent(name))
}

// dropKey drops the index name (PRIMARY for the primary key) with the
// clause given, re-adding the foreign keys that need it.
func (p *planner) dropKey(r ops.TableRef, name, clause string) ([]string, error) {
	alter := "ALTER TABLE " + p.table(r)
	drop := alter + " " + clause
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
	drops = append(drops, clause)
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
				if c := t.Column(name); c != nil && c.AutoIncrement && !p.dropsNext(o.TableRef, name) {
					return nil, fmt.Errorf("primary key of %s: column %q is AUTO_INCREMENT, which MySQL allows only on a key column; turn autoincrement off first (alter_column)", o.Table, name)
				}
			}
		}
		return p.dropKey(o.TableRef, "PRIMARY", "DROP PRIMARY KEY")
	case ops.ConstraintForeignKey:
		s := alter + " DROP FOREIGN KEY " + p.d.QuoteIdent(o.ConstraintName)
		fk := o.ForeignKey
		if t != nil && t.ForeignKey(o.ConstraintName) != nil {
			fk = t.ForeignKey(o.ConstraintName)
		}
		if fk != nil && t != nil && !covered(t, fk.Columns, "") {
			// MySQL made an index behind the key; it would outlive the key.
			s += ", DROP INDEX " + p.d.QuoteIdent(cmp.Or(fk.Name, o.ConstraintName))
		}
		return []string{s}, nil
	}
	return nil, fmt.Errorf("constraint %q of %s: give its type (unique, foreignkey, check or primary): MySQL drops each kind differently", o.ConstraintName, o.Table)
}
