package dialect

// Cond is a WHERE condition of the expression core. Its values are always
// bound (or, in literal mode, rendered by the dialect's Literal): a Cond
// never puts a value into SQL text itself.
type Cond interface {
	writeCond(c *compiler)
}

type comparison struct {
	column string
	op     string
	value  any
}

// Eq is column = value; Eq(col, nil) is column IS NULL.
func Eq(column string, value any) Cond { return comparison{column, "=", value} }

// Ne is column <> value; Ne(col, nil) is column IS NOT NULL.
func Ne(column string, value any) Cond { return comparison{column, "<>", value} }

// Lt is column < value.
func Lt(column string, value any) Cond { return comparison{column, "<", value} }

// Le is column <= value.
func Le(column string, value any) Cond { return comparison{column, "<=", value} }

// Gt is column > value.
func Gt(column string, value any) Cond { return comparison{column, ">", value} }

// Ge is column >= value.
func Ge(column string, value any) Cond { return comparison{column, ">=", value} }

func (p comparison) writeCond(c *compiler) {
	c.ident(p.column)
	if p.value == nil {
		switch p.op {
		case "=":
			c.write(" IS NULL")
			return
		case "<>":
			c.write(" IS NOT NULL")
			return
		}
		c.fail("comparison %s %s NULL is never true; use Eq or Ne with nil", p.column, p.op)
		return
	}
	c.write(" " + p.op + " ")
	c.value(p.value)
}

type inList struct {
	column string
	values []any
}

// In is column IN (values...); with no values it is false.
func In(column string, values ...any) Cond { return inList{column, values} }

func (p inList) writeCond(c *compiler) {
	if len(p.values) == 0 {
		c.write("1 = 0")
		return
	}
	c.ident(p.column)
	c.write(" IN (")
	for i, v := range p.values {
		if i > 0 {
			c.write(", ")
		}
		c.value(v)
	}
	c.write(")")
}

type junction struct {
	op    string // AND or OR
	conds []Cond
}

// And is true when every condition is (true when there are none).
func And(conds ...Cond) Cond { return junction{"AND", conds} }

// Or is true when any condition is (false when there are none).
func Or(conds ...Cond) Cond { return junction{"OR", conds} }

func (j junction) writeCond(c *compiler) {
	if len(j.conds) == 0 {
		if j.op == "AND" {
			c.write("1 = 1")
		} else {
			c.write("1 = 0")
		}
		return
	}
	for i, sub := range j.conds {
		if i > 0 {
			c.write(" " + j.op + " ")
		}
		c.write("(")
		sub.writeCond(c)
		c.write(")")
	}
}

type negation struct{ cond Cond }

// Not is NOT cond.
func Not(cond Cond) Cond { return negation{cond} }

func (n negation) writeCond(c *compiler) {
	c.write("NOT (")
	n.cond.writeCond(c)
	c.write(")")
}
