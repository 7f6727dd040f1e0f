package schemagen

import (
	"slices"
	"testing"
)

// TestOdd: a seed gives the same statements every time, and 100 seeds
// use every feature legal on each database, and none that is not.
func TestOdd(t *testing.T) {
	all := []string{FeatureFKIntToBigint, FeatureFKToUniqueIndex, FeatureFKToUniqueColumn, FeatureNoPrimaryKey,
		FeatureDuplicateIndexes, FeatureKeywordNames}
	cases := []struct {
		dialect   string
		want, not []string
	}{
		{OddPostgres, append([]string{FeatureCaseNames, FeatureSchemas}, all...), []string{FeatureNullablePK, FeatureFKToPlainIndex}},
		{OddSQLite, append([]string{FeatureNullablePK}, all...), []string{FeatureCaseNames, FeatureSchemas, FeatureFKToPlainIndex}},
		{OddMySQL, append([]string{FeatureFKToPlainIndex}, slices.Delete(slices.Clone(all), 0, 1)...), []string{FeatureFKIntToBigint, FeatureNullablePK, FeatureCaseNames, FeatureSchemas}},
	}
	for _, tc := range cases {
		t.Run(tc.dialect, func(t *testing.T) {
			seen := map[string]int{}
			for seed := range int64(100) {
				a, b := Odd(tc.dialect, seed), Odd(tc.dialect, seed)
				if !slices.Equal(a.Statements, b.Statements) {
					t.Fatalf("seed %d: two runs differ", seed)
				}
				for _, f := range a.Features {
					seen[f]++
				}
			}
			for _, f := range tc.want {
				if seen[f] == 0 {
					t.Errorf("no seed has %q", f)
				}
			}
			for _, f := range tc.not {
				if seen[f] > 0 {
					t.Errorf("%d seeds have %q, not legal here", seen[f], f)
				}
			}
			t.Logf("features in 100 seeds: %v", seen)
		})
	}
}

// TestOddWithSchemas: the schemas asked for are there.
func TestOddWithSchemas(t *testing.T) {
	for seed := range int64(20) {
		if got := len(OddWithSchemas(OddPostgres, seed, 2).Schemas); got < 2 {
			t.Errorf("seed %d: %d schemas, want at least 2", seed, got)
		}
		if got := OddWithSchemas(OddSQLite, seed, 2).Schemas; len(got) != 0 {
			t.Errorf("seed %d: SQLite has schemas %v", seed, got)
		}
	}
}
