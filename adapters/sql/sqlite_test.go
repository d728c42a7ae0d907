package sql

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"path/filepath"
	"reflect"
	"sort"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/migrations"
	"github.com/mealplanner/backend/ports/porttest"
)

func storesOf(db *DB) porttest.Stores {
	return porttest.Stores{Users: NewUserRepository(db), Sessions: NewSessionRepository(db),
		Resets: NewResetRepository(db), Activities: NewActivityRepository(db), Recipes: NewRecipeRepository(db),
		Favorites: NewFavoriteRepository(db), Ratings: NewRatingRepository(db), Plans: NewPlanRepository(db),
		Lists: NewShoppingListRepository(db)}
}

// mustOpenSQLite opens a new, empty SQLite file in the test's temporary folder.
func mustOpenSQLite(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

func mustMigrate(t *testing.T, db *DB) []string {
	t.Helper()
	applied, err := db.Migrate(context.Background())
	if err != nil {
		t.Fatalf("Migrate: %v", err)
	}
	return applied
}

func newSQLiteStores(t *testing.T) porttest.Stores {
	db := mustOpenSQLite(t, filepath.Join(t.TempDir(), "test.db"))
	mustMigrate(t, db)
	return storesOf(db)
}

func TestSQLiteUserRepository(t *testing.T) {
	t.Parallel()
	porttest.UserRepository(t, newSQLiteStores)
}

func TestSQLiteSessionRepository(t *testing.T) {
	t.Parallel()
	porttest.SessionRepository(t, newSQLiteStores)
}

func TestSQLitePasswordResetRepository(t *testing.T) {
	t.Parallel()
	porttest.PasswordResetRepository(t, newSQLiteStores)
}

func TestSQLiteActivityRepository(t *testing.T) {
	t.Parallel()
	porttest.ActivityRepository(t, newSQLiteStores)
}

func TestSQLiteRecipeRepository(t *testing.T) {
	t.Parallel()
	porttest.RecipeRepository(t, newSQLiteStores)
}

func TestSQLiteFavoriteRepository(t *testing.T) {
	t.Parallel()
	porttest.FavoriteRepository(t, newSQLiteStores)
}

func TestSQLiteRatingRepository(t *testing.T) {
	t.Parallel()
	porttest.RatingRepository(t, newSQLiteStores)
}

func TestSQLitePlanRepository(t *testing.T) {
	t.Parallel()
	porttest.PlanRepository(t, newSQLiteStores)
}

func TestSQLiteShoppingListRepository(t *testing.T) {
	t.Parallel()
	porttest.ShoppingListRepository(t, newSQLiteStores)
}

// allMigrations names every embedded migration of the dialect.
func allMigrations(t *testing.T, db *DB) []string {
	t.Helper()
	names, err := db.migrationFiles()
	if err != nil || len(names) == 0 {
		t.Fatalf("migrationFiles = %v, %v", names, err)
	}
	return names
}

// assertMigrateIdempotent checks a fresh database: the first Migrate applies
// everything, the second nothing.
func assertMigrateIdempotent(t *testing.T, db *DB) {
	t.Helper()
	if first := mustMigrate(t, db); !reflect.DeepEqual(first, allMigrations(t, db)) {
		t.Errorf("first Migrate applied %v, want %v", first, allMigrations(t, db))
	}
	if second := mustMigrate(t, db); len(second) != 0 {
		t.Errorf("second Migrate applied %v, want nothing", second)
	}
}

// assertConcurrentMigrate migrates one fresh database from two handles at once:
// together they must apply every migration exactly once.
func assertConcurrentMigrate(t *testing.T, a, b *DB) {
	t.Helper()
	var wg sync.WaitGroup
	results := make([][]string, 2)
	errs := make([]error, 2)
	for i, db := range []*DB{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = db.Migrate(context.Background())
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatalf("concurrent Migrate: %v", err)
	}
	all := append(append([]string{}, results[0]...), results[1]...)
	sort.Strings(all)
	if want := allMigrations(t, a); !reflect.DeepEqual(all, want) {
		t.Errorf("together the two Migrates applied %v, want %v once each", all, want)
	}
}

// assertUniqueIsConflict inserts a duplicate row behind the repositories' back.
func assertUniqueIsConflict(t *testing.T, db *DB) {
	t.Helper()
	row := migrationRow{Version: "9999_test"}
	ctx := context.Background()
	if _, err := db.bun.NewInsert().Model(&row).Exec(ctx); err != nil {
		t.Fatalf("insert: %v", err)
	}
	_, err := db.bun.NewInsert().Model(&row).Exec(ctx)
	if err = translate(err); !errors.Is(err, domain.ErrConflict) {
		t.Errorf("duplicate insert translated to %v, want CONFLICT", err)
	}
	err = translate(db.bun.NewSelect().Model(&row).Where("version = 'none'").Scan(ctx))
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("no rows translated to %v, want NOT_FOUND", err)
	}
}

// assertDownUndoesUp runs every down script of a migrated database, newest
// first, then every up script again: whatever a down script leaves behind
// makes its up script fail the second time.
func assertDownUndoesUp(t *testing.T, db *DB) {
	t.Helper()
	fsys, err := migrations.FS(db.Dialect())
	if err != nil {
		t.Fatal(err)
	}
	run := func(file string) {
		script, err := fs.ReadFile(fsys, file)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.bun.DB.ExecContext(context.Background(), string(script)); err != nil {
			t.Fatalf("%s: %v", file, err)
		}
	}
	names := allMigrations(t, db)
	for i := len(names) - 1; i >= 0; i-- {
		run(names[i] + ".down.sql")
	}
	for _, name := range names {
		run(name + ".up.sql")
	}
}

func TestSQLiteMigrate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	db := mustOpenSQLite(t, filepath.Join(dir, "a.db"))
	if db.Dialect() != "sqlite" {
		t.Errorf("Dialect = %q", db.Dialect())
	}
	assertMigrateIdempotent(t, db)
	assertUniqueIsConflict(t, db)
	assertDownUndoesUp(t, db)
	path := "file:" + filepath.Join(dir, "b.db")
	assertConcurrentMigrate(t, mustOpenSQLite(t, path), mustOpenSQLite(t, path))
}

func TestSQLitePragmas(t *testing.T) {
	t.Parallel()
	db := mustOpenSQLite(t, filepath.Join(t.TempDir(), "p.db"))
	for pragma, want := range map[string]string{"journal_mode": "wal", "foreign_keys": "1", "busy_timeout": "5000"} {
		var got string
		if err := db.bun.QueryRowContext(context.Background(), "PRAGMA "+pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", pragma, err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %q, want %q", pragma, got, want)
		}
	}
}

func TestSQLiteCannotOpen(t *testing.T) {
	t.Parallel()
	_, err := Open(context.Background(), filepath.Join(t.TempDir(), "missing", "dir", "x.db"))
	if !domain.IsCode(err, domain.CodeUnavailable) {
		t.Errorf("Open in a missing folder: %v, want SERVICE_UNAVAILABLE", err)
	}
}

func TestTranslate(t *testing.T) {
	t.Parallel()
	notFound := domain.NotFound("user not found")
	cases := []struct {
		err  error
		want domain.Code
	}{
		{stdsql.ErrNoRows, domain.CodeNotFound},
		{fmt.Errorf("scan: %w", stdsql.ErrNoRows), domain.CodeNotFound},
		{notFound, domain.CodeNotFound},
		{&pgconn.PgError{Code: "23505"}, domain.CodeConflict},
		{&pgconn.PgError{Code: "08006"}, domain.CodeUnavailable},
		{&pgconn.PgError{Code: "57P01"}, domain.CodeUnavailable},
		{&pgconn.PgError{Code: "42P01"}, domain.CodeInternal},
		{&net.OpError{Op: "dial", Err: errors.New("connection refused")}, domain.CodeUnavailable},
		{stdsql.ErrConnDone, domain.CodeUnavailable},
		{context.Canceled, domain.CodeInternal},
		{errors.New("something else"), domain.CodeInternal},
	}
	for _, c := range cases {
		if got := domain.ErrorCode(translate(c.err)); got != c.want {
			t.Errorf("translate(%v) has code %s, want %s", c.err, got, c.want)
		}
	}
	if translate(nil) != nil || translate(notFound) != notFound {
		t.Error("translate must keep nil and domain errors as they are")
	}
	if err := translate(context.Canceled); !errors.Is(err, context.Canceled) {
		t.Errorf("translate(context.Canceled) = %v, must still match context.Canceled", err)
	}
}
