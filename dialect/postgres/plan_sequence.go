package postgres

import (
	"strconv"
	"strings"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// sequenceOptions renders a sequence's type and options for CREATE
// SEQUENCE (only those set) or, with all, for ALTER SEQUENCE (every one,
// so that an option returned to its default is reset).
func sequenceOptions(s *metadata.Sequence, c *metadata.Column, all bool) string {
	var b strings.Builder
	typ := sequenceType(s, c)
	if s == nil {
		s = &metadata.Sequence{}
	}
	num := func(kw string, v int64) { b.WriteString(" " + kw + " " + strconv.FormatInt(v, 10)) }
	if all || s.Type != "" || c != nil {
		b.WriteString(" AS " + typ)
	}
	if s.Increment != 0 {
		num("INCREMENT BY", s.Increment)
	} else if all {
		num("INCREMENT BY", 1)
	}
	for _, o := range []struct {
		kw string
		v  *int64
	}{{"MINVALUE", s.MinValue}, {"MAXVALUE", s.MaxValue}} {
		switch {
		case o.v != nil:
			num(o.kw, *o.v)
		case all:
			b.WriteString(" NO " + o.kw)
		}
	}
	if s.Start != nil {
		num("START WITH", *s.Start)
	}
	if s.Cache != 0 {
		num("CACHE", s.Cache)
	} else if all {
		num("CACHE", 1)
	}
	switch {
	case s.Cycle:
		b.WriteString(" CYCLE")
	case all:
		b.WriteString(" NO CYCLE")
	}
	return b.String()
}

func (p Postgres) createSequence(s *metadata.Sequence) []dialect.Statement {
	return stmts("CREATE SEQUENCE " + p.qname(s.Schema, s.Name) + sequenceOptions(s, nil, false))
}

func (p Postgres) renameSequence(o *ops.RenameSequence) []dialect.Statement {
	return stmts("ALTER SEQUENCE " + p.qname(o.Schema, o.SequenceName) + " RENAME TO " + p.QuoteIdent(o.NewName))
}

// ownedName is the name of serial column c's sequence in table.
func ownedName(table string, c *metadata.Column) string {
	if c.Sequence != nil && c.Sequence.Name != "" {
		return c.Sequence.Name
	}
	return serialSequenceName(table, c.Name)
}

// serialParts renders what a serial column needs around the statement that
// creates it: its sequence before, and OWNED BY after; both empty for any
// other column.
func (p Postgres) serialParts(r ops.TableRef, c *metadata.Column) (before, after []dialect.Statement) {
	if !isSerial(c) {
		return nil, nil
	}
	seq := p.qname(r.Schema, ownedName(r.Table, c))
	before = stmts("CREATE SEQUENCE " + seq + sequenceOptions(c.Sequence, c, false))
	after = stmts("ALTER SEQUENCE " + seq + " OWNED BY " + p.qname(r.Schema, r.Table) + "." + p.QuoteIdent(c.Name))
	return before, after
}

func isSerial(c *metadata.Column) bool {
	return c.AutoIncrement && c.Identity == metadata.IdentitySerial
}

// nextval is a serial column's default: nextval of its sequence.
func (p Postgres) nextval(schema, seq string) string {
	lit, _ := p.Literal(p.qname(schema, seq))
	return "nextval(" + lit + "::regclass)"
}

// identityChange renders a change of an autoincrement column's kind, or
// of a serial column's sequence, keeping the numbering where it was: a new
// sequence or identity starts where the old one stood (setval of
// pg_sequence_last_value, when the old one was ever used).
func (p Postgres) identityChange(m *metadata.MetaData, o *ops.AlterColumn) []string {
	from := existingIdentity(m, o)
	to := from
	if o.Identity != nil {
		to = *o.Identity
	}
	if from == "" {
		from = metadata.IdentityByDefault
	}
	if to == "" {
		to = metadata.IdentityByDefault
	}
	tbl, col := p.table(o.TableRef), p.QuoteIdent(o.ColumnName)
	alter := "ALTER TABLE " + tbl + " ALTER COLUMN " + col + " "
	oldSeq := &metadata.Column{Name: o.ColumnName, Sequence: existingSequence(m, o)}
	newSeq := &metadata.Column{Name: o.ColumnName, Sequence: o.Sequence}
	if o.Sequence == nil {
		newSeq.Sequence = oldSeq.Sequence
	}
	if c := alteredColumn(m, o); c != nil {
		oldSeq.Type, newSeq.Type = c.Type, c.Type
	}
	if o.Type != nil {
		newSeq.Type = *o.Type
	}
	oldName := p.qname(o.Schema, ownedName(o.Table, oldSeq))
	newName := p.qname(o.Schema, ownedName(o.Table, newSeq))
	// pg_get_serial_sequence parses the table as SQL and takes the column
	// name as it is.
	identitySeq := "pg_get_serial_sequence(" + p.lit(tbl) + ", " + p.lit(o.ColumnName) + ")::regclass"
	carry := func(dst, src string) string {
		return "SELECT setval(" + dst + ", v) FROM (SELECT pg_sequence_last_value(" + src + ") AS v) AS last WHERE v IS NOT NULL"
	}
	var out []string
	switch {
	case from == to && to == metadata.IdentitySerial:
		if oldName != newName {
			out = append(out, "ALTER SEQUENCE "+oldName+" RENAME TO "+p.QuoteIdent(ownedName(o.Table, newSeq)))
		}
		out = append(out, "ALTER SEQUENCE "+newName+sequenceOptions(newSeq.Sequence, newSeq, true))
	case from == metadata.IdentitySerial:
		// The old sequence moves out of the way first, so that the
		// identity's gets the name PostgreSQL gives it (table_column_seq).
		aside := truncate(ownedName(o.Table, oldSeq), 52) + "_retort_old"
		out = append(out,
			"ALTER SEQUENCE "+oldName+" OWNED BY NONE",
			alter+"DROP DEFAULT",
			"ALTER SEQUENCE "+oldName+" RENAME TO "+p.QuoteIdent(aside),
			alter+"ADD GENERATED "+generated(to)+" AS IDENTITY",
			carry(identitySeq, p.lit(p.qname(o.Schema, aside))+"::regclass"),
			"DROP SEQUENCE "+p.qname(o.Schema, aside))
	case to == metadata.IdentitySerial:
		// The new sequence takes its name once the identity's, which may
		// hold it, is gone.
		final := ownedName(o.Table, newSeq)
		aside := truncate(final, 52) + "_retort_new"
		out = append(out,
			"CREATE SEQUENCE "+p.qname(o.Schema, aside)+sequenceOptions(newSeq.Sequence, newSeq, false),
			carry(p.lit(p.qname(o.Schema, aside))+"::regclass", identitySeq),
			alter+"DROP IDENTITY",
			"ALTER SEQUENCE "+p.qname(o.Schema, aside)+" RENAME TO "+p.QuoteIdent(final),
			alter+"SET DEFAULT "+p.nextval(o.Schema, final),
			"ALTER SEQUENCE "+newName+" OWNED BY "+tbl+"."+col)
	case from != to:
		out = append(out, alter+"SET GENERATED "+generated(to))
	}
	return out
}

// generated is the GENERATED clause's word for an identity kind.
func generated(kind string) string {
	if kind == metadata.IdentityAlways {
		return "ALWAYS"
	}
	return "BY DEFAULT"
}

func (p Postgres) lit(s string) string {
	l, _ := p.Literal(s)
	return l
}

// existingIdentity is the altered column's identity kind before the op.
func existingIdentity(m *metadata.MetaData, o *ops.AlterColumn) string {
	if o.ExistingIdentity != nil {
		return *o.ExistingIdentity
	}
	if c := alteredColumn(m, o); c != nil {
		return c.Identity
	}
	return ""
}

// existingSequence is the altered serial column's sequence before the op.
func existingSequence(m *metadata.MetaData, o *ops.AlterColumn) *metadata.Sequence {
	if o.ExistingSequence != nil {
		return o.ExistingSequence
	}
	if c := alteredColumn(m, o); c != nil {
		return c.Sequence
	}
	return nil
}

func alteredColumn(m *metadata.MetaData, o *ops.AlterColumn) *metadata.Column {
	if t := m.Table(o.Schema, o.Table); t != nil {
		return t.Column(o.ColumnName)
	}
	return nil
}
