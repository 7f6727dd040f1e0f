package dbtest

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRepositoryStandsAlone fails when a file of the repository refers to a
// folder beside it: everything a user or contributor needs is in the clone
// (issue 19). The needles are split so that this file does not match itself.
func TestRepositoryStandsAlone(t *testing.T) {
	if os.Getenv("RETORT_REALWORLD_DIR") != "" {
		t.Skip("RETORT_REALWORLD_DIR is set, so the repository root is not known from it")
	}
	root := filepath.Dir(filepath.Dir(RealWorldDir(t)))
	needles := []string{".." + "/shared", "shared" + " folder", "`shared`" + " folder", "/work/" + "shared"}
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" || d.Name() == "fuzz" {
				return filepath.SkipDir
			}
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		for n := 1; sc.Scan(); n++ {
			for _, s := range needles {
				if strings.Contains(sc.Text(), s) {
					rel, _ := filepath.Rel(root, path)
					t.Errorf("%s:%d refers to %q outside the repository", rel, n, s)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
