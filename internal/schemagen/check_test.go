package schemagen

import (
	"fmt"
	"regexp"
	"slices"
	"unicode/utf8"

	"github.com/retortdb/retort/metadata"
)

var checkExpr = regexp.MustCompile(`^([a-z_][a-z0-9_]*) >=? 0$`)

// checkSchema returns every way m breaks the promises of the package doc
// for cfg.
func checkSchema(cfg Config, m *metadata.MetaData) []error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	d := cfg.withDefaults()
	if err := m.Validate(); err != nil {
		fail("Validate: %v", err)
	}
	if len(m.Tables) != d.Tables {
		fail("%d tables, want %d", len(m.Tables), d.Tables)
	}
	if !cfg.Enums && len(m.Enums) > 0 {
		fail("enums without Config.Enums")
	}
	global := nameSet{}
	name := func(what, n string) {
		switch {
		case n == "" || !utf8.ValidString(n) || len(n) > metadata.MaxNameLength:
			fail("%s: bad name %q", what, n)
		case !global.claim(n):
			fail("%s: name %q is taken", what, n)
		case !cfg.AwkwardNames && !isPlain(n):
			fail("%s: name %q needs quoting", what, n)
		}
	}
	for _, e := range m.Enums {
		name("enum", e.Name)
	}
	position := map[string]int{}
	for i, t := range m.Tables {
		name("table", t.Name)
		position[t.Name] = i
	}
	for i, t := range m.Tables {
		at := func(format string, args ...any) { fail("table %q: "+format, append([]any{t.Name}, args...)...) }
		if n := len(t.Columns); n < d.MinColumns || n > d.MaxColumns {
			at("%d columns, want %d-%d", n, d.MinColumns, d.MaxColumns)
		}
		cols := nameSet{}
		for _, c := range t.Columns {
			if c.Name == "" || !cols.claim(c.Name) || (!cfg.AwkwardNames && !isPlain(c.Name)) {
				at("bad or duplicate column name %q", c.Name)
			}
			checkColumn(cfg, m, c, func(format string, args ...any) { at("column %q: "+format, append([]any{c.Name}, args...)...) })
		}
		for _, n := range constraintNames(t) {
			if *n == "" || len(*n) > metadata.MaxNameLength || !global.claim(*n) {
				at("constraint or index name %q is empty, long or taken", *n)
			}
		}
		pk := t.PrimaryKey
		if pk == nil || len(pk.Columns) < 1 || len(pk.Columns) > 2 {
			at("primary key %v, want one or two columns", pk)
			continue
		}
		for _, cn := range pk.Columns {
			if c := t.Column(cn); c == nil || c.Nullable {
				at("primary key column %q missing or nullable", cn)
			}
		}
		if len(pk.Columns) == 1 {
			if c := t.Column(pk.Columns[0]); c == nil || c.Type.Kind != metadata.BigInt || !c.AutoIncrement {
				at("single-column primary key is not an autoincrement bigint")
			}
		}
		if n := len(t.ForeignKeys); n > d.FKsPerTable || (i == 0 && n > 0) {
			at("%d foreign keys", n)
		}
		for _, fk := range t.ForeignKeys {
			checkForeignKey(m, t, fk, i, position, at)
		}
		for _, ix := range t.Indexes {
			checkKey(t, ix.Columns, at)
		}
		for _, u := range t.Uniques {
			checkKey(t, u.Columns, at)
		}
		if len(t.Indexes) > d.IndexesPerTable || len(t.Uniques) > d.UniquesPerTable || len(t.Checks) > d.ChecksPerTable {
			at("too many indexes (%d), unique constraints (%d) or checks (%d)", len(t.Indexes), len(t.Uniques), len(t.Checks))
		}
		for _, ck := range t.Checks {
			m := checkExpr.FindStringSubmatch(ck.Expression)
			if m == nil || t.Column(m[1]) == nil || slices.Contains(pk.Columns, m[1]) {
				at("check %q: expression %q is not a plain comparison of a column", ck.Name, ck.Expression)
			}
		}
	}
	return errs
}

// portableKinds may appear without Config.AllTypes.
var portableKinds = []metadata.Kind{
	metadata.SmallInt, metadata.Integer, metadata.BigInt, metadata.Boolean, metadata.Varchar,
	metadata.Char, metadata.Text, metadata.Numeric, metadata.Real, metadata.Double, metadata.Date,
	metadata.Time, metadata.Timestamp, metadata.TimestampTZ, metadata.UUID, metadata.JSON,
	metadata.Blob, metadata.VarBinary,
}

var portableDefault = regexp.MustCompile(`^(0|1|true|false|'[a-z/]+')$`)

func checkColumn(cfg Config, m *metadata.MetaData, c *metadata.Column, fail func(string, ...any)) {
	k := c.Type.Kind
	switch {
	case slices.Contains(portableKinds, k):
	case k == metadata.EnumKind && cfg.Enums:
		if m.Enum("", c.Type.EnumName) == nil {
			fail("enum %q is not declared", c.Type.EnumName)
		}
	case (k == metadata.Interval || k == metadata.JSONB) && cfg.AllTypes:
	default:
		fail("type %s not allowed", c.Type)
	}
	if c.Type.Length > 255 {
		fail("length %d", c.Type.Length)
	}
	if c.Default == "" {
		return
	}
	switch k {
	case metadata.Text, metadata.Blob, metadata.JSON, metadata.JSONB, metadata.Interval:
		fail("default %q on a %s column", c.Default, k)
	case metadata.EnumKind:
		return
	}
	if !portableDefault.MatchString(c.Default) {
		fail("default %q is not one of the portable ones", c.Default)
	}
}

func checkForeignKey(m *metadata.MetaData, t *metadata.Table, fk *metadata.ForeignKey, i int, position map[string]int, at func(string, ...any)) {
	j, ok := position[fk.RefTable]
	if !ok || j >= i {
		at("foreign key %q refers to %q, not an earlier table", fk.Name, fk.RefTable)
		return
	}
	ref := m.Tables[j]
	if !slices.Equal(fk.RefColumns, ref.PrimaryKey.Columns) || len(fk.Columns) != len(fk.RefColumns) {
		at("foreign key %q: %v -> %v is not to the primary key %v", fk.Name, fk.Columns, fk.RefColumns, ref.PrimaryKey.Columns)
		return
	}
	for k, cn := range fk.Columns {
		c, rc := t.Column(cn), ref.Column(fk.RefColumns[k])
		if c == nil || rc == nil || !c.Type.Equal(rc.Type) {
			at("foreign key %q: column %q does not match %s.%s", fk.Name, cn, ref.Name, fk.RefColumns[k])
			continue
		}
		if fk.OnDelete == metadata.SetNull && !c.Nullable {
			at("foreign key %q sets NOT NULL column %q null", fk.Name, cn)
		}
	}
	switch fk.OnDelete {
	case "", metadata.NoAction, metadata.Restrict, metadata.Cascade, metadata.SetNull:
	default:
		at("foreign key %q: on delete %q", fk.Name, fk.OnDelete)
	}
}

func checkKey(t *metadata.Table, cols []string, at func(string, ...any)) {
	width := 0
	for _, cn := range cols {
		c := t.Column(cn)
		if c == nil {
			at("key column %q does not exist", cn)
			continue
		}
		w, ok := keyBytes(c.Type)
		if !ok {
			at("key column %q of type %s cannot be indexed everywhere", cn, c.Type)
		}
		width += w
	}
	if len(cols) == 0 || width > maxKeyBytes {
		at("key %v is empty or %d bytes wide", cols, width)
	}
}
