package ops_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/retortdb/retort/ops"
)

// FuzzDecodeList checks that DecodeList never panics, and that whatever it
// accepts encodes, and decodes again to the same ops. The seed corpus is
// in testdata/fuzz/FuzzDecodeList.
func FuzzDecodeList(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		var n yaml.Node
		if yaml.Unmarshal(data, &n) != nil {
			return
		}
		list, err := ops.DecodeList("fuzz.yaml", &n)
		if err != nil {
			require.NotEmpty(t, err.Error())
			return
		}
		text := encodeText(t, list)
		again, err := decodeText("fuzz.yaml", text)
		require.NoError(t, err, "the encoding of accepted ops reads back:\n%s", text)
		require.Equal(t, text, encodeText(t, again))
		if !strings.Contains(text, ".nan") { // NaN is not equal to itself
			require.Equal(t, list, again)
		}
	})
}
