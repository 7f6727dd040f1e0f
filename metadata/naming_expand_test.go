package metadata_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/metadata"
)

// TestExpandTokensAsRegexp holds the scanner that expands a naming
// convention's tokens against the regexp it replaced.
func TestExpandTokensAsRegexp(t *testing.T) {
	value := func(name string) string { return "<" + name + ">" }
	for _, tmpl := range []string{"", "plain", "ix_%(column_0_label)s", "%(table_name)s_%(column_0_N_name)s_key",
		"%()s", "%(a)", "%(a)s%(b)s", "%%(a)s", "%(a b)s", "%(a)s)s", "x%(", "%(é)s", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
		"%(%(a)s)s", "%(a)x %(b)s", "100%"} {
		require.Equal(t, metadata.ExpandTokensRE(tmpl, value), metadata.ExpandTokens(tmpl, value), "%q", tmpl)
	}
}
