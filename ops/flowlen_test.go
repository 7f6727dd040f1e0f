package ops_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/ops"
)

// TestFlowLenMatchesEncoder holds flowLen, which spares asking the encoder
// how wide a flow mapping is, against the encoder: never more than what
// it writes, and exactly that when it says so, for every flow collection
// of the ops that create generated schemas (awkward names included).
func TestFlowLenMatchesEncoder(t *testing.T) {
	t.Parallel()
	exact := 0
	for seed := range int64(60) {
		cfg := schemagen.Config{Seed: seed, Tables: 6, Enums: seed%2 == 0, AllTypes: seed%3 != 0, AwkwardNames: seed%4 < 2}
		list, err := ops.EncodeList(dialect.CreateOps(schemagen.Generate(cfg)))
		require.NoError(t, err)
		var walk func(n *yaml.Node)
		walk = func(n *yaml.Node) {
			for _, c := range n.Content {
				walk(c)
			}
			if n.Kind != yaml.MappingNode && n.Kind != yaml.SequenceNode || n.Style&yaml.FlowStyle == 0 || len(n.Content) == 0 {
				return
			}
			out, err := yaml.Marshal(n)
			require.NoError(t, err)
			got := len(strings.TrimSpace(string(out)))
			w, e := ops.FlowLen(n)
			require.LessOrEqual(t, w, got, "%s", out)
			if e {
				exact++
				require.Equal(t, got, w, "%s", out)
			}
		}
		walk(list)
	}
	require.Positive(t, exact)
}
