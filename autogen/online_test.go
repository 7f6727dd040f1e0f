package autogen_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/ops"
	"github.com/retortdb/retort/versions"
)

// onlineBase and onlineTarget differ by the changes of the online
// benchmark: an index, a foreign key, SET NOT NULL and a varchar widened,
// and a new table with an index of its own (kept plain: it is new).
const onlineBase = `
tables:
  - name: teams
    columns:
      - {name: id, type: bigint, primary_key: true}
  - name: items
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: team_id, type: bigint, nullable: false}
      - {name: code, type: varchar(20)}
      - {name: n, type: integer}
`

const onlineTarget = `
tables:
  - name: teams
    columns:
      - {name: id, type: bigint, primary_key: true}
  - name: items
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: team_id, type: bigint, nullable: false}
      - {name: code, type: varchar(40), nullable: false}
      - {name: n, type: integer}
    indexes:
      - {name: ix_items_n, columns: [n]}
    foreign_keys:
      - {name: fk_items_team, columns: [team_id], ref_table: teams, ref_columns: [id]}
  - name: notes
    columns:
      - {name: id, type: bigint, primary_key: true}
      - {name: body, type: text}
    indexes:
      - {name: ix_notes_body, columns: [body]}
`

// TestOnlineGolden renders the --online revisions of the change for
// PostgreSQL (split: the changes with the constraint NOT VALID, the index
// built concurrently, the validation) and MariaDB (one revision with
// ALGORITHM= and LOCK=) against testdata/online.<dialect>.golden.yaml
// (-update rewrites them); each revision reads back to its ops, and the
// chain folds up and down.
func TestOnlineGolden(t *testing.T) {
	for _, tc := range []struct {
		d      dialect.Dialect
		stages int
	}{{postgres.Postgres{}, 3}, {&mysql.Dialect{}, 1}} {
		t.Run(tc.d.Name(), func(t *testing.T) {
			base := readSchema(t, onlineBase)
			res, err := autogen.Compare(readSchema(t, onlineTarget), base, tc.d, autogen.Options{})
			if err != nil {
				t.Fatal(err)
			}
			stages, err := autogen.Online(tc.d, res.Ops)
			if err != nil {
				t.Fatal(err)
			}
			if len(stages) != tc.stages {
				t.Errorf("%d stages, want %d", len(stages), tc.stages)
			}
			var got bytes.Buffer
			state, down := base.Clone(), "9c1e0a7f3b22"
			for k, s := range stages {
				r := &versions.Revision{ID: fmt.Sprintf("a%011d", k+1), DownRevisions: []string{down}, Transactional: s.Transactional,
					Message: autogen.StageMessage("online change", k, len(stages), s), Created: time.Date(2026, 12, 7, 16, 0, 0, 0, time.UTC)}
				r.Upgrade, r.Downgrade = s.Ops, s.Downgrade
				data, err := autogen.Render(r, nil)
				if err != nil {
					t.Fatal(err)
				}
				back, err := versions.Parse(r.ID+".yaml", data)
				if err != nil {
					t.Fatal(err)
				}
				if describe(back.Upgrade) != describe(r.Upgrade) || back.Transactional != s.Transactional {
					t.Errorf("stage %d reads back differently", k+1)
				}
				if err := ops.ApplyAll(state, back.Upgrade); err != nil {
					t.Fatalf("stage %d does not fold: %v", k+1, err)
				}
				if k == len(stages)-1 {
					for i := len(stages) - 1; i >= 0; i-- {
						if err := ops.ApplyAll(state, stages[i].Downgrade); err != nil {
							t.Fatalf("downgrade of stage %d does not fold: %v", i+1, err)
						}
					}
					back, err := autogen.Compare(base, state, tc.d, autogen.Options{})
					if err != nil {
						t.Fatal(err)
					}
					if len(back.Ops) != 0 {
						t.Errorf("the downgrades do not return to the base: %s", describe(back.Ops))
					}
				}
				got.WriteString("# ---- " + r.ID + "\n")
				got.Write(data)
				down = r.ID
			}
			golden := filepath.Join("testdata", "online."+tc.d.Name()+".golden.yaml")
			if *update {
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got.String() != string(want) {
				t.Errorf("rendered revisions differ from %s:\n%s", golden, got.String())
			}
		})
	}
}

// TestOnlineRefusedOnSQLite: SQLite has no online forms.
func TestOnlineRefusedOnSQLite(t *testing.T) {
	_, err := autogen.Online(&sqlite.Dialect{}, nil)
	if !errors.Is(err, autogen.ErrNoOnlineForms) {
		t.Fatalf("error %v", err)
	}
}
