package metadata_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/internal/schemagen"
	"github.com/retortdb/retort/metadata"
)

// TestGeneratedRoundTrip checks, over many generated schemas, that Write
// then Read gives the model back, in YAML and in JSON, and that writing
// again gives the same bytes.
func TestGeneratedRoundTrip(t *testing.T) {
	t.Parallel()
	for seed := range int64(200) {
		cfg := schemagen.Config{Seed: seed, Tables: 12, Enums: seed%2 == 0, AllTypes: seed%3 != 0, AwkwardNames: seed%4 < 2}
		m := schemagen.Generate(cfg)
		require.NoError(t, m.Validate(), "seed %d: the generated model is not valid", seed)
		for _, write := range []func(*metadata.MetaData) ([]byte, error){metadata.Write, metadata.WriteJSON} {
			data, err := write(m)
			require.NoError(t, err, "seed %d", seed)
			back, err := metadata.Read("generated.yaml", data)
			require.NoError(t, err, "seed %d; written:\n%s", seed, data)
			require.Equal(t, m, back, "seed %d; written:\n%s", seed, data)
			again, err := write(back)
			require.NoError(t, err, "seed %d", seed)
			require.Equal(t, string(data), string(again), "seed %d", seed)
		}
	}
}
