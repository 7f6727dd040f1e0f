package retort

import (
	"fmt"
	"slices"

	"go.yaml.in/yaml/v3"
)

// parseTargets reads targets: a list whose entries are database URLs or
// mappings {url, query | schemas | like}.
func (c *Config) parseTargets(v *yaml.Node) error {
	if v.Kind != yaml.SequenceNode {
		return fmt.Errorf("%s:%d: targets: want a list of database URLs", c.File, v.Line)
	}
	for _, n := range v.Content {
		switch {
		case n.Kind == yaml.ScalarNode && n.Value != "":
			c.Targets = append(c.Targets, FleetTarget{URL: c.relSQLite(n.Value), Line: n.Line})
		case n.Kind == yaml.MappingNode:
			t, err := c.parseTargetMap(n)
			if err != nil {
				return err
			}
			c.Targets = append(c.Targets, t)
		default:
			return fmt.Errorf("%s:%d: targets: want a database URL, or {url, query | schemas | like}", c.File, n.Line)
		}
	}
	return nil
}

// parseTargetMap reads one {url, query | schemas | like} entry.
func (c *Config) parseTargetMap(n *yaml.Node) (FleetTarget, error) {
	t := FleetTarget{Line: n.Line}
	at := func(line int, format string, args ...any) error {
		return fmt.Errorf("%s:%d: targets: %s", c.File, line, fmt.Sprintf(format, args...))
	}
	ways := 0
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "url", "query", "like":
			if v.Kind != yaml.ScalarNode || v.Value == "" {
				return t, at(v.Line, "%s: want a string", k.Value)
			}
			switch k.Value {
			case "url":
				t.URL = c.relSQLite(v.Value)
			case "query":
				t.Query = v.Value
			default:
				t.Like = v.Value
			}
		case "schemas":
			if err := v.Decode(&t.Schemas); err != nil || len(t.Schemas) == 0 || slices.Contains(t.Schemas, "") {
				return t, at(v.Line, "schemas: want a list of schema names (MySQL: database names)")
			}
		default:
			return t, at(k.Line, "unknown key %q (known: url, query, schemas, like)", k.Value)
		}
		if k.Value != "url" {
			ways++
		}
	}
	switch {
	case t.URL == "":
		return t, at(n.Line, "an entry with query, schemas or like needs url: the server it runs on")
	case ways != 1:
		return t, at(n.Line, "give one of query (a control database's SQL returning URLs), schemas (a list) or like (a pattern of schema names)")
	}
	return t, nil
}
