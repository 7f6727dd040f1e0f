// Command migrate is Retort's command line: schema migrations in the
// mold of Alembic. Run "migrate --help" for the commands.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
