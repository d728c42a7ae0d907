package sql

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports/porttest"
)

// createPostgresDB makes a fresh, empty database on the server that
// TEST_DATABASE_URL names and drops it when the test ends: other packages
// test on the same server at the same time.
func createPostgresDB(t *testing.T) (db *DB, dsn string) {
	t.Helper()
	base := os.Getenv("TEST_DATABASE_URL")
	if base == "" {
		t.Skip("TEST_DATABASE_URL not set")
	}
	ctx := context.Background()
	admin, err := Open(ctx, base)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL is set but the server does not answer: %v", err)
	}
	name := "mp_test_" + randomHex(t)
	if _, err := admin.bun.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		_ = admin.Close()
		t.Fatalf("CREATE DATABASE %s: %v", name, err)
	}
	t.Cleanup(func() {
		if _, err := admin.bun.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("DROP DATABASE %s: %v", name, err)
		}
		_ = admin.Close()
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return mustOpenPostgres(t, u.String()), u.String()
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

func randomHex(t *testing.T) string {
	b := make([]byte, 8)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(b)
}

// postgresStores gives every subtest of one suite the same migrated database;
// the suites keep their subtests' rows apart.
func postgresStores(t *testing.T) func(*testing.T) porttest.Stores {
	db, _ := createPostgresDB(t)
	mustMigrate(t, db)
	return func(*testing.T) porttest.Stores { return storesOf(db) }
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

func TestPostgresMigrate(t *testing.T) {
	t.Parallel()
	db, _ := createPostgresDB(t)
	if db.Dialect() != "postgres" {
		t.Errorf("Dialect = %q", db.Dialect())
	}
	assertMigrateIdempotent(t, db)
	assertUniqueIsConflict(t, db)
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
