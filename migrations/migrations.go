// Package migrations holds the SQL migrations of both storage dialects,
// embedded in the binary. Each dialect has its own folder of versioned files
// named NNNN_name.up.sql (applied in lexical order) and NNNN_name.down.sql
// (their inverse, for operators; the runner never applies them).
package migrations

import (
	"embed"
	"fmt"
	"io/fs"
)

// Dialect names, as reported by the SQL adapter.
const (
	Postgres = "postgres"
	SQLite   = "sqlite"
)

//go:embed postgres/*.sql
var postgresFS embed.FS

//go:embed sqlite/*.sql
var sqliteFS embed.FS

// FS returns the migration files of a dialect, rooted at its folder.
func FS(dialect string) (fs.FS, error) {
	switch dialect {
	case Postgres:
		return fs.Sub(postgresFS, "postgres")
	case SQLite:
		return fs.Sub(sqliteFS, "sqlite")
	}
	return nil, fmt.Errorf("migrations: unknown dialect %q", dialect)
}
