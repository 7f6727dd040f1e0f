package main

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"

	"github.com/retortdb/retort/versions"
)

// loadGraph reads <directory>/versions, without the operations: the
// commands here only read and extend the graph. A missing directory is an
// empty history only when allowEmpty (a first "revision").
func (a *app) loadGraph(allowEmpty bool) (*versions.Graph, error) {
	g, err := versions.LoadHeaders(versions.DirFS(a.directory), "versions")
	if errors.Is(err, fs.ErrNotExist) {
		if allowEmpty {
			return versions.NewGraph(nil)
		}
		return nil, fmt.Errorf("no revision directory %s: run 'migrate init' or pass --directory", a.versionsDir())
	}
	return g, err
}

// displayPath is a revision's path on disk, for output.
func (a *app) displayPath(r *versions.Revision) string {
	return filepath.Join(a.directory, filepath.FromSlash(r.Path))
}

// loadFullGraph is loadGraph with the operations read, for output that
// says whether a derived downgrade can run (show, history -v).
func (a *app) loadFullGraph(allowEmpty bool) (*versions.Graph, error) {
	if _, err := a.loadGraph(allowEmpty); err != nil {
		return nil, err
	}
	g, err := versions.Load(versions.DirFS(a.directory), "versions")
	if errors.Is(err, fs.ErrNotExist) && allowEmpty {
		return versions.NewGraph(nil)
	}
	return g, err
}
