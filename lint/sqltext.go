package lint

import (
	"regexp"
	"strings"
	"sync"
)

// SQL text of execute ops is read with a few patterns, after comments and
// string literals are blanked: enough to see statement kinds, not a parser.
var (
	commentRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?s)--[^\n]*|/\*.*?\*/`) })
	literalRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`'(?:[^']|'')*'`) })
	deleteRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*DELETE\s+FROM\b`) })
	updateRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*UPDATE\b`) })
	whereRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\bWHERE\b`) })
	truncRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*TRUNCATE\b`) })
	// galeraRE: what a Galera cluster does not replicate (LOCK TABLES,
	// GET_LOCK, a non-InnoDB engine).
	galeraRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*LOCK\s+TABLES?\b|\bGET_LOCK\s*\(|\bENGINE\s*=?\s*['"]?(MyISAM|Aria|MEMORY|HEAP|CSV|ARCHIVE|MERGE|MRG_MyISAM)\b`)
	})
	dropSchRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*DROP\s+(SCHEMA|DATABASE)\b`) })
	concurRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(CREATE|DROP|REINDEX)\b[^;]*\bCONCURRENTLY\b`) })
	timeoutRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\b(lock_timeout|lock_wait_timeout)\b`) })
	ddlRE     = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^\s*(CREATE|ALTER|DROP|RENAME|COMMENT\s+ON|TRUNCATE)\b`)
	})
	dmlRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*(INSERT|UPDATE|DELETE|MERGE|COPY)\b`) })
)

// statements splits SQL text on semicolons outside literals and comments.
func statements(sql string) []string {
	clean := literalRE().ReplaceAllString(commentRE().ReplaceAllString(sql, " "), "''")
	var out []string
	for _, s := range strings.Split(clean, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sqlFacts is what the text of an execute shows.
type sqlFacts struct {
	ddl, dml, lockTimeout bool
}

func factsOf(sql string) sqlFacts {
	var f sqlFacts
	for _, s := range statements(sql) {
		f.ddl = f.ddl || ddlRE().MatchString(s)
		f.dml = f.dml || dmlRE().MatchString(s)
		f.lockTimeout = f.lockTimeout || timeoutRE().MatchString(s)
	}
	return f
}
