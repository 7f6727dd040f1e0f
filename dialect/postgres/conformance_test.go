package postgres_test

import (
	"testing"

	"github.com/retortdb/retort/dialect/postgres"
	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/internal/dialecttest"
)

func TestConformance(t *testing.T) {
	dialecttest.Run(t, postgres.Postgres{}, dbtest.Postgres)
}
