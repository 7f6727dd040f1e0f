package dialect

import "github.com/retortdb/retort/metadata"

// CharsetModeller is implemented by a dialect that models character sets,
// collations and row formats (MySQL/MariaDB: metadata.Table's Charset,
// Collation and RowFormat, metadata.Column's Charset and Collation). For any
// other dialect autogen ignores those fields, as its Plan does.
type CharsetModeller interface {
	// EffectiveCharset returns the character set and collation column c
	// of table t has on the database, with what the model leaves empty
	// resolved (a column's from its table, a collation from its charset);
	// with c nil, the table's own. Two columns are the same here when
	// these agree, however each model spells them.
	EffectiveCharset(t *metadata.Table, c *metadata.Column) (charset, collation string)
}
