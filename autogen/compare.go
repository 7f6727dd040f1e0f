package autogen

import (
	"errors"
	"fmt"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// Result is what Compare found.
type Result struct {
	// Ops turn the current schema into the target, in an order that
	// applies; nil when nothing differs.
	Ops []ops.Op
	// Warnings are changes autogenerate cannot make or tell apart, for the
	// author of the revision to look at, one line each.
	Warnings []string
	// Notes name, once per object, spellings whose meaning could not be
	// compared (see judge.go); they are not changes unless Options.Strict.
	Notes []string
}

// phases collects ops by the step of the order in the package doc.
type phases struct {
	createExtensions, dropExtensions    []ops.Op
	createDomains, alterDomains         []ops.Op
	dropDomains                         []ops.Op
	createSequences, renameSequences    []ops.Op
	dropSequences                       []ops.Op
	createEnums, addEnumValues          []ops.Op
	dropFKs, dropKeys, dropPKs          []ops.Op
	addColumns, alterColumns            []ops.Op
	createPKs, createTables, createKeys []ops.Op
	createFKs, dropTables, dropColumns  []ops.Op
	dropEnums                           []ops.Op
	dropViews, createViews              []ops.Op
	createRoutines, dropRoutines        []ops.Op
	dropTriggers, createTriggers        []ops.Op
	dropRules, createRules              []ops.Op
	dropPolicies, createPolicies        []ops.Op
	dropEvents, createEvents            []ops.Op
	schemaComments, schemaGrants        []ops.Op
	warnings, notes                     []string
	err                                 error // a comparison that cannot be made (views in a cycle)
}

func (p *phases) list() []ops.Op {
	var out []ops.Op
	for _, l := range [][]ops.Op{p.dropPolicies, p.dropEvents, p.dropRules, p.dropTriggers, p.dropViews, p.dropRoutines, p.createExtensions, p.createSequences, p.renameSequences, p.createEnums,
		p.addEnumValues, p.createDomains, p.alterDomains,
		p.dropFKs, p.dropTables, p.dropKeys, p.dropPKs, p.addColumns, p.alterColumns, p.createPKs,
		p.createKeys, p.createTables, p.createFKs, p.createRoutines, p.createViews, p.createTriggers, p.createRules, p.createPolicies, p.createEvents, p.schemaComments, p.schemaGrants,
		p.dropColumns, p.dropDomains, p.dropEnums, p.dropSequences,
		p.dropExtensions} {
		out = append(out, l...)
	}
	return out
}

func (p *phases) warnf(format string, args ...any) {
	p.warnings = append(p.warnings, fmt.Sprintf(format, args...))
}

// Compare returns the ops that turn current into target on d. Both are
// normalised by d first (Normalize is idempotent, so a reflection passes
// through unchanged, and a model folded from the history is spelled as the
// database would give it back); neither is changed. A nil current is an
// empty database.
func Compare(target, current *metadata.MetaData, d dialect.Dialect, opts Options) (*Result, error) {
	if target == nil {
		return nil, errors.New("autogen: no target schema")
	}
	if d == nil {
		return nil, errors.New("autogen: no dialect")
	}
	return compare(target, current, d, opts, nil, nil)
}

// compare is Compare with the database's answers to earlier questions, or
// collecting the questions to ask (see judge.go).
func compare(target, current *metadata.MetaData, d dialect.Dialect, opts Options,
	answers map[answerKey]dialect.Verdict, collect map[answerKey]dialect.Pair) (*Result, error) {
	if current == nil {
		current = metadata.New()
	}
	c := &comparer{d: d, opts: opts, answers: answers, collect: collect,
		target: opts.filter(d.Normalize(target)), current: opts.filter(d.Normalize(current))}
	opts.filterEnums(c.target, c.current)
	opts.filterSequences(d, c.target, c.current)
	if err := c.undeclaredSequence(); err != nil {
		return nil, err
	}
	if err := c.changedPartitioning(); err != nil {
		return nil, err
	}
	if err := c.changedInherits(); err != nil {
		return nil, err
	}
	c.extensions()
	c.sequences()
	c.enums()
	c.domains()
	c.tables()
	c.views()
	c.routines()
	c.triggers()
	c.rules()
	c.policies()
	c.events()
	c.schemaComments()
	c.schemaGrants()
	if c.p.err != nil {
		return nil, fmt.Errorf("autogen: %w", c.p.err)
	}
	list := c.p.list()
	for i, o := range list {
		if err := o.Validate(); err != nil {
			return nil, fmt.Errorf("autogen: op %d: %w", i+1, err)
		}
	}
	return &Result{Ops: list, Warnings: c.p.warnings, Notes: c.p.notes}, nil
}

// comparer holds one comparison.
type comparer struct {
	d               dialect.Dialect
	opts            Options
	target, current *metadata.MetaData
	p               phases
	answers         map[answerKey]dialect.Verdict // the database's verdicts (CompareOnline)
	collect         map[answerKey]dialect.Pair    // questions for the database, when set
	noted           map[string]bool               // objects already noted
}

// tables compares the tables of both sides.
func (c *comparer) tables() {
	type key struct{ schema, name string }
	current := make(map[key]*metadata.Table, len(c.current.Tables))
	for _, t := range c.current.Tables {
		current[key{t.Schema, t.Name}] = t
	}
	var added, dropped []*metadata.Table
	for _, t := range c.target.Tables {
		k := key{t.Schema, t.Name}
		if cur := current[k]; cur != nil {
			c.table(t, cur)
			delete(current, k)
		} else {
			added = append(added, t)
		}
	}
	for _, t := range c.current.Tables {
		if current[key{t.Schema, t.Name}] != nil {
			dropped = append(dropped, t)
		}
	}
	c.createTables(added)
	c.dropTables(dropped)
	c.tableRenames(added, dropped)
}

// createTables creates new tables in foreign key order, the keys of a
// cycle deferred to the foreign key step.
func (c *comparer) createTables(added []*metadata.Table) {
	if len(added) == 0 {
		return
	}
	for _, o := range dialect.CreateOpsFor(c.d, &metadata.MetaData{Tables: added}) {
		if fk, ok := o.(*ops.CreateForeignKey); ok {
			c.p.createFKs = append(c.p.createFKs, fk)
			continue
		}
		c.p.createTables = append(c.p.createTables, o)
	}
}

// dropTables drops tables in reverse foreign key order, the keys of a
// cycle first.
func (c *comparer) dropTables(dropped []*metadata.Table) {
	if len(dropped) == 0 {
		return
	}
	for _, o := range dialect.DropOps(&metadata.MetaData{Tables: dropped}) {
		if fk, ok := o.(*ops.DropConstraint); ok {
			c.p.dropFKs = append(c.p.dropFKs, fk)
			continue
		}
		c.p.dropTables = append(c.p.dropTables, o)
	}
}

// tableRenames warns of a table dropped and one with the same columns
// created: a rename autogenerate cannot tell from drop and create.
func (c *comparer) tableRenames(added, dropped []*metadata.Table) {
	for _, a := range added {
		for _, d := range dropped {
			if a.Schema == d.Schema && sameColumnSet(a, d) {
				c.p.warnf("table %s looks like a rename of %s; edit the revision to use rename_table",
					a.QualifiedName(), d.QualifiedName())
			}
		}
	}
}

// sameColumnSet reports whether two tables have the same column names and types.
func sameColumnSet(a, b *metadata.Table) bool {
	if len(a.Columns) != len(b.Columns) {
		return false
	}
	for _, ca := range a.Columns {
		cb := b.Column(ca.Name)
		if cb == nil || !ca.Type.Equal(cb.Type) {
			return false
		}
	}
	return true
}

// ref is the TableRef of t.
func ref(t *metadata.Table) ops.TableRef { return ops.TableRef{Schema: t.Schema, Table: t.Name} }
