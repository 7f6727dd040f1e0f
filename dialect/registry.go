package dialect

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

var registry = struct {
	sync.RWMutex
	byName   map[string]Dialect
	byScheme map[string]Dialect
}{byName: map[string]Dialect{}, byScheme: map[string]Dialect{}}

// Register makes a dialect available by name and by its URL schemes.
// Dialect packages call it from init; registering a name twice panics.
func Register(d Dialect) {
	registry.Lock()
	defer registry.Unlock()
	if _, dup := registry.byName[d.Name()]; dup {
		panic("dialect: Register called twice for " + d.Name())
	}
	registry.byName[d.Name()] = d
	for _, s := range d.Schemes() {
		registry.byScheme[s] = d
	}
}

// Get returns the dialect registered under name.
func Get(name string) (Dialect, error) {
	registry.RLock()
	defer registry.RUnlock()
	if d, ok := registry.byName[name]; ok {
		return d, nil
	}
	if d, ok := registry.byScheme[name]; ok {
		return d, nil
	}
	return nil, fmt.Errorf("dialect %q is not known (known: %s)", name, strings.Join(namesLocked(), ", "))
}

// Names lists the registered dialects, sorted.
func Names() []string {
	registry.RLock()
	defer registry.RUnlock()
	return namesLocked()
}

func namesLocked() []string {
	names := make([]string, 0, len(registry.byName))
	for n := range registry.byName {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
