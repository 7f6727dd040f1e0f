// Package versions holds Retort's revision files and the revision graph.
//
// A revision file (YAML, or the .sql form) describes one step of a
// schema's history: its id, the revisions it follows (down_revision), the
// branch labels it names, the revisions it depends on across branches, and
// the operations that upgrade and downgrade it. [Load] reads a directory of
// them from an [fs.FS] (so go:embed works) into a [Graph].
//
// The graph follows Alembic's semantics: heads, bases, branch points,
// merge points, branch labels and depends_on; targets such as "head",
// "heads", "base", partial ids, "label@head" and relative "+N" / "-N"
// forms; and the ordered [Step] lists that upgrade or downgrade a database
// from its current heads, with [Graph.MoveHeads] telling how the version
// table changes after each step. Files are read in lexical order of their
// names, and that order breaks every tie the graph leaves open.
//
// Where Alembic is ambiguous or crashes, this package decides and says so:
//   - a missing down_revision or depends_on target is [ErrMissingParent];
//   - a duplicate revision id is [ErrDuplicateRevision], naming both files;
//   - every cycle is [ErrCycle] (Alembic misses some cycles);
//   - "downgrade -1" from several current heads is [ErrMultipleHeads]
//     (Alembic warns that it will disallow it);
//   - a relative target past the end of the history is an error, never a
//     crash;
//   - when a revision depends on several others, they are visited in the
//     order depends_on lists them (Alembic uses a hash-ordered set).
//
// The version table (one row per applied head, Alembic's layout) is in
// [VersionTable].
package versions
