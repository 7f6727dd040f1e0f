package versions

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// checkScan asserts that, when scanHeader accepts data, its revision is
// exactly what the yaml header parse gives, and that the full parse (when
// it succeeds) has the same header. It reports whether the fast path
// accepted data.
func checkScan(t *testing.T, data []byte) bool {
	t.Helper()
	const name = "versions/x.yaml"
	got, ok := scanHeader(name, data)
	if !ok {
		return false
	}
	want, err := parseHeaderYAML(name, data)
	if err != nil {
		t.Fatalf("fast path accepted a file the yaml parse rejects (%v):\n%s", err, data)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fast path and yaml parse differ on\n%s\nfast: %#v\nyaml: %#v", data, got, want)
	}
	if full, err := ParseYAML(name, data); err == nil && !sameHeader(got, full) {
		t.Fatalf("fast path and full parse differ on\n%s\nfast: %#v\nfull: %#v", data, got, full)
	}
	return true
}

func sameHeader(a, b *Revision) bool {
	return a.ID == b.ID && reflect.DeepEqual(a.DownRevisions, b.DownRevisions) &&
		reflect.DeepEqual(a.BranchLabels, b.BranchLabels) && reflect.DeepEqual(a.DependsOn, b.DependsOn) &&
		a.Message == b.Message && a.Created.Equal(b.Created) && a.Transactional == b.Transactional
}

// headerKeyForms are, per header key, values in every form a file may
// write them ("\n" starts a block on the next lines), and whether the fast
// path should read them itself (false: it must leave them to yaml).
var headerKeyForms = map[string][]struct {
	value string
	fast  bool
}{
	"revision": {
		{"a1b2c3", true}, {`"a1b2c3"`, true}, {"'a1b2c3'", true}, {"a1b2c3   # id", true},
		{"123456", true}, {"|-\n  a1b2c3", true}, {">-\n  a1b2c3", true}, {"'null'", true},
		{"null", false}, {"a-1", false}, {"", false}, {"[a1]", false}, {"&x a1", false}, {"!!str a1", false},
		{"\"a\\x31\"", false}, {"a1\n  b1", false},
	},
	"down_revision": {
		{"null", true}, {"~", true}, {"", true}, {"Null", true}, {"NULL # base", true}, {"b2", true},
		{`"b2"`, true}, {"[b2, c3]", true}, {`["b2", 'c3']`, true}, {"[]", true}, {"[ ]", true},
		{"[ b2 ,c3 ]  # merge", true}, {"\n  - b2\n  - c3", true}, {"\n- b2\n- c3", true},
		{"\n  - \"b2\"\n\n  - 'c3' # c", true}, {" # parents\n  - b2", true}, {"\n# c\n- b2", true},
		{"[b2, b2]", false}, {"[b2,\n  c3]", false}, {"[b2, null]", false}, {"[b2, ]", false},
		{"''", false}, {"\n  - b2\n   - c3", false}, {"\n  - b2\n  c3", false}, {"\n  -", false},
		{"\n  - [b2]", false}, {"\n  - b2: x", false}, {"{b2: 1}", false}, {"*a", false},
		{"\n  b2", false}, {"[b2] x", false}, {"[b2]#x", false},
	},
	"branch_labels": {
		{"[]", true}, {"[feature]", true}, {"feature", true}, {"\n  - feature\n  - other", true}, {"~", true},
		{"[feature, 'other one']", true}, {"[a:b]", false}, {"[feature, other", false},
	},
	"depends_on": {
		{"[]", true}, {"null", true}, {"d4", true}, {"[d4, feature]", true}, {"\n - d4", true},
		{"[d4, d4]", false},
	},
	"message": {
		{"step 1", true}, {"add email verification", true}, {`"quoted: with colon"`, true},
		{"'it''s'", true}, {"''", true}, {`""`, true}, {"a#b and c:d", true}, {"null", true}, {"", true},
		{"yes", true}, {"123", true}, {"héllo wörld ✓", true}, {"trailing   ", true}, {"x # comment", true},
		{"|\n  line one\n  line two", true}, {"|-\n  line one\n\n  line two", true},
		{"|+\n  kept\n\n", true}, {">\n  folded\n  text\n\n  para", true}, {">-\n  a\n    more\n  b", true},
		{"|\n    deep\n    lines\n      more", true}, {"|\n\n  after blank", true}, {">\n  a\n\n\n  b\n", true},
		{"| # c\n  x", true}, {"> \n  x", true},
		{`"a\"b"`, false}, {"'multi\n  line'", false}, {"plain\n  continued", false}, {"a: b", false},
		{"ends:", false}, {"|2\n  x", false}, {":x", false}, {"-x", false}, {"|\n", false},
		{"|\n  a\n \n  b", true}, {"|\n  a\n     \n  b", false}, {"|\n    \n  a", false}, {"|\n  a\n b", false},
		{"|x\n  a", false}, {"[a, b]", false}, {"'a'b", false}, {"%x", false}, {"@x", false}, {"`x", false},
	},
	"created": {
		{"2026-11-23T21:40:00Z", true}, {"2026-11-23T21:40:00.123+02:00", true}, {"2026-11-23 21:40:00", true},
		{"2026-11-23", true}, {`"2026-11-23T21:40:00Z"`, true}, {"null", true},
		{"yesterday", false}, {"[2026]", false},
	},
	"transactional": {
		{"true", true}, {"false", true}, {"True", true}, {"FALSE # concurrently", true},
		{"yes", false}, {"no", false}, {`"true"`, false}, {"null", false}, {"1", false}, {"", false},
	},
}

// headerFile writes a revision file with each key in headerKeys order,
// value from values (the key left out when its value is "-"), then tail.
func headerFile(values map[string]string, tail string) string {
	defaults := map[string]string{"revision": "a1b2c3", "down_revision": "b2", "branch_labels": "[]",
		"depends_on": "[]", "message": "step", "created": "2026-11-23T21:40:00Z", "transactional": "true"}
	var b strings.Builder
	for _, k := range headerKeys {
		v, ok := values[k]
		if !ok {
			v = defaults[k]
		}
		if v == "-" {
			continue
		}
		sep := " "
		if v == "" || v[0] == '\n' {
			sep = ""
		}
		fmt.Fprintf(&b, "%s:%s%s\n", k, sep, v)
	}
	return b.String() + tail
}

const bodiesTail = "upgrade:\n  - add_column:\n      table: users\n      column: {name: c, type: integer}\ndowngrade:\n  - drop_column: {table: users, column: c}\n"

// TestScanHeaderForms checks every form of every header key: the fast
// path reads the forms it should and gives yaml's result, and leaves the
// others to yaml.
func TestScanHeaderForms(t *testing.T) {
	t.Parallel()
	for key, forms := range headerKeyForms {
		for _, f := range forms {
			t.Run(key+"="+f.value, func(t *testing.T) {
				data := []byte(headerFile(map[string]string{key: f.value}, bodiesTail))
				if got := checkScan(t, data); got != f.fast {
					_, err := parseHeaderYAML("x.yaml", data)
					t.Fatalf("fast path took it: %v, want %v (yaml: %v)\n%s", got, f.fast, err, data)
				}
			})
		}
	}
}

// TestScanHeaderLayouts checks whole-file shapes: comments, order,
// bodies, and what around them makes the fast path give up.
func TestScanHeaderLayouts(t *testing.T) {
	t.Parallel()
	std := headerFile(nil, "")
	for _, tc := range []struct {
		name, data string
		fast       bool
	}{
		{"bodies", std + bodiesTail, true},
		{"no bodies", std, true},
		{"empty bodies", std + "upgrade: []\ndowngrade: []\n", true},
		{"downgrade first", std + "downgrade: []\nupgrade:\n- execute: SELECT 1\n", true},
		{"body without final newline", std + "upgrade: []\ndowngrade:\n  - execute: x", true},
		{"comments and blank lines", "# a revision\n\n" + strings.ReplaceAll(std, "\n", "\n\n# c\n") + bodiesTail, true},
		{"reordered", "message: m\ntransactional: false\ndown_revision: null\nrevision: r1\n", true},
		{"minimal", "revision: r1\ndown_revision:\n", true},
		{"body key with junk", std + "upgrade:x\n  - a\n", true},
		{"invalid body", std + "upgrade:\n  - {a: [\n  ]]]\n", true},
		{"indented comment in body", std + "upgrade:\n  # c\n\n  - x\n", true},
		{"missing revision", headerFile(map[string]string{"revision": "-"}, bodiesTail), false},
		{"missing down_revision", headerFile(map[string]string{"down_revision": "-"}, bodiesTail), false},
		{"duplicate key", std + "revision: r2\n" + bodiesTail, false},
		{"unknown key", "owner: me\n" + std, false},
		{"key after bodies", std + "upgrade: []\nmessage: late\n", false},
		{"duplicate body", std + "upgrade: []\nupgrade: []\n", false},
		{"document marker", "---\n" + std, false},
		{"document end", std + "upgrade: []\n...\n", false},
		{"body then document", std + "upgrade: []\n---\n", false},
		{"crlf", strings.ReplaceAll(std, "\n", "\r\n"), false},
		{"tab", strings.Replace(std, "message: step", "message:\tstep", 1), false},
		{"bom", "\ufeff" + std, false},
		{"no final newline", strings.TrimSuffix(std, "\n"), false},
		{"indented mapping", "  " + strings.ReplaceAll(strings.TrimSuffix(std, "\n"), "\n", "\n  ") + "\n", false},
		{"quoted key", `"revision": r1` + "\ndown_revision: null\n", false},
		{"space before colon", "revision : r1\ndown_revision: null\n", false},
		{"not a mapping", "- revision: r1\n", false},
		{"empty", "", false},
		{"control character", strings.Replace(std, "step", "st\x01ep", 1), false},
		{"invalid utf-8", strings.Replace(std, "step", "st\xffep", 1), false},
		{"line separator", strings.Replace(std, "step", "st\u2028ep", 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := checkScan(t, []byte(tc.data)); got != tc.fast {
				_, err := parseHeaderYAML("x.yaml", []byte(tc.data))
				t.Fatalf("fast path took it: %v, want %v (yaml: %v)\n%s", got, tc.fast, err, tc.data)
			}
		})
	}
}

// TestScanHeaderRandom combines random forms of every key, in random
// order, with comments, and compares with yaml wherever the fast path
// takes the file.
func TestScanHeaderRandom(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(5, 6))
	fast := 0
	for range 3000 {
		var b strings.Builder
		for _, i := range r.Perm(len(headerKeys)) {
			k := headerKeys[i]
			if r.IntN(20) == 0 {
				continue
			}
			forms := headerKeyForms[k]
			f := forms[r.IntN(len(forms))]
			for !f.fast && r.IntN(10) != 0 { // mostly forms the fast path reads
				f = forms[r.IntN(len(forms))]
			}
			v := f.value
			sep := " "
			if v == "" || v[0] == '\n' {
				sep = ""
			}
			fmt.Fprintf(&b, "%s:%s%s\n", k, sep, v)
			if r.IntN(4) == 0 {
				b.WriteString([]string{"\n", "# note\n", "   \n"}[r.IntN(3)])
			}
		}
		b.WriteString([]string{bodiesTail, "", "upgrade: []\n"}[r.IntN(3)])
		if checkScan(t, []byte(b.String())) {
			fast++
		}
	}
	if fast < 300 {
		t.Errorf("fast path took only %d of 3000 files", fast)
	}
}

// TestScanHeaderMarshal checks files written by Marshal, with messages
// that need every quoting style yaml chooses.
func TestScanHeaderMarshal(t *testing.T) {
	t.Parallel()
	messages := []string{"", "add users", "null", "true", "123", "a: b", "#x", "- item", "it's", `say "hi"`,
		"two\nlines", "trailing\n", " leading space", "tab\there", "ünïcödé", "back\\slash", "[x]", "x #y",
		"ends with colon:", "~", "0x1F", "2026-01-01", "multi\n\nparagraph\n\n", "\x00", "a\r\nb"}
	created := time.Date(2026, 11, 23, 21, 40, 0, 0, time.UTC)
	fast := 0
	for i, msg := range messages {
		r := &Revision{ID: fmt.Sprintf("r%d", i), DownRevisions: []string{"p1", "p2"}[:i%3], Message: msg,
			BranchLabels: []string{"lab"}[:i%2], Created: created, Transactional: i%2 == 0}
		data, err := Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if checkScan(t, data) {
			fast++
		}
	}
	if fast < len(messages)/2 {
		t.Errorf("fast path took only %d of %d written files", fast, len(messages))
	}
}

// TestScanHeaderCorpus runs the fast path on every YAML input of the fuzz
// seed corpora and on the benchmark's files.
func TestScanHeaderCorpus(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("testdata/fuzz/*/*")
	if len(files) == 0 {
		t.Fatal("no seed corpus in testdata/fuzz")
	}
	for _, file := range files {
		data, isSQL := readCorpusFile(t, file)
		if !isSQL {
			checkScan(t, data)
		}
	}
	dir := t.TempDir()
	writeHistory(t, dir, 400)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if !checkScan(t, data) {
			t.Fatalf("fast path left a generated file to yaml:\n%s", data)
		}
	}
}

// readCorpusFile reads a "go test fuzz v1" file: its []byte value and,
// for FuzzParse entries, whether it is a .sql input.
func readCorpusFile(t *testing.T, file string) (data []byte, isSQL bool) {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	if len(lines) < 2 || lines[0] != "go test fuzz v1" {
		t.Fatalf("%s: not a fuzz corpus file", file)
	}
	lit, ok := strings.CutPrefix(lines[1], "[]byte(")
	s, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
	if !ok || err != nil {
		t.Fatalf("%s: first value is not a []byte literal", file)
	}
	return []byte(s), slices.Contains(lines[2:], "bool(true)")
}

// FuzzScanHeader checks that whenever the fast header scanner takes a
// file, it gives exactly the revision the yaml header parse gives. The
// seed corpus is testdata/fuzz/FuzzScanHeader plus every key form.
func FuzzScanHeader(f *testing.F) {
	for key, forms := range headerKeyForms {
		for _, form := range forms {
			f.Add([]byte(headerFile(map[string]string{key: form.value}, bodiesTail)))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkScan(t, data)
	})
}

// BenchmarkParseHeader compares reading one revision file's header by the
// fast scanner, by yaml, and in the .sql form.
func BenchmarkParseHeader(b *testing.B) {
	yamlFile := []byte(fmt.Sprintf(revisionTemplate, "3f2a9c1b7d4e", "9c1e0a7f3b22", 1, 1, 1))
	sqlFile := []byte("-- revision: 3f2a9c1b7d4e\n-- down_revision: 9c1e0a7f3b22\n-- message: step 1\n" +
		"-- created: 2026-11-23T21:40:00Z\n\n-- upgrade\nALTER TABLE users ADD COLUMN c1 integer;\n\n-- downgrade\nALTER TABLE users DROP COLUMN c1;\n")
	for _, bc := range []struct {
		name  string
		parse func(string, []byte) (*Revision, error)
		file  string
		data  []byte
	}{
		{"Scan", parseHeader, "x.yaml", yamlFile},
		{"YAML", parseHeaderYAML, "x.yaml", yamlFile},
		{"SQL", parseHeader, "x.sql", sqlFile},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := bc.parse(bc.file, bc.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
