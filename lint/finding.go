package lint

import "fmt"

// Finding is one rule that a statement of a revision hit.
type Finding struct {
	Rule     string   `json:"rule"`
	Category Category `json:"category"`
	Severity Severity `json:"severity"`
	// File and Line place the op in its revision file.
	File string `json:"file"`
	Line int    `json:"line"`
	// Revision is the revision's id, Op the op's name ("add_column").
	Revision string `json:"revision"`
	Op       string `json:"op"`
	// Message is the one line of why, with the facts (lock, relation).
	Message string `json:"message"`
	// Instead is the safe alternative.
	Instead string `json:"instead"`
	// Statement is the SQL the finding is about, when it is one statement.
	Statement string `json:"statement,omitempty"`
	// Measured is true when the fact came from the scratch database.
	Measured bool `json:"measured"`
	// Rows counts offending rows found on the real database (--url); -1
	// when not counted.
	Rows int64 `json:"rows"`
}

func (f Finding) String() string {
	return fmt.Sprintf("%s:%d: %s [%s] %s", f.File, f.Line, f.Severity, f.Rule, f.Message)
}

// newFinding fills a finding from its rule.
func newFinding(id string, at opRef, msg string) Finding {
	r := Rules[id]
	if msg == "" {
		msg = r.Why
	}
	return Finding{
		Rule: id, Category: r.Category, Severity: r.Severity,
		File: at.file, Line: at.line, Revision: at.rev, Op: at.op,
		Message: msg, Instead: r.Instead, Rows: -1,
	}
}

// Report is the result of a lint run.
type Report struct {
	// Revisions are the ids linted, in upgrade order.
	Revisions []string `json:"revisions"`
	// Findings in revision, then op order.
	Findings []Finding `json:"findings"`
	// Measured: a scratch database measured locks and rewrites; else the
	// dialect's documented rules were used (Note says so).
	Measured bool   `json:"measured"`
	Note     string `json:"note,omitempty"`
	// Statements counts the statements planned.
	Statements int `json:"statements"`
}

// Worst is the highest severity found, 0 when there is no finding.
func (r *Report) Worst() Severity {
	var w Severity
	for _, f := range r.Findings {
		w = max(w, f.Severity)
	}
	return w
}

// Fails reports whether any finding reaches level.
func (r *Report) Fails(level Severity) bool { return r.Worst() >= level && r.Worst() > 0 }
