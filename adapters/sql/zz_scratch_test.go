package sql

import (
	"context"
	"os"
	"testing"
)

// TestZZScratchLoad loads the benchmark catalogue into BENCH_DSN (temporary helper).
func TestZZScratchLoad(t *testing.T) {
	dsn := os.Getenv("BENCH_DSN")
	if dsn == "" {
		t.Skip()
	}
	db, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	loadCatalogue(t, db, NewRecipeRepository(db), 100000)
}
