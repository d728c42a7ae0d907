package sql

import (
	"context"
	"testing"

	"github.com/mealplanner/backend/adapters/sql/sqltest"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports/porttest"
)

// createPostgresDB opens a fresh, empty database of its own.
func createPostgresDB(t *testing.T) (db *DB, dsn string) {
	t.Helper()
	dsn = sqltest.NewDatabase(t)
	return mustOpenPostgres(t, dsn), dsn
}

// mustOpenPostgres opens a handle that is closed before the database is dropped.
func mustOpenPostgres(t *testing.T, dsn string) *DB {
	t.Helper()
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = db.Close() })
	return db
}

// postgresStores gives every subtest of one suite the same migrated database;
// the suites keep their subtests' rows apart.
func postgresStores(t *testing.T) func(*testing.T) porttest.Stores {
	db, _ := createPostgresDB(t)
	mustMigrate(t, db)
	return func(*testing.T) porttest.Stores { return storesOf(db) }
}

// emptyPostgresStores gives every subtest of a catalogue suite an empty
// store: one migrated database per suite, emptied before each subtest (they
// run one after another). Truncating takes milliseconds where a new
// database takes a few hundred.
func emptyPostgresStores(t *testing.T) func(*testing.T) porttest.Stores {
	db, _ := createPostgresDB(t)
	mustMigrate(t, db)
	return func(t *testing.T) porttest.Stores {
		const empty = "TRUNCATE users, recipes, search_terms RESTART IDENTITY CASCADE"
		if _, err := db.bun.ExecContext(t.Context(), empty); err != nil {
			t.Fatalf("empty the store: %v", err)
		}
		return storesOf(db)
	}
}

func TestPostgresRecipeRepository(t *testing.T) {
	t.Parallel()
	porttest.RecipeRepository(t, emptyPostgresStores(t))
}

func TestPostgresFavoriteRepository(t *testing.T) {
	t.Parallel()
	porttest.FavoriteRepository(t, emptyPostgresStores(t))
}

func TestPostgresRatingRepository(t *testing.T) {
	t.Parallel()
	porttest.RatingRepository(t, emptyPostgresStores(t))
}

func TestPostgresUserRepository(t *testing.T) {
	t.Parallel()
	porttest.UserRepository(t, postgresStores(t))
}

func TestPostgresSessionRepository(t *testing.T) {
	t.Parallel()
	porttest.SessionRepository(t, postgresStores(t))
}

func TestPostgresPasswordResetRepository(t *testing.T) {
	t.Parallel()
	porttest.PasswordResetRepository(t, postgresStores(t))
}

func TestPostgresActivityRepository(t *testing.T) {
	t.Parallel()
	porttest.ActivityRepository(t, postgresStores(t))
}

func TestPostgresPlanRepository(t *testing.T) {
	t.Parallel()
	porttest.PlanRepository(t, postgresStores(t))
}

func TestPostgresShoppingListRepository(t *testing.T) {
	t.Parallel()
	porttest.ShoppingListRepository(t, postgresStores(t))
}

func TestPostgresMigrate(t *testing.T) {
	t.Parallel()
	db, _ := createPostgresDB(t)
	if db.Dialect() != "postgres" {
		t.Errorf("Dialect = %q", db.Dialect())
	}
	assertMigrateIdempotent(t, db)
	assertUniqueIsConflict(t, db)
	assertDownUndoesUp(t, db)
}

func TestPostgresConcurrentMigrate(t *testing.T) {
	t.Parallel()
	a, dsn := createPostgresDB(t)
	assertConcurrentMigrate(t, a, mustOpenPostgres(t, dsn))
}

// TestPostgresUnreachable needs no server: nothing listens on port 1.
func TestPostgresUnreachable(t *testing.T) {
	t.Parallel()
	_, err := Open(context.Background(), "postgres://postgres@127.0.0.1:1/none?sslmode=disable&connect_timeout=5")
	if !domain.IsCode(err, domain.CodeUnavailable) {
		t.Errorf("Open of an unreachable server: %v, want SERVICE_UNAVAILABLE", err)
	}
}
