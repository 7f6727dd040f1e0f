package versions

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestDirFS reads the same revisions, and fails the same way, through
// DirFS as through os.DirFS.
func TestDirFS(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "versions")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeHistory(t, dir, 400)
	// A file larger than the 64 KiB buffer a worker starts with.
	big := strings.Replace(revisionTemplate, "message: step %d", "message: "+strings.Repeat("x", 100<<10), 1)
	big = strings.Replace(big, "%s", "bbbbbbbbbbbb", 1)
	big = strings.Replace(big, "%s", "null", 1)
	if err := os.WriteFile(filepath.Join(dir, "bbbbbbbbbbbb_big.yaml"), []byte(strings.NewReplacer("%d", "1").Replace(big)), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("same revisions", func(t *testing.T) {
		for _, load := range []func(fs.FS, string) ([]*Revision, error){ReadHeaders, ReadDir} {
			want, err := load(os.DirFS(root), "versions")
			if err != nil {
				t.Fatal(err)
			}
			got, err := load(DirFS(root), "versions")
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != 401 || !reflect.DeepEqual(got, want) {
				t.Fatalf("DirFS read %d revisions, os.DirFS %d, or they differ", len(got), len(want))
			}
		}
	})
	t.Run("missing directory", func(t *testing.T) {
		_, err := LoadHeaders(DirFS(filepath.Join(root, "nope")), "versions")
		if !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("err = %v, want fs.ErrNotExist", err)
		}
	})
	t.Run("unreadable entry", func(t *testing.T) {
		// A dangling symlink lists as a file but cannot be read: the error
		// is the one os.DirFS reports.
		bad := t.TempDir()
		if err := os.Mkdir(filepath.Join(bad, "versions"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(filepath.Join(bad, "gone"), filepath.Join(bad, "versions", "aaaa_x.yaml")); err != nil {
			t.Skip(err)
		}
		_, want := ReadHeaders(os.DirFS(bad), "versions")
		_, got := ReadHeaders(DirFS(bad), "versions")
		if want == nil || got == nil || got.Error() != want.Error() {
			t.Fatalf("DirFS error %v, os.DirFS error %v", got, want)
		}
	})
}
