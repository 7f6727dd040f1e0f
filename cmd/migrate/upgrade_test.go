package main

import (
	"slices"
	"strings"
	"testing"
)

func TestRelativeArgs(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"downgrade -1", "downgrade -- -1"},
		{"downgrade -1 --sql", "downgrade --sql -- -1"},
		{"--config x.yaml downgrade -2 -v", "--config x.yaml downgrade -v -- -2"},
		{"upgrade +2", "upgrade +2"},
		{"upgrade -1:head --sql", "upgrade --sql -- -1:head"},
		{"history -r -3:current", "history -r -3:current"},
		{"stamp -1", "stamp -- -1"},
		{"downgrade -v", "downgrade -v"},
	} {
		got := strings.Join(relativeArgs(strings.Fields(tc.in)), " ")
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
	if !slices.Equal(relativeArgs(nil), nil) {
		t.Error("nil args")
	}
}
