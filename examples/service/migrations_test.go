package main

import (
	"testing"

	"github.com/retortdb/retort/internal/dbtest"
	"github.com/retortdb/retort/retorttest"
)

// TestMigrations is what an application adds to its own tests: its
// embedded migrations apply, reverse, and build exactly schema.yaml. With
// no URL it runs on a fresh SQLite file.
func TestMigrations(t *testing.T) {
	retorttest.Run(t, retorttest.Options{Schema: "schema.yaml", Migrations: migrations, Directory: "migrations/versions"})
}

// TestMigrationsPostgres is the same on PostgreSQL. An application would
// pass its own test database's URL (say os.Getenv("TEST_DATABASE_URL"));
// here the test bed makes a fresh database, or skips without a server.
func TestMigrationsPostgres(t *testing.T) {
	db := dbtest.Postgres(t)
	retorttest.Run(t, retorttest.Options{URL: db.URL, Schema: "schema.yaml", Migrations: migrations, Directory: "migrations/versions"})
}
