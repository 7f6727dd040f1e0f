package autogen

import "github.com/retortdb/retort/ops"

// extensions creates the target's new extensions first of all and drops
// those gone last of all. A version is compared only where the target
// declares one; a different installed version is reported, not changed
// (ALTER EXTENSION UPDATE is the author's to write).
func (c *comparer) extensions() {
	for _, e := range c.target.Extensions {
		old := c.current.Extension(e.Name)
		switch {
		case old == nil:
			c.p.createExtensions = append(c.p.createExtensions, &ops.CreateExtension{Extension: e.Clone()})
		case e.Version != "" && e.Version != old.Version:
			c.p.warnf("extension %s: version %s is declared and %q is installed; write execute: ALTER EXTENSION %s UPDATE TO '%s' in the revision",
				e.Name, e.Version, old.Version, e.Name, e.Version)
		case e.Schema != old.Schema:
			c.p.warnf("extension %s: schema %q is declared and it is installed in %q; write execute: ALTER EXTENSION %s SET SCHEMA in the revision",
				e.Name, e.Schema, old.Schema, e.Name)
		}
	}
	for i := len(c.current.Extensions) - 1; i >= 0; i-- {
		e := c.current.Extensions[i]
		if c.target.Extension(e.Name) == nil {
			c.p.dropExtensions = append(c.p.dropExtensions, &ops.DropExtension{ExtensionName: e.Name, Extension: e.Clone()})
		}
	}
}
