package versions

import (
	"io/fs"
	"os"
)

// DirFS is os.DirFS(dir) for a migrations directory. [Load], [LoadHeaders]
// and [ReadDir] read its files with fewer system calls where the platform
// allows (no poller registration, no non-blocking toggling): on a long
// history that is most of the time "migrate current" spends reading.
// Everything else behaves as os.DirFS.
func DirFS(dir string) fs.FS { return dirFS{FS: os.DirFS(dir), dir: dir} }

// dirFS is the fs.FS of [DirFS].
type dirFS struct {
	fs.FS
	dir string
}

// readIntoFS is what readDir looks for in an fs.FS: reading a whole file
// into a buffer it reuses. It returns nil data on any error, and the
// caller then reads the file through the fs.FS, which reports the error.
type readIntoFS interface {
	readInto(name string, buf []byte) (data, reuse []byte)
}
