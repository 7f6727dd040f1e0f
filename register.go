package retort

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
)

// Func is a Go data migration, run by a revision's call op inside the
// revision's transaction (on MySQL, a transaction of its own).
type Func func(ctx context.Context, tx *sql.Tx) error

var funcs struct {
	sync.RWMutex
	m map[string]Func
}

// Register makes fn the function that call ops named name run. It is
// meant for init functions of a custom migrate binary or a service, and
// panics when name is empty or already registered.
func Register(name string, fn Func) {
	funcs.Lock()
	defer funcs.Unlock()
	if name == "" || fn == nil {
		panic("retort: Register needs a name and a function")
	}
	if _, dup := funcs.m[name]; dup {
		panic(fmt.Sprintf("retort: Register called twice for %q", name))
	}
	if funcs.m == nil {
		funcs.m = map[string]Func{}
	}
	funcs.m[name] = fn
}

// lookupFunc finds a registered function.
func lookupFunc(name string) (Func, error) {
	funcs.RLock()
	fn := funcs.m[name]
	funcs.RUnlock()
	if fn == nil {
		return nil, fmt.Errorf("%w: %q (register it with retort.Register in a custom binary)", ErrUnknownFunction, name)
	}
	return fn, nil
}
