package dialect

// sortByDeps returns list so that each item comes after the items of the
// list it depends on (deps gives their keys), otherwise in list order.
// On a cycle it returns the keys of the cycle, in the order found, the
// first repeated at the end. Views (by their reads) and routines (by their
// uses) are ordered with it.
func sortByDeps[T comparable](list []T, key func(T) string, deps func(T) []string) ([]T, []string) {
	byKey := make(map[string]T, len(list))
	for _, x := range list {
		byKey[key(x)] = x
	}
	const (
		visiting = 1
		done     = 2
	)
	state := map[T]int{}
	out := make([]T, 0, len(list))
	var path, cycle []string
	var visit func(x T) bool
	visit = func(x T) bool {
		switch state[x] {
		case done:
			return true
		case visiting:
			cycle = append(cycleFrom(path, key(x)), key(x))
			return false
		}
		state[x] = visiting
		path = append(path, key(x))
		for _, d := range deps(x) {
			if dep, ok := byKey[d]; ok && dep != x && !visit(dep) {
				return false
			}
		}
		path = path[:len(path)-1]
		state[x] = done
		out = append(out, x)
		return true
	}
	for _, x := range list {
		if !visit(x) {
			return nil, cycle
		}
	}
	return out, nil
}

func cycleFrom(path []string, name string) []string {
	for i, p := range path {
		if p == name {
			return append([]string(nil), path[i:]...)
		}
	}
	return append([]string(nil), path...)
}
