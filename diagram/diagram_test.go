package diagram

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/versions"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test -update rewrites it):\n%s", path, got)
	}
}

// renderDOT runs Graphviz on a DOT text when dot is installed: it must
// render to SVG without a warning or an error.
func renderDOT(t *testing.T, src []byte) {
	t.Helper()
	dot, err := exec.LookPath("dot")
	if err != nil {
		t.Logf("Graphviz dot is not installed (apt-get install graphviz), so the DOT output is checked by golden file only")
		return
	}
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = bytes.NewReader(src)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v\n%s", err, stderr.String())
	}
	if !bytes.Contains(stdout.Bytes(), []byte("<svg")) {
		t.Fatalf("dot -Tsvg printed no SVG")
	}
}

func TestSchema(t *testing.T) {
	for _, name := range []string{"chinook", "pagila"} {
		t.Run(name, func(t *testing.T) {
			m, err := metadata.ReadFile(filepath.Join("testdata", name+".schema.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range []Format{Mermaid, DOT} {
				var b bytes.Buffer
				if err := Schema(&b, m, f); err != nil {
					t.Fatal(err)
				}
				golden(t, name+"."+string(f), b.Bytes())
				if f == DOT {
					renderDOT(t, b.Bytes())
				}
			}
		})
	}
}

func TestHistory(t *testing.T) {
	g, err := versions.LoadHeaders(os.DirFS(filepath.Join("..", "testdata", "histories", "branched")), "versions")
	if err != nil {
		t.Fatal(err)
	}
	current := []string{"e5e5e5e5e5e5", "9a7a7a7a7a7a"}
	for _, f := range []Format{Mermaid, DOT, Text} {
		var b bytes.Buffer
		if err := History(&b, g, current, f); err != nil {
			t.Fatal(err)
		}
		golden(t, "branched.history."+string(f), b.Bytes())
		if f == DOT {
			renderDOT(t, b.Bytes())
		}
	}
}

func TestHistoryUnknownCurrent(t *testing.T) {
	g, err := versions.NewGraph(nil)
	if err != nil {
		t.Fatal(err)
	}
	err = History(&bytes.Buffer{}, g, []string{"deadbeef0000"}, Text)
	if err == nil || !strings.Contains(err.Error(), "deadbeef0000") {
		t.Fatalf("got %v, want an error naming the unknown current revision", err)
	}
}

func TestMermaidWord(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Album", "Album"},
		{"public.actor", "public_actor"},
		{"bıgınt", "b_g_nt"},
		{"1st", "x_st"},
		{"order-line", "order-line"},
	} {
		if got, _ := mermaidWord(tc.in); got != tc.want {
			t.Errorf("mermaidWord(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
