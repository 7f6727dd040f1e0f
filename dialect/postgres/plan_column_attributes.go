package postgres

import (
	"cmp"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// setAttributes renders the statements that turn a column's attributes
// from into to. Storage and compression recurse to partitions and
// inheritance children, which PostgreSQL gives the parent's when it
// creates them (so the model keeps them on the parent only); the
// statistics target and options, which it does not copy, are set with
// ALTER TABLE ONLY, as pg_dump writes them. retyped says the column's
// type changed first, which gives it the new type's storage (and may
// clear its compression): both are then set again.
func (p Postgres) setAttributes(r ops.TableRef, col string, from, to metadata.ColumnAttributes, retyped bool) ([]dialect.Statement, error) {
	column := " ALTER COLUMN " + p.QuoteIdent(col) + " "
	alter, only := "ALTER TABLE "+p.table(r)+column, "ALTER TABLE ONLY "+p.table(r)+column
	var out []dialect.Statement
	if to.Storage != from.Storage || (retyped && (to.Storage != "" || from.Storage != "")) {
		s, err := p.setStorage(r, col, alter, to.Storage)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	if to.Compression != from.Compression || (retyped && (to.Compression != "" || from.Compression != "")) {
		out = append(out, dialect.Statement{SQL: alter + "SET COMPRESSION " + cmp.Or(to.Compression, "DEFAULT")})
	}
	alter = only
	if !sameTarget(to.Statistics, from.Statistics) {
		target := -1
		if to.Statistics != nil {
			target = *to.Statistics
		}
		out = append(out, dialect.Statement{SQL: alter + "SET STATISTICS " + strconv.Itoa(target)})
	}
	if slices.Equal(to.Options, from.Options) {
		return out, nil
	}
	// RESET then SET in order: SET moves a changed option to the end of
	// the catalog's list, whose order the model keeps.
	if len(from.Options) > 0 {
		names := make([]string, len(from.Options))
		for i, o := range from.Options {
			names[i] = metadata.OptionName(o)
		}
		out = append(out, dialect.Statement{SQL: strings.TrimSuffix(alter, " ") + " RESET (" + strings.Join(names, ", ") + ")"})
	}
	if len(to.Options) > 0 {
		list, err := p.optionList(to.Options)
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", col, err)
		}
		out = append(out, dialect.Statement{SQL: alter + "SET (" + list + ")"})
	}
	return out, nil
}

// sameTarget reports whether two statistics targets are the same (nil:
// the default).
func sameTarget(a, b *int) bool { return (a == nil) == (b == nil) && (a == nil || *a == *b) }

var (
	optionNameRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z_][a-z0-9_]*$`) })
	optionValueRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+]?[A-Za-z0-9_.]+$`) })
)

// optionList renders options as SET (...) takes them: a value that is
// not a plain number or word is quoted.
func (p Postgres) optionList(options []string) (string, error) {
	parts := make([]string, len(options))
	for i, o := range options {
		name, value, _ := strings.Cut(o, "=")
		name, value = strings.TrimSpace(name), strings.TrimSpace(value)
		if !optionNameRE().MatchString(name) {
			return "", fmt.Errorf("attribute option %q: the name must be a lower-case word, as in n_distinct=-0.5", o)
		}
		if !optionValueRE().MatchString(value) {
			lit, err := p.Literal(value)
			if err != nil {
				return "", err
			}
			value = lit
		}
		parts[i] = name + "=" + value
	}
	return strings.Join(parts, ", "), nil
}

// setStorage renders SET STORAGE; back to the type's default ("") it
// reads that default from pg_type when it runs, as PostgreSQL 15 has no
// SET STORAGE DEFAULT.
func (p Postgres) setStorage(r ops.TableRef, col, alter, storage string) (dialect.Statement, error) {
	if storage != "" {
		return dialect.Statement{SQL: alter + "SET STORAGE " + strings.ToUpper(storage)}, nil
	}
	table, err := p.Literal(p.table(r))
	if err != nil {
		return dialect.Statement{}, err
	}
	column, err := p.Literal(col)
	if err != nil {
		return dialect.Statement{}, err
	}
	if strings.Contains(table+column, "$retort$") {
		return dialect.Statement{}, fmt.Errorf("postgresql: column %s.%s: its name holds $retort$, which quotes the statement that resets its storage; "+
			"rename it, or reset the storage with an execute op (ALTER TABLE ... SET STORAGE)", r.Table, col)
	}
	return dialect.Statement{SQL: "DO $retort$BEGIN EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STORAGE %s', " + table + "::regclass, " + column +
		", (SELECT CASE t.typstorage WHEN 'p' THEN 'PLAIN' WHEN 'e' THEN 'EXTERNAL' WHEN 'm' THEN 'MAIN' ELSE 'EXTENDED' END" +
		" FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid WHERE a.attrelid = " + table + "::regclass AND a.attname = " + column + ")); END$retort$"}, nil
}

// alterAttributes renders an alter_column's attributes: from its
// existing_attributes, or the column's in the state when the op has none.
// A type change that leaves them alone sets the column's storage and
// compression again, which the new type would replace.
func (p Postgres) alterAttributes(m *metadata.MetaData, o *ops.AlterColumn) ([]dialect.Statement, error) {
	var from metadata.ColumnAttributes
	switch c := alteredColumn(m, o); {
	case o.ExistingAttributes != nil:
		from = *o.ExistingAttributes
	case c != nil:
		from = c.Attributes
	}
	to := from
	switch {
	case o.Attributes != nil:
		to = *o.Attributes
	case o.Type == nil:
		return nil, nil
	}
	return p.setAttributes(o.TableRef, o.ColumnName, from, to, o.Type != nil)
}

// columnAttributes renders the attributes of a new table's or column's
// columns.
func (p Postgres) columnAttributes(r ops.TableRef, cols ...*metadata.Column) ([]dialect.Statement, error) {
	var out []dialect.Statement
	for _, c := range cols {
		s, err := p.setAttributes(r, c.Name, metadata.ColumnAttributes{}, c.Attributes, false)
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}
