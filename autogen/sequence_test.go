package autogen_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/retortdb/retort/autogen"
	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/metadata"
)

// TestCompareSequencesOffline: without a server, sequences are created
// before the tables whose defaults read them and dropped after; a
// sequence whose default moved to a new name is renamed; a default that
// would read a sequence the target lacks is refused before any op.
func TestCompareSequencesOffline(t *testing.T) {
	users := func(seq string) *metadata.Table {
		return &metadata.Table{Name: "users", Columns: []*metadata.Column{
			{Name: "id", Type: metadata.IntegerType, Default: "nextval(('" + seq + "'::text)::regclass)"},
		}, PrimaryKey: &metadata.PrimaryKey{Columns: []string{"id"}}}
	}
	model := func(seq string, tables ...*metadata.Table) *metadata.MetaData {
		m := &metadata.MetaData{Tables: tables}
		if seq != "" {
			m.Sequences = []*metadata.Sequence{{Name: seq}}
		}
		return m
	}
	d := postgres.Postgres{}
	for _, tc := range []struct {
		name            string
		target, current *metadata.MetaData
		want            []string // Describe lines, in order
		err             string
	}{
		{"new table and its sequence", model("users_seq", users("users_seq")), nil,
			[]string{"Detected added sequence 'users_seq'", "Detected added table 'users'"}, ""},
		{"dropped table and its sequence", model(""), model("users_seq", users("users_seq")),
			[]string{"Detected removed table 'users'", "Detected removed sequence 'users_seq'"}, ""},
		{"renamed", model("users_seq", users("users_seq")), model("user_ids", users("user_ids")),
			[]string{"Detected renamed sequence 'user_ids' to 'users_seq'", "Detected server default change on 'users.id'"}, ""},
		{"a default reading no sequence", model("", users("users_seq")), nil, nil,
			"the default nextval(('users_seq'::text)::regclass) reads sequence users_seq, which the schema does not have"},
		{"an unchanged default is not the revision's", model("", users("users_seq")), model("", users("users_seq")), nil, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := autogen.Compare(tc.target, tc.current, d, autogen.Options{})
			if tc.err != "" {
				require.ErrorContains(t, err, tc.err)
				return
			}
			require.NoError(t, err)
			var got []string
			for _, o := range res.Ops {
				got = append(got, autogen.Describe(o))
			}
			assert.Equal(t, tc.want, got, strings.Join(got, "\n"))
			_, err = autogen.Downgrade(res.Ops)
			require.NoError(t, err, "every op has an exact reverse")
		})
	}
}
