package schemagen

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
)

// The databases [Odd] writes for, spelled as internal/dbtest spells them.
const (
	OddPostgres = "postgres"
	OddMySQL    = "mysql"
	OddSQLite   = "sqlite"
)

// The odd features [Odd] draws from; [OddSchema.Features] lists those a
// seed used.
const (
	FeatureFKIntToBigint    = "fk integer -> bigint"
	FeatureFKToUniqueIndex  = "fk to a unique index"
	FeatureFKToUniqueColumn = "fk to a non-key unique column"
	FeatureFKToPlainIndex   = "fk to a non-unique index"
	FeatureNoPrimaryKey     = "table without primary key"
	FeatureDuplicateIndexes = "duplicate indexes"
	FeatureNullablePK       = "nullable primary key"
	FeatureCaseNames        = "names differing by case"
	FeatureKeywordNames     = "keywords as names"
	FeatureSchemas          = "several schemas, same table names, keys across"
)

// OddSchema is a schema a database accepts but a tidy schema.yaml would
// not be written as: plain SQL statements, in order, for one database.
type OddSchema struct {
	Dialect string
	// Schemas are the schemas the statements create besides the default
	// one (PostgreSQL only).
	Schemas []string
	// Statements create it on an empty database.
	Statements []string
	// Features are the odd features used, in the order of the constants.
	Features []string
}

// SQL is the statements as one script, each ending in a semicolon.
func (o *OddSchema) SQL() string {
	return strings.Join(o.Statements, ";\n") + ";\n"
}

// keywords are reserved words of SQL (and of each of the three databases)
// used as names of tables, columns and schemas.
var keywords = []string{"order", "select", "group", "user", "table", "from", "where", "key", "index", "check", "desc", "limit", "column", "default", "primary"}

// parentNames and childNames are the tables of a schema's family of
// tables: a parent with several keys and a child that refers to them.
var (
	parentNames = []string{"users", "accounts", "order", "group", "Users", "user"}
	childNames  = []string{"reports", "notes", "select", "table", "Reports", "from"}
)

// Odd returns the odd-but-legal schema of seed for dialect (OddPostgres,
// OddMySQL or OddSQLite). Every seed is a family of tables per schema (a
// parent, a child referring to it, optional extra tables), with features
// drawn at random; where a feature is legal on the database only, it is
// drawn only for that database:
//   - a foreign key from integer to bigint (PostgreSQL, SQLite; InnoDB
//     refuses it);
//   - foreign keys to a column with a unique index that is no constraint,
//     and to a non-key column with a UNIQUE constraint;
//   - on MySQL/MariaDB, a foreign key to a column with a plain index
//     (InnoDB accepts any index);
//   - tables without a primary key;
//   - two or three indexes on the same columns;
//   - on SQLite, primary keys of nullable columns (not a rowid alias);
//   - on PostgreSQL, tables and columns whose names differ only by case;
//   - reserved words as table, column, index and schema names;
//   - on PostgreSQL, one to three more schemas holding tables of the same
//     names as the default schema's, with foreign keys into the default
//     schema and between the schemas.
//
// The same seed gives the same statements.
func Odd(dialect string, seed int64) *OddSchema { return OddWithSchemas(dialect, seed, 0) }

// OddWithSchemas is [Odd] with at least schemas more schemas than the
// default one on PostgreSQL (at most 6); elsewhere it is Odd.
func OddWithSchemas(dialect string, seed int64, schemas int) *OddSchema {
	g := &oddGen{r: rand.New(rand.NewPCG(uint64(seed), 0x0dd)), d: dialect, out: &OddSchema{Dialect: dialect}, features: map[string]bool{},
		minSchemas: schemas}
	g.generate()
	for _, f := range []string{FeatureFKIntToBigint, FeatureFKToUniqueIndex, FeatureFKToUniqueColumn, FeatureFKToPlainIndex,
		FeatureNoPrimaryKey, FeatureDuplicateIndexes, FeatureNullablePK, FeatureCaseNames, FeatureKeywordNames, FeatureSchemas} {
		if g.features[f] {
			g.out.Features = append(g.out.Features, f)
		}
	}
	return g.out
}

type oddGen struct {
	minSchemas int
	r          *rand.Rand
	d          string
	out        *OddSchema
	features   map[string]bool
}

// chance is true with probability p.
func (g *oddGen) chance(p float64) bool { return g.r.Float64() < p }

// pick returns one of names, at random.
func (g *oddGen) pick(names []string) string { return names[g.r.IntN(len(names))] }

// q quotes a name.
func (g *oddGen) q(name string) string {
	if g.d == OddMySQL {
		return "`" + strings.ReplaceAll(name, "`", "``") + "`"
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// qt quotes a table name in a schema ("" for the default one).
func (g *oddGen) qt(schema, name string) string {
	if schema == "" {
		return g.q(name)
	}
	return g.q(schema) + "." + g.q(name)
}

func (g *oddGen) exec(format string, args ...any) {
	g.out.Statements = append(g.out.Statements, fmt.Sprintf(format, args...))
}

// word returns a name: a keyword (noting the feature) or plain.
func (g *oddGen) word(plain string) string {
	if g.chance(0.4) {
		g.features[FeatureKeywordNames] = true
		return g.pick(keywords)
	}
	return plain
}

// family is the names of one schema's tables, the same in every schema.
type family struct {
	parent, child string
	// columns of the parent: its key, a column under a unique index, one
	// under a unique constraint, one under a plain index.
	id, code, email, tag string
	// child columns referring to those.
	ref, codeRef, emailRef, tagRef string
	keyType, refType               string
	parentPK, childPK, dupes       bool
	uniqueIndex, uniqueColumn      bool
	plainIndex, caseTwin           bool
	sqliteNullPK                   bool
	extras                         int
}

func (g *oddGen) generate() {
	f := g.family()
	schemas := []string{""}
	if g.d == OddPostgres && (g.chance(0.6) || g.minSchemas > 0) {
		pool := []string{"billing", "crm", "Audit", "audit", "order", "user"}
		g.r.Shuffle(len(pool), func(i, j int) { pool[i], pool[j] = pool[j], pool[i] })
		n := min(max(1+g.r.IntN(3), g.minSchemas), len(pool))
		for _, s := range pool[:n] {
			if slices.Contains(keywords, s) {
				g.features[FeatureKeywordNames] = true
			}
			if s == "Audit" && slices.Contains(pool[:n], "audit") {
				g.features[FeatureCaseNames] = true
			}
			g.exec("CREATE SCHEMA %s", g.q(s))
			g.out.Schemas = append(g.out.Schemas, s)
			schemas = append(schemas, s)
		}
		g.features[FeatureSchemas] = true
	}
	for _, s := range schemas {
		g.tables(f, s)
	}
	// Keys across schemas: each extra schema's child also refers to the
	// parent of the schema before it (the default one for the first).
	for i := 1; i < len(schemas); i++ {
		from, to := schemas[i], schemas[i-1]
		col := "up_" + f.ref
		g.exec("ALTER TABLE %s ADD COLUMN %s %s", g.qt(from, f.child), g.q(col), f.refType)
		g.exec("ALTER TABLE %s ADD CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)",
			g.qt(from, f.child), g.q(f.child+"_up_fk"), g.q(col), g.qt(to, f.parent), g.q(f.id))
	}
}

// family draws the table and column names and the features of a seed.
func (g *oddGen) family() *family {
	f := &family{parent: g.pick(parentNames), child: g.pick(childNames)}
	for strings.EqualFold(f.parent, f.child) {
		f.child = g.pick(childNames)
	}
	if g.d != OddPostgres {
		// MySQL and SQLite fold the case of table names (MySQL on
		// case-insensitive file systems, SQLite always): keep one spelling.
		f.parent, f.child = strings.ToLower(f.parent), strings.ToLower(f.child)
	}
	for _, n := range []string{f.parent, f.child} {
		if slices.Contains(keywords, n) {
			g.features[FeatureKeywordNames] = true
		}
	}
	f.id = g.word("id")
	f.code, f.email, f.tag = g.distinct(f.id, "code"), "email", "tag"
	if f.code == f.id {
		f.code = "code"
	}
	f.ref, f.codeRef, f.emailRef, f.tagRef = g.distinct("", f.parent+"_id"), "code_ref", "email_ref", "tag_ref"
	if f.ref == f.id {
		f.ref = f.parent + "_id"
	}
	f.keyType, f.refType = "bigint", "bigint"
	if g.d != OddMySQL && g.chance(0.7) {
		f.refType = "integer"
		g.features[FeatureFKIntToBigint] = true
	}
	f.parentPK = true
	if g.d == OddSQLite && g.chance(0.3) {
		f.sqliteNullPK = true // the parent's key is a nullable text column
		f.keyType, f.refType = "text", "text"
		delete(g.features, FeatureFKIntToBigint)
		g.features[FeatureNullablePK] = true
	}
	f.childPK = g.chance(0.5)
	if !f.childPK {
		g.features[FeatureNoPrimaryKey] = true
	}
	f.dupes = g.chance(0.6)
	if f.dupes {
		g.features[FeatureDuplicateIndexes] = true
	}
	f.uniqueIndex = g.chance(0.7)
	if f.uniqueIndex {
		g.features[FeatureFKToUniqueIndex] = true
	}
	f.uniqueColumn = g.chance(0.7)
	if f.uniqueColumn {
		g.features[FeatureFKToUniqueColumn] = true
	}
	f.plainIndex = g.d == OddMySQL && g.chance(0.5)
	if f.plainIndex {
		g.features[FeatureFKToPlainIndex] = true
	}
	f.caseTwin = g.d == OddPostgres && g.chance(0.6)
	if f.caseTwin {
		g.features[FeatureCaseNames] = true
	}
	f.extras = g.r.IntN(3)
	return f
}

// distinct returns a keyword or plain, not equal to avoid.
func (g *oddGen) distinct(avoid, plain string) string {
	for range 4 {
		if w := g.word(plain); w != avoid {
			return w
		}
	}
	return plain
}

// tables creates one schema's family.
func (g *oddGen) tables(f *family, schema string) {
	text := "varchar(100)"
	key := g.q(f.id) + " " + f.keyType + " NOT NULL PRIMARY KEY"
	if f.sqliteNullPK {
		key = g.q(f.id) + " text PRIMARY KEY"
	}
	cols := []string{key, g.q(f.code) + " integer", g.q(f.email) + " " + text, g.q(f.tag) + " integer"}
	if f.uniqueColumn {
		cols[2] += " UNIQUE"
	}
	g.exec("CREATE TABLE %s (%s)", g.qt(schema, f.parent), strings.Join(cols, ", "))
	ixName := func(base string) string {
		switch {
		case g.d != OddMySQL: // index names are the schema's, shared with tables
			return f.parent + "_" + base
		case strings.EqualFold(base, "primary"): // MySQL's name of the primary key
			return base + "_ix"
		}
		return base
	}
	if f.uniqueIndex {
		g.exec("CREATE UNIQUE INDEX %s ON %s (%s)", g.q(ixName(g.word("code_ux"))), g.qt(schema, f.parent), g.q(f.code))
	}
	if f.plainIndex {
		g.exec("CREATE INDEX %s ON %s (%s)", g.q(ixName("tag_ix")), g.qt(schema, f.parent), g.q(f.tag))
	}

	ccols := []string{}
	if f.childPK {
		ccols = append(ccols, g.q("n")+" integer NOT NULL PRIMARY KEY")
	} else {
		ccols = append(ccols, g.q("n")+" integer")
	}
	ccols = append(ccols, g.q(f.ref)+" "+f.refType)
	fks := []string{fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", g.q(f.ref), g.qt(schema, f.parent), g.q(f.id))}
	if f.uniqueIndex {
		ccols = append(ccols, g.q(f.codeRef)+" integer")
		fks = append(fks, fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE", g.q(f.codeRef), g.qt(schema, f.parent), g.q(f.code)))
	}
	if f.uniqueColumn {
		ccols = append(ccols, g.q(f.emailRef)+" "+text)
		fks = append(fks, fmt.Sprintf("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)", g.q(f.child+"_email_fk"), g.q(f.emailRef), g.qt(schema, f.parent), g.q(f.email)))
	}
	if f.plainIndex {
		ccols = append(ccols, g.q(f.tagRef)+" integer")
		fks = append(fks, fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", g.q(f.tagRef), g.qt(schema, f.parent), g.q(f.tag)))
	}
	if f.caseTwin {
		ccols = append(ccols, g.q("Note")+" text", g.q("note")+" integer")
	}
	g.exec("CREATE TABLE %s (%s)", g.qt(schema, f.child), strings.Join(append(ccols, fks...), ", "))
	if f.dupes {
		for i := range 2 + g.r.IntN(2) {
			g.exec("CREATE INDEX %s ON %s (%s)", g.q(ixName(fmt.Sprintf("%s_dup%d", f.child, i))), g.qt(schema, f.child), g.q(f.ref))
		}
	}
	if f.caseTwin {
		// A table named like the parent but for case, referring to it.
		twin := strings.ToUpper(f.parent[:1]) + f.parent[1:]
		if twin == f.parent {
			twin = strings.ToLower(f.parent)
		}
		g.exec("CREATE TABLE %s (%s integer, %s bigint REFERENCES %s (%s))", g.qt(schema, twin), g.q("ID"), g.q("id"), g.qt(schema, f.parent), g.q(f.id))
	}
	for i := range f.extras {
		g.extra(f, schema, i)
	}
}

// extra creates a small table of odd keys: a composite key (nullable on
// SQLite), or none, and a keyword column.
func (g *oddGen) extra(f *family, schema string, i int) {
	name := fmt.Sprintf("%s_x%d", f.child, i)
	col := g.word("label")
	cols := []string{g.q("a") + " varchar(20)", g.q("b") + " integer", g.q(col+"_v") + " integer"}
	if col != "label" {
		cols[2] = g.q(col) + " integer"
	}
	switch {
	case g.d == OddSQLite && g.chance(0.5):
		cols = append(cols, "PRIMARY KEY ("+g.q("a")+", "+g.q("b")+")") // both columns nullable
		g.features[FeatureNullablePK] = true
	case g.chance(0.5):
		cols[0] = g.q("a") + " varchar(20) NOT NULL"
		cols[1] = g.q("b") + " integer NOT NULL"
		cols = append(cols, "PRIMARY KEY ("+g.q("a")+", "+g.q("b")+")")
	default:
		g.features[FeatureNoPrimaryKey] = true
	}
	cols = append(cols, fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s)", g.q("b"), g.qt(schema, f.parent), g.q(f.id)))
	if f.sqliteNullPK || f.keyType != "bigint" {
		cols = cols[:len(cols)-1]
	} else if g.d != OddMySQL {
		g.features[FeatureFKIntToBigint] = true
	} else {
		cols[1] = strings.Replace(cols[1], "integer", "bigint", 1)
	}
	g.exec("CREATE TABLE %s (%s)", g.qt(schema, name), strings.Join(cols, ", "))
	if g.chance(0.5) {
		g.features[FeatureDuplicateIndexes] = true
		g.exec("CREATE INDEX %s ON %s (%s, %s)", g.q(name+"_ab1"), g.qt(schema, name), g.q("a"), g.q("b"))
		g.exec("CREATE UNIQUE INDEX %s ON %s (%s, %s)", g.q(name+"_ab2"), g.qt(schema, name), g.q("a"), g.q("b"))
	}
}
