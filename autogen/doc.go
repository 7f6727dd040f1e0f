// Package autogen compares a target schema with the current one (reflected
// from a database, or folded from the revision history) and produces the
// ordered, reversible operations that turn the current schema into the
// target, as Alembic's autogenerate does; it also renders them as a
// revision file.
//
// Both models go through the dialect's Normalize before they are compared,
// so that a type, default or constraint name spelled differently but meaning
// the same on that database is no difference: a schema that has not changed
// gives no op. The ops are spelled as the normalised models spell them (the
// database's own names for constraints and indexes), so that every drop
// names what it drops and every op's Reverse is exact.
//
// Order of the ops, so that they apply and their reverse (each op's Reverse,
// in reverse order) applies too:
//
//  1. extensions created; sequences created and renamed; enums created,
//     then extended (alter_enum_add_value); domains created, then altered;
//  2. foreign keys of existing tables dropped (and those of a cycle among
//     dropped tables), then tables dropped in reverse foreign key order
//     (before the keys they refer to go), then indexes, unique and check
//     constraints and primary keys of existing tables dropped;
//  3. columns added, altered (alter_column with every existing_* filled),
//     table comments set;
//  4. primary keys, indexes, unique and check constraints of existing
//     tables created (before new tables refer to them); new tables created
//     in foreign key order (keys of a cycle deferred); foreign keys created;
//  5. columns dropped (each drop carrying the full definition);
//  6. domains dropped, enums dropped, sequences dropped, extensions dropped.
//
// What autogenerate cannot tell apart is reported as a warning: a column
// dropped and one of the same type added in the same table (a rename?), a
// table dropped and one with the same columns created, enum values removed
// or reordered.
package autogen
