package sqlite

import (
	"strings"

	"github.com/retortdb/retort/metadata"
)

// parseCreateTable parses a CREATE TABLE (or CREATE VIRTUAL TABLE)
// statement as sqlite_schema holds it.
func parseCreateTable(src string) (*parsedTable, error) {
	p := newParser(src)
	if err := p.expect("CREATE"); err != nil {
		return nil, err
	}
	pt := &parsedTable{}
	if p.accept("TEMP") || p.accept("TEMPORARY") {
		// nothing: Retort reads the main database only
	}
	pt.Virtual = p.accept("VIRTUAL")
	if err := p.expect("TABLE"); err != nil {
		return nil, err
	}
	p.accept("IF", "NOT", "EXISTS")
	name, err := p.name()
	if err != nil {
		return nil, err
	}
	pt.Name = name
	if pt.Virtual {
		return pt, nil
	}
	if p.accept("AS") {
		pt.AsSelect = true
		return pt, nil
	}
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	for {
		if err := p.tableElement(pt); err != nil {
			return nil, err
		}
		if p.acceptPunct(")") {
			break
		}
		if err := p.expectPunct(","); err != nil {
			return nil, err
		}
	}
	for p.peek().kind != tokEOF && !p.peek().punct(";") {
		switch {
		case p.accept("WITHOUT", "ROWID"):
			pt.WithoutRowid = true
		case p.accept("STRICT"):
			pt.Strict = true
		case p.acceptPunct(","):
		default:
			return nil, p.errorf("unexpected table option")
		}
	}
	return pt, nil
}

// tableElement reads one column definition or table constraint.
func (p *parser) tableElement(pt *parsedTable) error {
	start := p.pos
	var cname string
	if p.accept("CONSTRAINT") {
		n, err := p.name()
		if err != nil {
			return err
		}
		cname = n
	}
	switch {
	case p.accept("PRIMARY", "KEY"):
		cols, err := p.nameList()
		if err != nil {
			return err
		}
		p.skipConflict()
		pt.PrimaryKey = &parsedKey{Name: cname, Columns: cols}
		return nil
	case p.accept("UNIQUE"):
		cols, err := p.nameList()
		if err != nil {
			return err
		}
		p.skipConflict()
		pt.Uniques = append(pt.Uniques, parsedKey{Name: cname, Columns: cols})
		return nil
	case p.accept("CHECK"):
		expr, err := p.skipGroup()
		if err != nil {
			return err
		}
		pt.Checks = append(pt.Checks, parsedCheck{Name: cname, Expr: expr})
		return nil
	case p.accept("FOREIGN", "KEY"):
		cols, err := p.nameList()
		if err != nil {
			return err
		}
		fk, err := p.references()
		if err != nil {
			return err
		}
		fk.Name, fk.Columns = cname, cols
		pt.ForeignKeys = append(pt.ForeignKeys, *fk)
		return nil
	}
	if cname != "" {
		p.pos = start
		return p.errorf("want a table constraint after CONSTRAINT name")
	}
	return p.columnDef(pt)
}

// columnStarts are the keywords that end a column's type name.
var columnStarts = map[string]bool{"CONSTRAINT": true, "PRIMARY": true, "NOT": true, "NULL": true,
	"UNIQUE": true, "CHECK": true, "DEFAULT": true, "COLLATE": true, "REFERENCES": true,
	"GENERATED": true, "AS": true}

// columnDef reads "name [type] [constraints]".
func (p *parser) columnDef(pt *parsedTable) error {
	name, ok := p.next().ident()
	if !ok {
		p.pos--
		return p.errorf("want a column name")
	}
	col := parsedColumn{Name: name}
	// The type: names, then an optional "(n)" or "(n, m)".
	typeFrom := p.pos
	for {
		t := p.peek()
		if t.kind == tokWord && columnStarts[strings.ToUpper(t.text)] {
			break
		}
		if t.kind != tokWord && t.kind != tokQuoted && t.kind != tokString {
			break
		}
		p.next()
	}
	if p.pos > typeFrom && p.peek().punct("(") {
		if _, err := p.skipGroup(); err != nil {
			return err
		}
	}
	if p.pos > typeFrom {
		col.Type = strings.TrimSpace(p.src[p.toks[typeFrom].start:p.toks[p.pos-1].end])
	}
	for {
		done, err := p.columnConstraint(pt, &col)
		if err != nil {
			return err
		}
		if done {
			break
		}
	}
	pt.Columns = append(pt.Columns, col)
	return nil
}

// columnConstraint reads one column constraint; done is true at the end of
// the column definition.
func (p *parser) columnConstraint(pt *parsedTable, col *parsedColumn) (done bool, err error) {
	var cname string
	if p.accept("CONSTRAINT") {
		if cname, err = p.name(); err != nil {
			return false, err
		}
	}
	switch {
	case p.accept("PRIMARY", "KEY"):
		p.accept("ASC")
		p.accept("DESC")
		p.skipConflict()
		col.AutoIncrement = p.accept("AUTOINCREMENT")
		pt.PrimaryKey = &parsedKey{Name: cname, Columns: []string{col.Name}}
		col.Clauses = append(col.Clauses, metadata.ClausePrimaryKey)
	case p.accept("NOT", "NULL"):
		p.skipConflict()
		col.Clauses = append(col.Clauses, metadata.ClauseNotNull)
	case p.accept("NULL"):
		p.skipConflict()
	case p.accept("UNIQUE"):
		p.skipConflict()
		pt.Uniques = append(pt.Uniques, parsedKey{Name: cname, Columns: []string{col.Name}})
	case p.accept("CHECK"):
		expr, err := p.skipGroup()
		if err != nil {
			return false, err
		}
		pt.Checks = append(pt.Checks, parsedCheck{Name: cname, Expr: expr, Column: col.Name})
	case p.accept("DEFAULT"):
		col.Clauses = append(col.Clauses, metadata.ClauseDefault)
		if p.peek().punct("(") {
			_, err = p.skipGroup()
		} else {
			p.acceptPunct("-")
			p.acceptPunct("+")
			p.next()
		}
	case p.accept("COLLATE"):
		n, ok := p.next().ident()
		if !ok {
			return false, p.errorf("want a collation name")
		}
		col.Collate = n
	case p.accept("REFERENCES"):
		p.pos--
		fk, err := p.references()
		if err != nil {
			return false, err
		}
		fk.Name, fk.Columns = cname, []string{col.Name}
		pt.ForeignKeys = append(pt.ForeignKeys, *fk)
	case p.accept("GENERATED", "ALWAYS", "AS"), p.accept("AS"):
		if col.GeneratedExpr, err = p.skipGroup(); err != nil {
			return false, err
		}
		col.Generated = true
		if !p.accept("STORED") {
			p.accept("VIRTUAL")
		}
	default:
		if cname != "" {
			return false, p.errorf("want a column constraint after CONSTRAINT name")
		}
		t := p.peek()
		if t.punct(",") || t.punct(")") {
			return true, nil
		}
		return false, p.errorf("unexpected %q in a column definition", t.text)
	}
	return false, err
}

// references reads "REFERENCES t [(cols)] [actions] [deferrable]".
func (p *parser) references() (*parsedFK, error) {
	if err := p.expect("REFERENCES"); err != nil {
		return nil, err
	}
	fk := &parsedFK{}
	var err error
	if fk.RefTable, err = p.name(); err != nil {
		return nil, err
	}
	if p.peek().punct("(") {
		if fk.RefColumns, err = p.nameList(); err != nil {
			return nil, err
		}
	}
	for {
		switch {
		case p.accept("ON", "DELETE"):
			fk.OnDelete = p.action()
		case p.accept("ON", "UPDATE"):
			fk.OnUpdate = p.action()
		case p.accept("MATCH"):
			p.next()
		case p.accept("NOT", "DEFERRABLE"):
			p.deferral()
			fk.Deferrable, fk.InitiallyDeferred = false, false
		case p.accept("DEFERRABLE"):
			fk.Deferrable = true
			fk.InitiallyDeferred = p.deferral()
		default:
			return fk, nil
		}
	}
}

// deferral reads an optional INITIALLY DEFERRED|IMMEDIATE.
func (p *parser) deferral() (deferred bool) {
	if p.accept("INITIALLY", "DEFERRED") {
		return true
	}
	p.accept("INITIALLY", "IMMEDIATE")
	return false
}

// action reads a referential action, returned in the model's spelling.
func (p *parser) action() string {
	for _, a := range [][]string{{"SET", "NULL"}, {"SET", "DEFAULT"}, {"CASCADE"}, {"RESTRICT"}, {"NO", "ACTION"}} {
		if p.accept(a...) {
			return strings.ToLower(strings.Join(a, " "))
		}
	}
	return ""
}

// parseCreateIndex parses a CREATE INDEX statement.
func parseCreateIndex(src string) (*parsedIndex, error) {
	p := newParser(src)
	if err := p.expect("CREATE"); err != nil {
		return nil, err
	}
	ix := &parsedIndex{Unique: p.accept("UNIQUE")}
	if err := p.expect("INDEX"); err != nil {
		return nil, err
	}
	p.accept("IF", "NOT", "EXISTS")
	var err error
	if ix.Name, err = p.name(); err != nil {
		return nil, err
	}
	if err := p.expect("ON"); err != nil {
		return nil, err
	}
	if ix.Table, err = p.name(); err != nil {
		return nil, err
	}
	if err := p.expectPunct("("); err != nil {
		return nil, err
	}
	never := func(token) bool { return false }
	for {
		from := p.pos
		text, err := p.exprUntil(never)
		if err != nil {
			return nil, err
		}
		if text == "" {
			return nil, p.errorf("empty index key")
		}
		key := indexKey{Expr: text}
		// A plain column, possibly with ASC (the default), is a column.
		if n := p.pos - from; n == 1 || (n == 2 && p.toks[from+1].is("ASC")) {
			if name, ok := p.toks[from].ident(); ok && p.toks[from].kind != tokString {
				key = indexKey{Column: name}
			}
		}
		ix.Keys = append(ix.Keys, key)
		if p.acceptPunct(")") {
			break
		}
		if err := p.expectPunct(","); err != nil {
			return nil, err
		}
	}
	if p.accept("WHERE") {
		where, err := p.exprUntil(func(t token) bool { return t.punct(";") })
		if err != nil {
			return nil, err
		}
		ix.Where = where
	}
	return ix, nil
}
