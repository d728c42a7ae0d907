package app_test

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/imaging"
	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
)

func newCatalogue(t *testing.T) (*app.Catalogue, *memory.Store) {
	t.Helper()
	store := memory.NewStore()
	clock := memory.NewClock(time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	cat, err := app.NewCatalogue(app.CatalogueDeps{
		Recipes: store.Recipes(), Favorites: store.Favorites(), Ratings: store.Ratings(), Users: store.Users(),
		Activities: store.Activities(), Images: memory.NewImageStore("http://img", clock.Now), Imaging: imaging.New(),
		Cache: memory.NewCache(100, clock.Now), Clock: clock, IDs: system.IDs{},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	return cat, store
}

func stew(id int64, name string) recipe.Recipe {
	return recipe.Recipe{ID: id, Name: name, Category: "Beef", Cuisine: "Irish", PrepTime: 20, CookTime: 120, Servings: 4,
		Ingredients:  []recipe.Ingredient{{Name: "beef chuck", Measure: "1 kg"}, {Name: "onion", Measure: "2"}},
		Instructions: []string{"Brown the beef.", "Simmer with the onions."}}
}

var admin = app.Principal{UserID: "admin-1", Role: user.RoleAdmin}

// TestAdminWritesInvalidateCachedReads: a cached search and detail must not
// outlive the change that made them stale.
func TestAdminWritesInvalidateCachedReads(t *testing.T) {
	t.Parallel()
	cat, _ := newCatalogue(t)
	ctx := context.Background()
	if _, err := cat.Seed(ctx, []recipe.Recipe{stew(1, "Beef Stew")}); err != nil {
		t.Fatal(err)
	}
	search := func() string {
		page, err := cat.Search(ctx, admin, app.SearchInput{Criteria: recipe.Criteria{Query: "stew"}, Page: app.PageRequest{Page: 1, Limit: 10}})
		if err != nil || len(page.Items) != 1 {
			t.Fatalf("search: %v %+v", err, page)
		}
		return page.Items[0].Name
	}
	search()
	search()
	if s := cat.CacheStats(); s.Hits == 0 {
		t.Errorf("second identical search missed the cache: %+v", s)
	}
	if _, err := cat.UpdateRecipe(ctx, admin, 1, func(r *recipe.Recipe) { r.Name = "Guinness Beef Stew" }); err != nil {
		t.Fatal(err)
	}
	if got := search(); got != "Guinness Beef Stew" {
		t.Errorf("search after the update answered %q from a stale cache", got)
	}
	if r, err := cat.Recipe(ctx, admin, 1); err != nil || r.Name != "Guinness Beef Stew" {
		t.Errorf("detail after the update: %v %v", r, err)
	}
	if err := cat.DeleteRecipe(ctx, admin, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := cat.Recipe(ctx, admin, 1); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("deleted recipe still served: %v", err)
	}
}

func TestNonAdminsCannotWriteTheCatalogue(t *testing.T) {
	t.Parallel()
	cat, _ := newCatalogue(t)
	ctx := context.Background()
	cook := app.Principal{UserID: "u1", Role: user.RoleUser}
	if _, err := cat.CreateRecipe(ctx, cook, stew(0, "Stew")); domain.ErrorCode(err) != domain.CodeForbidden {
		t.Errorf("create: %v", err)
	}
	if err := cat.DeleteRecipe(ctx, cook, 1); domain.ErrorCode(err) != domain.CodeForbidden {
		t.Errorf("delete: %v", err)
	}
	if _, err := cat.CreateUploadURL(ctx, cook, 1, "image/png"); domain.ErrorCode(err) != domain.CodeForbidden {
		t.Errorf("upload url: %v", err)
	}
}

func TestSeedIsIdempotentAndReportsCoverage(t *testing.T) {
	t.Parallel()
	cat, _ := newCatalogue(t)
	ctx := context.Background()
	batch := []recipe.Recipe{stew(1, "Beef Stew"), stew(2, "Another Stew")}
	for range 2 {
		report, err := cat.Seed(ctx, batch)
		if err != nil {
			t.Fatal(err)
		}
		if report.Recipes != 2 || report.Lines != 4 || report.CountedLines != 4 {
			t.Errorf("report = %+v", report)
		}
	}
	page, err := cat.Search(ctx, admin, app.SearchInput{Page: app.PageRequest{Page: 1, Limit: 10}})
	if err != nil || page.Total != 2 {
		t.Errorf("after two seeds: total %d, %v", page.Total, err)
	}
	bad := stew(3, "")
	if _, err := cat.Seed(ctx, []recipe.Recipe{bad}); domain.ErrorCode(err) != domain.CodeValidation {
		t.Errorf("invalid seed recipe: %v", err)
	}
}
