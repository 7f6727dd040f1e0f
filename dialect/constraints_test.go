package dialect_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/dialect"
	"github.com/retortdb/retort/dialect/mysql"
	"github.com/retortdb/retort/dialect/sqlite"
	"github.com/retortdb/retort/metadata"
	"github.com/retortdb/retort/ops"
)

// TestRefuseConstraintOptions: MySQL and SQLite refuse PostgreSQL's
// constraint options (and its exclusion constraints) at plan time, naming the op and the constraint,
// rather than build a constraint without them.
func TestRefuseConstraintOptions(t *testing.T) {
	rooms := func() *metadata.Table {
		return &metadata.Table{Name: "rooms", Columns: []*metadata.Column{
			{Name: "id", Type: metadata.MustParseType("integer")}, {Name: "code", Type: metadata.MustParseType("text"), Nullable: true}}}
	}
	state := &metadata.MetaData{Tables: []*metadata.Table{rooms()}}
	withPK := rooms()
	withPK.PrimaryKey = &metadata.PrimaryKey{Name: "rooms_pk", Columns: []string{"id"}, Deferrable: true}
	withCheck := rooms()
	withCheck.Checks = []*metadata.Check{{Name: "rooms_id", Expression: "id > 0", NotValid: true}}
	booked := &metadata.Exclusion{Name: "rooms_booked", Using: "gist", Elements: []metadata.ExclusionElement{{Column: "code", Operator: "="}}}
	withExclusion := rooms()
	withExclusion.Exclusions = []*metadata.Exclusion{booked}
	cases := []struct {
		name string
		op   ops.Op
		want string
	}{
		{"deferrable unique", &ops.CreateUniqueConstraint{TableRef: ops.TableRef{Table: "rooms"},
			Unique: &metadata.Unique{Name: "rooms_code", Columns: []string{"code"}, Deferrable: true}}, "unique constraint rooms_code"},
		{"deferrable primary key", &ops.CreatePrimaryKey{TableRef: ops.TableRef{Table: "rooms"},
			PrimaryKey: &metadata.PrimaryKey{Name: "rooms_pk", Columns: []string{"id"}, Deferrable: true}}, "primary key rooms_pk"},
		{"unique nulls not distinct", &ops.CreateUniqueConstraint{TableRef: ops.TableRef{Table: "rooms"},
			Unique: &metadata.Unique{Name: "rooms_code", Columns: []string{"code"}, NullsNotDistinct: true}}, "NULLS NOT DISTINCT"},
		{"check no inherit", &ops.CreateCheckConstraint{TableRef: ops.TableRef{Table: "rooms"},
			Check: &metadata.Check{Name: "rooms_id", Expression: "id > 0", NoInherit: true}}, "NO INHERIT"},
		{"table with a deferrable key", &ops.CreateTable{Table: withPK}, "primary key rooms_pk"},
		{"unique index nulls not distinct", &ops.CreateIndex{TableRef: ops.TableRef{Table: "rooms"},
			Index: &metadata.Index{Name: "ix_rooms_code", Columns: []string{"code"}, Unique: true, NullsNotDistinct: true}}, "unique index ix_rooms_code"},
		{"rename_constraint", &ops.RenameConstraint{TableRef: ops.TableRef{Table: "rooms"}, ConstraintName: "rooms_pk", NewName: "rooms_key"}, "RENAME CONSTRAINT"},
		{"comment_constraint", &ops.CommentConstraint{TableRef: ops.TableRef{Table: "rooms"}, ConstraintName: "rooms_pk", Comment: "key"}, "constraint rooms_pk"},
		{"commented check", &ops.CreateCheckConstraint{TableRef: ops.TableRef{Table: "rooms"},
			Check: &metadata.Check{Name: "rooms_id", Expression: "id > 0", Comment: "positive"}}, "comment on a check"},
		{"table with a NOT VALID check", &ops.CreateTable{Table: withCheck}, "has no NOT VALID check"},
		{"exclusion constraint", &ops.CreateExclusionConstraint{TableRef: ops.TableRef{Table: "rooms"}, Exclusion: booked}, "exclusion constraint rooms_booked"},
		{"table with an exclusion constraint", &ops.CreateTable{Table: withExclusion}, "exclusion constraint rooms_booked"},
		{"drop an exclusion constraint", &ops.DropConstraint{TableRef: ops.TableRef{Table: "rooms"}, ConstraintName: "rooms_booked", Type: ops.ConstraintExclude}, "exclusion constraint rooms_booked"},
	}
	for _, d := range []dialect.Dialect{&mysql.Dialect{}, &sqlite.Dialect{}} {
		for _, tc := range cases {
			t.Run(d.Name()+"/"+tc.name, func(t *testing.T) {
				_, err := d.Plan(state, []ops.Op{tc.op})
				require.Error(t, err)
				assert.True(t, errors.Is(err, dialect.ErrConstraintOption), "%v", err)
				assert.Contains(t, err.Error(), tc.want)
			})
		}
	}
}
