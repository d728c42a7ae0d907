// Package sql stores the domain in PostgreSQL (production) or SQLite (the
// embedded default) through bun, with one code base for both dialects. Open
// picks the dialect from the address; the repositories differ only where the
// databases do (row locks, case-insensitive matching).
package sql

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
	"github.com/uptrace/bun/dialect/sqlitedialect"
	"github.com/uptrace/bun/driver/sqliteshim"

	"github.com/mealplanner/backend/migrations"
	"github.com/mealplanner/backend/ports"
)

// DB is an open PostgreSQL or SQLite database.
type DB struct {
	bun     *bun.DB
	dialect string
}

var _ ports.Pinger = (*DB)(nil)

// sqliteParams configure every SQLite connection: WAL lets readers run beside
// the writer; busy_timeout makes a writer wait for the lock instead of failing;
// _txlock=immediate takes the write lock at BEGIN, so two read-then-write
// transactions queue up instead of deadlocking on the lock upgrade.
const sqliteParams = "_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)" +
	"&_pragma=synchronous(NORMAL)&_txlock=immediate"

// Open connects to the database that dsn names: a postgres:// or
// postgresql:// URL selects PostgreSQL, anything else is a SQLite file path or
// file: URI. It pings once, so that a wrong address fails at start-up.
func Open(ctx context.Context, dsn string) (*DB, error) {
	var db *DB
	var err error
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		db, err = openPostgres(dsn)
	} else {
		db, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, err
	}
	if err := db.Ping(ctx); err != nil {
		_ = db.Close()
		return nil, err
	}
	return db, nil
}

func openPostgres(dsn string) (*DB, error) {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("sql: invalid PostgreSQL URL: %w", err)
	}
	// bun interpolates arguments into the statement text, so no two statements
	// are alike: caching prepared statements would only churn the cache.
	cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
	sqldb := stdlib.OpenDB(*cfg)
	sqldb.SetMaxOpenConns(20)
	sqldb.SetMaxIdleConns(10)
	sqldb.SetConnMaxLifetime(30 * time.Minute)
	sqldb.SetConnMaxIdleTime(5 * time.Minute)
	return &DB{bun: bun.NewDB(sqldb, pgdialect.New()), dialect: migrations.Postgres}, nil
}

func openSQLite(dsn string) (*DB, error) {
	if dsn == "" {
		return nil, errors.New("sql: empty database address")
	}
	sep := "?"
	if strings.Contains(dsn, "?") {
		sep = "&"
	}
	sqldb, err := stdsql.Open(sqliteshim.ShimName, dsn+sep+sqliteParams)
	if err != nil {
		return nil, fmt.Errorf("sql: open SQLite: %w", err)
	}
	conns := max(4, runtime.NumCPU())
	if dsn == ":memory:" || strings.Contains(dsn, "mode=memory") {
		// each connection to a private in-memory database sees a different one
		conns = 1
	}
	sqldb.SetMaxOpenConns(conns)
	// keep connections open: each new one re-runs the pragmas
	sqldb.SetMaxIdleConns(conns)
	return &DB{bun: bun.NewDB(sqldb, sqlitedialect.New()), dialect: migrations.SQLite}, nil
}

// Close closes every connection.
func (db *DB) Close() error { return db.bun.Close() }

// Ping checks that the database answers; SERVICE_UNAVAILABLE when it does not.
func (db *DB) Ping(ctx context.Context) error {
	return translate(db.bun.PingContext(ctx))
}

// Dialect is "postgres" or "sqlite".
func (db *DB) Dialect() string { return db.dialect }

// Stats reports the connection pool, for metrics.
func (db *DB) Stats() stdsql.DBStats { return db.bun.DB.Stats() }

func (db *DB) isPostgres() bool { return db.dialect == migrations.Postgres }

// forUpdate locks the selected rows until the transaction ends on PostgreSQL.
// SQLite has no row locks and needs none: its IMMEDIATE transactions already
// run one writer at a time.
func (db *DB) forUpdate(q *bun.SelectQuery) *bun.SelectQuery {
	if db.isPostgres() {
		return q.For("UPDATE")
	}
	return q
}

// aborted marks an error returned by a caller's closure, which inTx hands
// back untouched rather than translating it.
type aborted struct{ err error }

func (a aborted) Error() string { return a.err.Error() }

// inTx runs fn in a transaction and translates database errors; errors
// wrapped in aborted come back exactly as the closure returned them.
func (db *DB) inTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	err := db.bun.RunInTx(ctx, nil, fn)
	var a aborted
	if errors.As(err, &a) {
		return a.err
	}
	return translate(err)
}

// migrationLockKey is an arbitrary constant naming the advisory lock that
// serialises migrations across processes on PostgreSQL.
const migrationLockKey = 7_304_571_149

type migrationRow struct {
	bun.BaseModel `bun:"table:schema_migrations"`
	Version       string    `bun:"version,pk"`
	AppliedAt     time.Time `bun:"applied_at"`
}

// Migrate applies the embedded migrations of the dialect that are not yet
// recorded, in order, each in its own transaction, and returns their names.
// Several processes may migrate at once: PostgreSQL serialises them on an
// advisory lock, SQLite on its write lock.
func (db *DB) Migrate(ctx context.Context) (applied []string, err error) {
	files, err := db.migrationFiles()
	if err != nil {
		return nil, err
	}
	create := `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TIMESTAMP NOT NULL)`
	if err := db.inMigrationTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		_, err := tx.Tx.ExecContext(ctx, create)
		return err
	}); err != nil {
		return nil, fmt.Errorf("sql: create schema_migrations: %w", err)
	}
	applied = []string{}
	for _, name := range files {
		done, err := db.applyMigration(ctx, name)
		if err != nil {
			return applied, err
		}
		if done {
			applied = append(applied, name)
		}
	}
	return applied, nil
}

func (db *DB) migrationFiles() ([]string, error) {
	fsys, err := migrations.FS(db.dialect)
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(fsys, "*.up.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	names := make([]string, len(files))
	for i, f := range files {
		names[i] = strings.TrimSuffix(path.Base(f), ".up.sql")
	}
	return names, nil
}

func (db *DB) applyMigration(ctx context.Context, name string) (bool, error) {
	fsys, err := migrations.FS(db.dialect)
	if err != nil {
		return false, err
	}
	script, err := fs.ReadFile(fsys, name+".up.sql")
	if err != nil {
		return false, err
	}
	var done bool
	err = db.inMigrationTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		n, err := tx.NewSelect().Model((*migrationRow)(nil)).Where("version = ?", name).Count(ctx)
		if err != nil || n > 0 {
			return err
		}
		// the script goes to the driver as is: bun would read its ? as placeholders
		if _, err := tx.Tx.ExecContext(ctx, string(script)); err != nil {
			return err
		}
		row := migrationRow{Version: name, AppliedAt: time.Now().UTC().Truncate(time.Microsecond)}
		_, err = tx.NewInsert().Model(&row).Exec(ctx)
		done = err == nil
		return err
	})
	if err != nil {
		return false, fmt.Errorf("sql: migration %s: %w", name, err)
	}
	return done, nil
}

// inMigrationTx runs fn in a transaction that, on PostgreSQL, first takes the
// migration lock; it is released when the transaction ends.
func (db *DB) inMigrationTx(ctx context.Context, fn func(ctx context.Context, tx bun.Tx) error) error {
	return db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if db.isPostgres() {
			if _, err := tx.Tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLockKey); err != nil {
				return err
			}
		}
		return fn(ctx, tx)
	})
}

// utc is how every time is stored: in UTC, to the microsecond, which both
// dialects keep exactly.
func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC().Truncate(time.Microsecond)
}

// nullTime stores a zero time as NULL.
func nullTime(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := utc(t)
	return &u
}

// utcPtr copies an optional time, normalised.
func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := utc(*t)
	return &u
}

// orZero reads an optional time back, NULL being the zero time.
func orZero(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return utc(*t)
}
