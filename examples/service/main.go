// Command service is an example of a Go service that embeds its Retort
// migrations with go:embed and upgrades its database on start, before it
// serves anything. Run it with:
//
//	DATABASE_URL=sqlite:///notes.db go run ./examples/service
//
// It upgrades the database to head, then serves the notes on
// http://localhost:8080/ (or prints them and exits with -once).
package main

import (
	"context"
	"database/sql"
	"embed"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/signal"
	"time"

	"github.com/retortdb/retort"
	"github.com/retortdb/retort/dialect"
	_ "github.com/retortdb/retort/dialect/mysql"
	_ "github.com/retortdb/retort/dialect/postgres"
	_ "github.com/retortdb/retort/dialect/sqlite"
)

// migrations holds the revision files, compiled into the binary.
//
//go:embed migrations/versions/*.yaml
var migrations embed.FS

func init() {
	// A Go data migration: the call op "count_notes" runs this inside
	// its revision's transaction.
	retort.Register("count_notes", func(ctx context.Context, tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM notes").Scan(&n); err != nil {
			return err
		}
		log.Printf("count_notes: %d notes after seeding", n)
		return nil
	})
}

func main() {
	once := flag.Bool("once", false, "print the notes and exit instead of serving them")
	addr := flag.String("addr", "localhost:8080", "address to serve on")
	flag.Parse()
	url := os.Getenv("DATABASE_URL")
	if url == "" {
		url = "sqlite:///notes.db"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	db, err := open(ctx, url)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if *once {
		if err := printNotes(ctx, db, os.Stdout); err != nil {
			log.Fatal(err)
		}
		return
	}
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if err := printNotes(r.Context(), db, w); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	srv := &http.Server{Addr: *addr, ReadHeaderTimeout: 5 * time.Second}
	go func() { <-ctx.Done(); srv.Close() }()
	log.Printf("serving on http://%s/", *addr)
	if err := srv.ListenAndServe(); err != http.ErrServerClosed {
		log.Fatal(err)
	}
}

// open connects to url and upgrades the database to head.
func open(ctx context.Context, url string) (*sql.DB, error) {
	d, u, err := dialect.Open(url)
	if err != nil {
		return nil, err
	}
	driverName, dsn, err := d.Driver(u)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open(driverName, dsn)
	if err != nil {
		return nil, err
	}
	r, err := retort.New(retort.Options{
		DB: db, Dialect: d, Migrations: migrations, Directory: "migrations/versions",
		LockTimeout: 30 * time.Second,
		Events: func(e retort.Event) {
			if e.Kind == retort.RevisionFinished {
				log.Printf("migrated: %s (%s)", e.Message, e.Duration.Round(time.Millisecond))
			}
		},
	})
	if err == nil {
		err = r.Upgrade(ctx, "head")
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("migrating %s: %w", u.Redacted(), err)
	}
	return db, nil
}

// printNotes writes the notes, one a line.
func printNotes(ctx context.Context, db *sql.DB, w io.Writer) error {
	rows, err := db.QueryContext(ctx, "SELECT id, body, pinned FROM notes ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var body string
		var pinned bool
		if err := rows.Scan(&id, &body, &pinned); err != nil {
			return err
		}
		fmt.Fprintf(w, "%d\t%s\tpinned=%v\n", id, body, pinned)
	}
	return rows.Err()
}
