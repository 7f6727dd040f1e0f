package versions

import (
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
)

// Load reads every revision file (*.yaml, *.yml, *.sql) directly in dir of
// fsys, in lexical order of file names, and links them into a graph. Use
// os.DirFS for a directory on disk, or an embed.FS.
func Load(fsys fs.FS, dir string) (*Graph, error) {
	revs, err := ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	return NewGraph(revs)
}

// ReadDir parses the revision files of dir, in file-name order, without
// linking them. Parsing runs on all CPUs; the first error in file order
// is returned.
func ReadDir(fsys fs.FS, dir string) ([]*Revision, error) {
	return readDir(fsys, dir, Parse)
}

// readDir parses the revision files of dir with parse, which must not
// keep data after it returns.
func readDir(fsys fs.FS, dir string, parse func(string, []byte) (*Revision, error)) ([]*Revision, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("reading revision directory: %w", err)
	}
	var names []string
	for _, e := range entries { // fs.ReadDir sorts by name
		if !e.IsDir() && IsRevisionFile(e.Name()) {
			names = append(names, path.Join(dir, e.Name()))
		}
	}
	revs := make([]*Revision, len(names))
	errs := make([]error, len(names))
	// Workers take the next file by counter, each reading into a buffer it
	// reuses (parse copies what it keeps), so a file costs no channel
	// hand-off, no stat call and no allocation for its content.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(names), 1)) {
		wg.Go(func() {
			buf := make([]byte, 0, 64<<10)
			for i := int(next.Add(1) - 1); i < len(names); i = int(next.Add(1) - 1) {
				var data []byte
				data, buf = readInto(fsys, names[i], buf)
				if data == nil {
					revs[i], errs[i] = readFile(fsys, names[i], parse)
				} else {
					revs[i], errs[i] = parse(names[i], data)
				}
			}
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return revs, nil
}

// readInto reads file name of fsys into buf, grown as needed, and returns
// the content and the buffer to reuse. On any error it returns nil data:
// the caller then reads the file with fs.ReadFile, which reports the
// error as it always has.
func readInto(fsys fs.FS, name string, buf []byte) (data, reuse []byte) {
	if r, ok := fsys.(readIntoFS); ok {
		return r.readInto(name, buf)
	}
	return readFileInto(fsys, name, buf)
}

// readFileInto is readInto through fsys.Open.
func readFileInto(fsys fs.FS, name string, buf []byte) (data, reuse []byte) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, buf
	}
	defer f.Close()
	buf = buf[:0]
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, buf
		}
		if err != nil {
			return nil, buf
		}
	}
}

// IsRevisionFile reports whether a file name has a revision file's
// extension and is not hidden.
func IsRevisionFile(name string) bool {
	if strings.HasPrefix(name, ".") {
		return false
	}
	switch path.Ext(name) {
	case ".yaml", ".yml", ".sql":
		return true
	}
	return false
}

// ReadFile reads and parses one revision file, by its extension.
func ReadFile(fsys fs.FS, name string) (*Revision, error) {
	return readFile(fsys, name, Parse)
}

func readFile(fsys fs.FS, name string, parse func(string, []byte) (*Revision, error)) (*Revision, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, fmt.Errorf("reading revision file: %w", err)
	}
	return parse(name, data)
}

// Parse parses a revision file's content; name's extension picks the form
// (.sql, else YAML) and name is used in errors and as the revision's Path.
func Parse(name string, data []byte) (*Revision, error) {
	if path.Ext(name) == ".sql" {
		return ParseSQL(name, data)
	}
	r, err := ParseYAML(name, data)
	if err != nil {
		return nil, err
	}
	if err := r.decodeBody(); err != nil {
		return nil, err
	}
	return r, nil
}
