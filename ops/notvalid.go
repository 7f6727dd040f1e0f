package ops

import "github.com/retortdb/retort/metadata"

// IsNotValid reports whether the foreign key is added NOT VALID: the op's
// flag or the key's own (the two are one not_valid key in YAML).
func (o *CreateForeignKey) IsNotValid() bool {
	return o.NotValid || o.ForeignKey != nil && o.ForeignKey.NotValid
}

// IsNotValid reports whether the check is added NOT VALID, as
// [CreateForeignKey.IsNotValid].
func (o *CreateCheckConstraint) IsNotValid() bool {
	return o.NotValid || o.Check != nil && o.Check.NotValid
}

// IsNotValid reports whether the dropped foreign key or check was NOT
// VALID: the op's flag or its definition's.
func (o *DropConstraint) IsNotValid() bool {
	return o.NotValid || o.ForeignKey != nil && o.ForeignKey.NotValid || o.Check != nil && o.Check.NotValid
}

// notValidFK returns fk, or a copy marked NOT VALID when notValid is set
// and fk is not: what an op's not_valid flag writes and applies.
func notValidFK(fk *metadata.ForeignKey, notValid bool) *metadata.ForeignKey {
	if fk == nil || !notValid || fk.NotValid {
		return fk
	}
	c := fk.Clone()
	c.NotValid = true
	return c
}

// notValidCheck is [notValidFK] for a check.
func notValidCheck(c *metadata.Check, notValid bool) *metadata.Check {
	if c == nil || !notValid || c.NotValid {
		return c
	}
	cp := c.Clone()
	cp.NotValid = true
	return cp
}
