package retort

import (
	"fmt"
	"os"
	"regexp"
	"sync"
)

var varRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\$\{([A-Za-z_][A-Za-z0-9_]*)(:?-([^}]*))?\}`) })

// Expand replaces ${VAR} and ${VAR:-default} in s with the environment's
// values (lookup; os.LookupEnv when nil). ${VAR:-default} gives default
// when VAR is unset or empty, ${VAR-default} only when it is unset. It
// returns the names of variables that were unset and had no default.
func Expand(s string, lookup func(string) (string, bool)) (string, []string) {
	if lookup == nil {
		lookup = os.LookupEnv
	}
	var missing []string
	out := varRE().ReplaceAllStringFunc(s, func(m string) string {
		g := varRE().FindStringSubmatch(m)
		v, ok := lookup(g[1])
		switch {
		case g[2] == "":
			if !ok {
				missing = append(missing, g[1])
			}
			return v
		case g[2][0] == ':' && v == "", !ok:
			return g[3]
		}
		return v
	})
	return out, missing
}

// expandError names an unset variable at a place in the file.
func expandError(path string, line int, key string, missing []string) error {
	return fmt.Errorf("%s:%d: %s: environment variable %s is not set (write ${%s:-default} for a default)", path, line, key, missing[0], missing[0])
}
