package versions

import (
	"fmt"
	"strconv"
	"time"

	"go.yaml.in/yaml/v3"
)

// Timeouts are a revision's online keys: how long a statement may wait for
// a lock (lock_timeout) or run (statement_timeout), and how often a
// statement that gave up waiting for its lock is tried again
// (lock_retries), after a backoff that starts at retry_backoff and doubles.
// A zero field is not set by the revision: migrate.yaml's value applies.
type Timeouts struct {
	LockTimeout      time.Duration
	StatementTimeout time.Duration
	LockRetries      int
	RetryBackoff     time.Duration
}

// Over returns t with every field that o sets (non-zero) taken from o.
func (t Timeouts) Over(o Timeouts) Timeouts {
	if o.LockTimeout != 0 {
		t.LockTimeout = o.LockTimeout
	}
	if o.StatementTimeout != 0 {
		t.StatementTimeout = o.StatementTimeout
	}
	if o.LockRetries != 0 {
		t.LockRetries = o.LockRetries
	}
	if o.RetryBackoff != 0 {
		t.RetryBackoff = o.RetryBackoff
	}
	return t
}

// IsZero reports whether no field is set.
func (t Timeouts) IsZero() bool { return t == Timeouts{} }

// timeoutKeys are the header keys of Timeouts, in the order files write them.
var timeoutKeys = []string{"lock_timeout", "statement_timeout", "lock_retries", "retry_backoff"}

// Set stores one header key given as text (lock_timeout: 500ms); ok is
// false for a key that is not one of the four.
func (t *Timeouts) Set(key, value string) (ok bool, err error) {
	var d *time.Duration
	switch key {
	case "lock_timeout":
		d = &t.LockTimeout
	case "statement_timeout":
		d = &t.StatementTimeout
	case "retry_backoff":
		d = &t.RetryBackoff
	case "lock_retries":
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 {
			return true, fmt.Errorf("lock_retries: expected a count such as 10, got %q", value)
		}
		t.LockRetries = n
		return true, nil
	default:
		return false, nil
	}
	v, err := time.ParseDuration(value)
	if err != nil || v < 0 {
		return true, fmt.Errorf("%s: expected a duration such as 500ms or 5s, got %q", key, value)
	}
	*d = v
	return true, nil
}

// setTimeoutNode reads one YAML header key into r.Timeouts; ok is false
// when key is not a timeout key.
func (r *Revision) setTimeoutNode(path string, k, v *yaml.Node) (bool, error) {
	if v.Kind != yaml.ScalarNode || isNull(v) {
		for _, key := range timeoutKeys {
			if key == k.Value {
				return true, nodeError(path, v, "%s: expected a scalar such as 500ms", key)
			}
		}
		return false, nil
	}
	ok, err := r.Timeouts.Set(k.Value, v.Value)
	if err != nil {
		return true, nodeError(path, v, "%v", err)
	}
	return ok, nil
}

// values returns the set keys and their texts, in timeoutKeys' order.
func (t Timeouts) values() [][2]string {
	var out [][2]string
	add := func(key string, set bool, text string) {
		if set {
			out = append(out, [2]string{key, text})
		}
	}
	add("lock_timeout", t.LockTimeout != 0, t.LockTimeout.String())
	add("statement_timeout", t.StatementTimeout != 0, t.StatementTimeout.String())
	add("lock_retries", t.LockRetries != 0, strconv.Itoa(t.LockRetries))
	add("retry_backoff", t.RetryBackoff != 0, t.RetryBackoff.String())
	return out
}
