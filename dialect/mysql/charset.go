package mysql

import (
	"regexp"
	"strings"
	"sync"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
)

var _ dialect.CharsetModeller = (*Dialect)(nil)

// defaultCharset is the character set CREATE TABLE writes for a table
// whose model names none (tableOptions).
const defaultCharset = "utf8mb4"

// defaultCollations are each character set's default collation on
// MariaDB 10.11 (MySQL 8 differs for utf8mb4: utf8mb4_0900_ai_ci, which is
// taken as a default too). A character set not listed defaults to
// <charset>_general_ci.
var defaultCollations = map[string]string{
	"big5": "big5_chinese_ci", "dec8": "dec8_swedish_ci", "hp8": "hp8_english_ci",
	"latin1": "latin1_swedish_ci", "swe7": "swe7_swedish_ci", "ujis": "ujis_japanese_ci",
	"sjis": "sjis_japanese_ci", "tis620": "tis620_thai_ci", "euckr": "euckr_korean_ci",
	"gb2312": "gb2312_chinese_ci", "gbk": "gbk_chinese_ci", "latin5": "latin5_turkish_ci",
	"cp932": "cp932_japanese_ci", "eucjpms": "eucjpms_japanese_ci", "gb18030": "gb18030_chinese_ci",
	"binary": "binary",
}

// canonCharset spells a character set as the catalog does: lower case,
// utf8 as utf8mb3 (MariaDB and MySQL 8 both read it so).
func canonCharset(cs string) string {
	cs = strings.ToLower(strings.TrimSpace(cs))
	if cs == "utf8" {
		return "utf8mb3"
	}
	return cs
}

// canonCollation spells a collation as the catalog does (utf8_bin is
// utf8mb3_bin).
func canonCollation(co string) string {
	co = strings.ToLower(strings.TrimSpace(co))
	if strings.HasPrefix(co, "utf8_") {
		return "utf8mb3_" + co[len("utf8_"):]
	}
	return co
}

// charsetOf returns the character set a collation belongs to: its name up
// to the first underscore.
func charsetOf(collation string) string {
	if i := strings.IndexByte(collation, '_'); i > 0 {
		return collation[:i]
	}
	return collation // binary
}

// defaultCollation returns the default collation of a character set.
func defaultCollation(cs string) string {
	if co, ok := defaultCollations[cs]; ok {
		return co
	}
	return cs + "_general_ci"
}

// isDefaultCollation reports whether co is the default collation of cs.
func isDefaultCollation(cs, co string) bool {
	return co == defaultCollation(cs) || cs == "utf8mb4" && co == "utf8mb4_0900_ai_ci"
}

// EffectiveCharset returns the character set and collation a column (or,
// with c nil, the table) has on the server: a column that names neither
// follows its table, a charset alone takes its default collation, a
// collation alone its charset; a table that names neither is utf8mb4, as
// CREATE TABLE writes it. A JSON column has none (MariaDB fixes its
// utf8mb4_bin).
func (d *Dialect) EffectiveCharset(t *metadata.Table, c *metadata.Column) (string, string) {
	return effectiveCharset(t, c)
}

func effectiveCharset(t *metadata.Table, c *metadata.Column) (string, string) {
	if c == nil {
		cs, co := canonCharset(t.Charset), canonCollation(t.Collation)
		if cs == "" {
			cs = charsetOf(co)
		}
		if cs == "" {
			cs = defaultCharset
		}
		if co == "" || isDefaultCollation(cs, co) {
			co = defaultCollation(cs)
		}
		return cs, co
	}
	if !isCharacter(c.Type.For("mysql")) {
		return "", ""
	}
	cs, co := canonCharset(c.Charset), canonCollation(c.Collation)
	switch {
	case co != "":
		if cs == "" {
			cs = charsetOf(co)
		}
		if isDefaultCollation(cs, co) {
			co = defaultCollation(cs)
		}
		return cs, co
	case cs != "":
		return cs, defaultCollation(cs)
	}
	return effectiveCharset(t, nil)
}

// normalizeCharsets spells a table's options and its columns' character
// sets as Inspect reads them: a table's only where they are not utf8mb4
// and its default collation, a column's only where they are not its
// table's, a collation only where its charset does not imply it; row
// formats in upper case. Plan renders each spelling back to the same
// table.
func normalizeCharsets(t *metadata.Table) {
	tcs, tco := effectiveCharset(t, nil)
	for _, c := range t.Columns {
		cs, co := effectiveCharset(t, c)
		switch {
		case cs == "" || cs == tcs && co == tco:
			c.Charset, c.Collation = "", ""
		case cs == tcs:
			c.Charset, c.Collation = "", co
		default:
			c.Charset, c.Collation = cs, co
			if isDefaultCollation(cs, co) {
				c.Collation = ""
			}
		}
	}
	t.Charset, t.Collation = tcs, tco
	if tcs == defaultCharset {
		t.Charset = ""
	}
	if isDefaultCollation(tcs, tco) {
		t.Collation = ""
	}
	t.RowFormat = strings.ToUpper(strings.TrimSpace(t.RowFormat))
	if t.RowFormat == "DEFAULT" {
		t.RowFormat = ""
	}
}

var rowFormatRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\brow_format=(\w+)`) })

// rowFormatOf reads the ROW_FORMAT a table was created with from
// TABLES.CREATE_OPTIONS ("row_format=DYNAMIC"); empty when none was given.
func rowFormatOf(createOptions string) string {
	if m := rowFormatRE().FindStringSubmatch(createOptions); m != nil {
		return strings.ToUpper(m[1])
	}
	return ""
}

// tableOptionsSQL renders the options that end a CREATE TABLE: InnoDB
// (foreign keys, transactions for data), the table's charset (utf8mb4,
// every Unicode character, when it names none, whatever the server's
// default), its collation and row format when set.
func tableOptionsSQL(t *metadata.Table) string {
	cs, _ := effectiveCharset(t, nil)
	co := canonCollation(t.Collation)
	s := "ENGINE=InnoDB DEFAULT CHARSET=" + cs
	if co != "" {
		s += " COLLATE=" + co
	}
	if t.RowFormat != "" {
		s += " ROW_FORMAT=" + strings.ToUpper(t.RowFormat)
	}
	return s
}

// columnCharsetSQL renders a column's CHARACTER SET and COLLATE clauses
// (with a leading space), or "" when it follows its table.
func columnCharsetSQL(c *metadata.Column) string {
	var s string
	if c.Charset != "" {
		s += " CHARACTER SET " + canonCharset(c.Charset)
	}
	if c.Collation != "" {
		s += " COLLATE " + canonCollation(c.Collation)
	}
	return s
}

// isCharacter reports whether a column of type t holds text in a
// character set: char, varchar, text, enum, uuid and interval (char(36),
// varchar(64)) and native character types; not json (MariaDB fixes its
// collation), binary or numeric types.
func isCharacter(t metadata.Type) bool {
	switch t.Kind {
	case metadata.Varchar, metadata.Char, metadata.Text, metadata.EnumKind, metadata.UUID, metadata.Interval:
		return true
	case metadata.Native:
		return hasCharset(t.Native)
	}
	return false
}

// hasCharset reports whether a column of rendered type sqlType holds text
// in a character set (char, varchar, the text types, enum, set), so that a
// change of its table's charset converts it.
func hasCharset(sqlType string) bool {
	s := asciiLower(sqlType)
	if strings.Contains(s, "binary") || strings.Contains(s, "blob") || s == "json" {
		return false
	}
	return strings.Contains(s, "char") || strings.Contains(s, "text") ||
		strings.HasPrefix(s, "enum(") || strings.HasPrefix(s, "set(")
}
