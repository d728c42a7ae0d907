package sql

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/recipe"
)

func TestZZBuildCost(t *testing.T) {
	db, err := Open(context.Background(), filepath.Join(t.TempDir(), "x.db"))
	if err != nil {
		t.Fatal(err)
	}
	recs := recipe.Synthesize(1, benchTemplates(t), 100000, 1)
	start := time.Now()
	rows := make([]recipeRow, len(recs))
	for i, r := range recs {
		row, _ := recipeFromDomain(r)
		rows[i] = *row
	}
	t.Logf("convert: %v", time.Since(start))
	start = time.Now()
	repo := NewRecipeRepository(db)
	n := 0
	for i := 0; i < len(rows); i += saveBatch {
		q := repo.upsert(db.bun, rows[i:min(i+saveBatch, len(rows))])
		b, err := q.AppendQuery(db.bun.QueryGen(), nil)
		if err != nil {
			t.Fatal(err)
		}
		n += len(b)
	}
	t.Logf("build SQL: %v, %d MB", time.Since(start), n>>20)
}
