package ops

import (
	"fmt"
	"slices"
	"strings"
)

// Algorithms are the values of an alter op's algorithm: key (MySQL and
// MariaDB's ALGORITHM= clause).
var Algorithms = []string{"INSTANT", "INPLACE", "COPY", "DEFAULT"}

// Locks are the values of an alter op's lock: key (LOCK=).
var Locks = []string{"NONE", "SHARED", "EXCLUSIVE", "DEFAULT"}

// AlterMode is MySQL/MariaDB's ALGORITHM= and LOCK= clauses on an op that
// alters a table (add, drop and alter column, create and drop index, add
// and drop constraint). The server refuses a change it cannot make so
// (Error 1846) instead of silently copying the table under a lock, which
// is the point: a revision that must not block writes says lock: NONE.
// Empty fields leave the clause out. PostgreSQL and SQLite refuse them.
type AlterMode struct {
	Algorithm string
	Lock      string
}

// Mode returns the op's ALGORITHM= and LOCK= choice; it makes every op
// that embeds an AlterMode a [Moder].
func (m AlterMode) Mode() AlterMode { return m }

// IsZero reports that neither clause is asked for.
func (m AlterMode) IsZero() bool { return m == AlterMode{} }

// Moder is an op that may carry ALGORITHM= and LOCK= (see AlterMode).
type Moder interface {
	Op
	Mode() AlterMode
}

// validate checks the values against Algorithms and Locks.
func (m AlterMode) validate(what string) error {
	if m.Algorithm != "" && !slices.Contains(Algorithms, m.Algorithm) {
		return fmt.Errorf("%s: algorithm %q is not one of %s", what, m.Algorithm, strings.Join(Algorithms, ", "))
	}
	if m.Lock != "" && !slices.Contains(Locks, m.Lock) {
		return fmt.Errorf("%s: lock %q is not one of %s", what, m.Lock, strings.Join(Locks, ", "))
	}
	return nil
}

// validateIndexMode is validate for an index op, which may not have both
// concurrently (ALGORITHM=INPLACE, LOCK=NONE on MySQL) and its own mode.
func (m AlterMode) validateIndexMode(what string, concurrently bool) error {
	if concurrently && !m.IsZero() {
		return fmt.Errorf("%s: concurrently: already means ALGORITHM=INPLACE, LOCK=NONE on MySQL/MariaDB; give concurrently or algorithm/lock, not both", what)
	}
	return m.validate(what)
}

// modeKeys are the keys an op embedding AlterMode reads.
var modeKeys = []string{"algorithm", "lock"}

// withMode appends modeKeys to an op's keys.
func withMode(keys ...string) []string { return append(slices.Clip(keys), modeKeys...) }

// alterMode reads algorithm: and lock:, upper-cased so that instant and
// INSTANT are one value.
func (o obj) alterMode() AlterMode {
	return AlterMode{Algorithm: strings.ToUpper(o.str("algorithm")), Lock: strings.ToUpper(o.str("lock"))}
}

// mode adds algorithm: and lock: when set. The encoders call it deferred,
// so that the two keys come last, after the op's definition.
func (b mapb) mode(m AlterMode) {
	b.str("algorithm", m.Algorithm)
	b.str("lock", m.Lock)
}

// WithoutMode returns o without its algorithm: and lock: (a copy; o itself
// when it has none): autogenerate --online writes downgrades so, since the
// reverse of an in-place change (a varchar narrowed back) is often one the
// server can only copy, and a downgrade should not be refused for it.
func WithoutMode(o Op) Op {
	if m, ok := o.(Moder); !ok || m.Mode().IsZero() {
		return o
	}
	switch o := o.(type) {
	case *AddColumn:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *DropColumn:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *AlterColumn:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *CreateIndex:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *DropIndex:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *CreateUniqueConstraint:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *CreateForeignKey:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *CreateCheckConstraint:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	case *DropConstraint:
		c := *o
		c.AlterMode = AlterMode{}
		return &c
	}
	return o
}
