package retort_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// noTxIndex marks CREATE INDEX statements NoTransaction, as a dialect
// does for CREATE INDEX CONCURRENTLY.
type noTxIndex struct{ dialect.Dialect }

func (d noTxIndex) Plan(m *metadata.MetaData, list []ops.Op) ([]dialect.Statement, error) {
	stmts, err := d.Dialect.Plan(m, list)
	for i := range stmts {
		stmts[i].NoTransaction = strings.HasPrefix(stmts[i].SQL, "CREATE INDEX")
	}
	return stmts, err
}

// TestNoTransactionStatement: a statement that cannot run in a
// transaction commits the revision's transaction, runs alone, and the
// rest of the revision goes on in a new one; scripts say the same.
func TestNoTransactionStatement(t *testing.T) {
	db := dbtest.SQLite(t)
	var sqls []string
	r := newRunner(t, db, basic(), func(o *retort.Options) {
		o.Dialect = noTxIndex{o.Dialect}
		o.Events = func(e retort.Event) {
			if e.Kind == retort.StatementRan && !strings.HasPrefix(e.SQL, "--") {
				sqls = append(sqls, strings.Fields(e.SQL)[0])
			}
		}
	})
	if err := r.Upgrade(ctx(t), "r2"); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(sqls, " "); got != "BEGIN CREATE INSERT COMMIT BEGIN ALTER COMMIT CREATE BEGIN UPDATE COMMIT" {
		t.Errorf("statements: %s", got)
	}
	var b bytes.Buffer
	if err := r.SQL(&b, []string{"r1"}, "r2", versions.Up); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "COMMIT;\n\nCREATE INDEX") || !strings.Contains(b.String(), ";\n\nBEGIN;\n\nUPDATE") {
		t.Errorf("script:\n%s", b.String())
	}
}
