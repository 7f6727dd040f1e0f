package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/retortdb/retort/jsonschema"
	"github.com/retortdb/retort/versions"
)

// newRevision is what "revision" and "merge" ask for.
type newRevision struct {
	message     string
	heads       []string // targets the new revision follows
	splice      bool
	merge       bool // merge, not revision: changes what the not-a-head error says
	labels      []string
	dependsOn   []string
	revID       string
	versionPath string
	datePrefix  bool
}

// generate writes a new, empty revision file and returns it, loaded in a
// graph with the others (so a duplicate label or id fails before writing).
func (a *app) generate(o newRevision) (*versions.Revision, error) {
	g, err := a.loadGraph(true)
	if err != nil {
		return nil, err
	}
	r := &versions.Revision{ID: o.revID, Message: o.message, BranchLabels: o.labels,
		Created: time.Now().UTC().Truncate(time.Second), Transactional: true}
	if r.ID == "" {
		r.ID = versions.NewID()
	}
	if err := versions.ValidateID(r.ID); err != nil {
		return nil, usageError{err}
	}
	if r.DownRevisions, err = downRevisions(g, o.heads, o.splice, o.merge); err != nil {
		return nil, err
	}
	if r.DependsOn, err = dependsOn(g, o.dependsOn); err != nil {
		return nil, err
	}
	dir := o.versionPath
	if dir == "" {
		dir = a.versionsDir()
	}
	path := filepath.Join(dir, versions.FileName(r, versions.NameOptions{DatePrefix: o.datePrefix}))
	r.Path = filepath.ToSlash(path)
	if err := a.checkFits(r); err != nil {
		return nil, err
	}
	return r, write(path, a.modeline(path), r)
}

// modeline is the yaml-language-server line a YAML revision file at path
// starts with, newline included; "" for a .sql revision.
func (a *app) modeline(path string) string {
	if strings.HasSuffix(path, ".sql") {
		return ""
	}
	return jsonschema.ModelineFor(path, a.projectRoot(), jsonschema.RevisionFile) + "\n"
}

// downRevisions resolves the heads a new revision follows. A revision that
// is not a head needs splice (merge says "merge it", revision "start a
// new branch from it").
func downRevisions(g *versions.Graph, targets []string, splice, merge bool) ([]string, error) {
	heads, err := g.Resolve(targets...)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, h := range heads {
		if h == nil {
			continue
		}
		if slices.Contains(out, h.ID) {
			return nil, usagef("duplicate head revisions specified: %s", h.ID)
		}
		if !splice && !h.IsHead() {
			what := "start a new branch from it"
			if merge {
				what = "merge it anyway (the merge becomes another head)"
			}
			return nil, fmt.Errorf("%w: revision %s is not a head revision; pass --splice to %s",
				versions.ErrNotHead, h.ID, what)
		}
		out = append(out, h.ID)
	}
	return out, nil
}

// dependsOn resolves partial ids, keeping branch labels as written.
func dependsOn(g *versions.Graph, deps []string) ([]string, error) {
	var out []string
	for _, d := range deps {
		r, err := g.Revision(d)
		if err != nil {
			return nil, err
		}
		if r == nil {
			return nil, usagef("--depends-on %s names no revision", d)
		}
		if slices.Contains(r.Branches(), d) {
			out = append(out, d)
		} else {
			out = append(out, r.ID)
		}
	}
	return out, nil
}

// checkFits links the new revision with the existing ones.
func (a *app) checkFits(r *versions.Revision) error {
	revs, err := versions.ReadHeaders(os.DirFS(a.directory), "versions")
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	_, err = versions.NewGraph(append(revs, r))
	return err
}

// write creates the file, header first (the yaml-language-server line),
// refusing to overwrite one.
func write(path, header string, r *versions.Revision) error {
	data, err := versions.Marshal(r)
	if err != nil {
		return err
	}
	data = append([]byte(header), data...)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// printGenerated reports a new revision file.
func (a *app) printGenerated(r *versions.Revision) error {
	if a.format == "json" {
		return a.printJSON([]*versions.Revision{r})
	}
	_, err := fmt.Fprintf(a.stdout, "Generating %s ... done\n", filepath.FromSlash(r.Path))
	return err
}
