package autogen

// diffNamed compares the objects of one kind that target and current
// hold, matched by find (the other side's object of the same key, and
// whether there is one): an object only the target has goes to add, one
// that both have and same says differs goes to change, and one only the
// current side has goes to drop, walking current backwards so that the
// later objects are dropped first. Triggers and rules share it.
func diffNamed[T any](target, current []T, inCurrent, inTarget func(T) (T, bool), same func(a, b T) bool,
	add func(t T), change func(t, c T), drop func(c T)) {
	for _, t := range target {
		c, ok := inCurrent(t)
		switch {
		case !ok:
			add(t)
		case !same(t, c):
			change(t, c)
		}
	}
	for i := len(current) - 1; i >= 0; i-- {
		if _, ok := inTarget(current[i]); !ok {
			drop(current[i])
		}
	}
}
