//go:build !(linux || darwin)

package versions

// readInto is readFileInto: elsewhere os.Open is as cheap as it gets.
func (d dirFS) readInto(name string, buf []byte) (data, reuse []byte) {
	return readFileInto(d.FS, name, buf)
}
