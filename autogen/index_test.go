package autogen_test

import (
	"testing"
)

const indexTable = `CREATE TABLE docs (id integer NOT NULL PRIMARY KEY, title varchar(50) NOT NULL, score integer)`

// indexCases are changes of indexes in full: each adds, changes, renames
// or drops an index shape, per database where the shape exists.
var indexCases = []viewCase{
	{name: "rename an index",
		from:    map[string][]string{"": {indexTable, `CREATE INDEX ix_title ON docs (title)`}},
		to:      map[string][]string{"": {indexTable, `CREATE INDEX docs_by_title ON docs (title)`}},
		wantOps: map[string][]string{"": {"rename_index"}}},
	{name: "rename an index in full",
		from: map[string][]string{
			"postgres": {indexTable, `CREATE INDEX ix_a ON docs (lower(title) text_pattern_ops, score DESC NULLS LAST) INCLUDE (id)`},
			"mysql":    {indexTable, `CREATE INDEX ix_a ON docs (title(10), score DESC) COMMENT 'prefix'`}},
		to: map[string][]string{
			"postgres": {indexTable, `CREATE INDEX ix_b ON docs (lower(title) text_pattern_ops, score DESC NULLS LAST) INCLUDE (id)`},
			"mysql":    {indexTable, `CREATE INDEX ix_b ON docs (title(10), score DESC) COMMENT 'prefix'`}},
		wantOps: map[string][]string{"": {"rename_index"}}},
	{name: "add an index in full",
		from: map[string][]string{"postgres": {indexTable}, "mysql": {indexTable}},
		to: map[string][]string{
			"postgres": {indexTable, `CREATE INDEX ix_full ON docs USING btree (title varchar_pattern_ops, score NULLS FIRST) INCLUDE (id) WITH (fillfactor = 60) WHERE score > 0`,
				`COMMENT ON INDEX ix_full IS 'full'`},
			"mysql": {indexTable, `CREATE INDEX ix_full ON docs (score DESC, title(8)) COMMENT 'full'`}},
		wantOps: map[string][]string{"": {"create_index"}}},
	{name: "change an operator class",
		from:    map[string][]string{"postgres": {indexTable, `CREATE INDEX ix_title ON docs (title)`}},
		to:      map[string][]string{"postgres": {indexTable, `CREATE INDEX ix_title ON docs (title varchar_pattern_ops)`}},
		wantOps: map[string][]string{"postgres": {"drop_index", "create_index"}}},
	{name: "change a direction",
		from:    map[string][]string{"postgres": {indexTable, `CREATE INDEX ix_score ON docs (score)`}, "mysql": {indexTable, `CREATE INDEX ix_score ON docs (score)`}},
		to:      map[string][]string{"postgres": {indexTable, `CREATE INDEX ix_score ON docs (score DESC)`}, "mysql": {indexTable, `CREATE INDEX ix_score ON docs (score DESC)`}},
		wantOps: map[string][]string{"": {"drop_index", "create_index"}}},
	{name: "change INCLUDE and WITH",
		from:    map[string][]string{"postgres": {indexTable, `CREATE INDEX ix_title ON docs (title) INCLUDE (id)`}},
		to:      map[string][]string{"postgres": {indexTable, `CREATE INDEX ix_title ON docs (title) INCLUDE (score) WITH (fillfactor = 50)`}},
		wantOps: map[string][]string{"postgres": {"drop_index", "create_index"}}},
	{name: "change a prefix length",
		from:    map[string][]string{"mysql": {indexTable, `CREATE INDEX ix_title ON docs (title(10))`}},
		to:      map[string][]string{"mysql": {indexTable, `CREATE INDEX ix_title ON docs (title(20))`}},
		wantOps: map[string][]string{"mysql": {"drop_index", "create_index"}}},
	{name: "drop a commented index; the downgrade brings the comment back",
		from: map[string][]string{
			"postgres": {indexTable, `CREATE INDEX ix_score ON docs (score DESC)`, `COMMENT ON INDEX ix_score IS 'best first'`},
			"mysql":    {indexTable, `CREATE INDEX ix_score ON docs (score DESC) COMMENT 'best first'`}},
		to:      map[string][]string{"postgres": {indexTable}, "mysql": {indexTable}},
		wantOps: map[string][]string{"": {"drop_index"}}},
	{name: "drop a commented column; the downgrade brings the comment back",
		from: map[string][]string{
			"postgres": {indexTable, `ALTER TABLE docs ADD COLUMN note text`, `COMMENT ON COLUMN docs.note IS 'free text'`},
			"mysql":    {indexTable, `ALTER TABLE docs ADD COLUMN note text COMMENT 'free text'`}},
		to:      map[string][]string{"postgres": {indexTable}, "mysql": {indexTable}},
		wantOps: map[string][]string{"": {"drop_column"}}},
}

// TestAutogenerateIndexes: for each database where the shape exists,
// autogenerate's ops for an added, changed, renamed and dropped index
// upgrade the database to the target's dump, downgrade it back to the
// original's (comments included) and upgrade again; then nothing differs.
func TestAutogenerateIndexes(t *testing.T) {
	runSchemaCases(t, indexCases)
}
