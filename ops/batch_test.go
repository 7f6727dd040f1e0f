package ops_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/retortdb/retort/ops"
)

// TestBatchOps: batch_update and batch_delete decode with their defaults,
// refuse bad sizes and sleeps at the line, and have no automatic reverse.
func TestBatchOps(t *testing.T) {
	for _, tc := range []struct {
		name, text, err string
		size            int
	}{
		{name: "default size", text: "- batch_update: {table: t, set: n = n + 1}", size: ops.DefaultBatchSize},
		{name: "size", text: "- batch_delete: {table: t, where: old, batch_size: 500}", size: 500},
		{name: "no set", text: "- batch_update: {table: t}", err: "x.yaml:1:17: batch_update t: set is missing"},
		{name: "zero size", text: "- batch_update: {table: t, set: a = 1, batch_size: 0}", err: "x.yaml:1:52: batch_update t: batch_size must be a positive count"},
		{name: "bad sleep", text: "- batch_delete: {table: t, sleep: soon}", err: "x.yaml:1:35: batch_delete t: sleep must be a duration"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, err := decodeText("x.yaml", tc.text)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var size int
			switch o := list[0].(type) {
			case *ops.BatchUpdate:
				size = o.Size()
			case *ops.BatchDelete:
				size = o.Size()
			}
			if size != tc.size {
				t.Errorf("size %d, want %d", size, tc.size)
			}
			if _, err := list[0].Reverse(); !errors.Is(err, ops.ErrIrreversible) {
				t.Errorf("reverse: %v, want ErrIrreversible", err)
			}
		})
	}
}
