package http

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// downRecipes is a recipe store whose database is unreachable. Only Get is
// implemented: it is all the nutrition use case calls.
type downRecipes struct{ ports.RecipeRepository }

func (downRecipes) Get(context.Context, int64) (*recipe.Recipe, error) {
	return nil, &domain.Error{Code: domain.CodeUnavailable, Message: "database unavailable"}
}

// downCache fails every call, so the catalogue bypasses it.
type downCache struct{}

func (downCache) Get(context.Context, string) ([]byte, bool, error) {
	return nil, false, domain.ErrUnavailable
}
func (downCache) Set(context.Context, string, []byte, time.Duration) error {
	return domain.ErrUnavailable
}
func (downCache) Delete(context.Context, ...string) error { return domain.ErrUnavailable }

func TestNutritionOutageAnswersTheContractsText(t *testing.T) {
	cat, err := app.NewCatalogue(app.CatalogueDeps{Recipes: downRecipes{}, Cache: downCache{},
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		t.Fatal(err)
	}
	r := mux.NewRouter()
	r.Handle("/api/recipes/{id}/nutrition", handleRecipeNutrition(cat))
	req := httptest.NewRequest("GET", "/api/recipes/52772/nutrition", nil)
	rec := httptest.NewRecorder()
	requestID(r).ServeHTTP(rec, req)
	res := rec.Result()
	if res.StatusCode != http.StatusServiceUnavailable || res.Header.Get("Retry-After") == "" {
		t.Fatalf("status %d, Retry-After %q", res.StatusCode, res.Header.Get("Retry-After"))
	}
	m := decodeErrorBody(t, rec)
	if m["error"] != "nutrition is temporarily unavailable, please try again shortly" || m["code"] != "SERVICE_UNAVAILABLE" {
		t.Errorf("body %v", m)
	}
	checkResponse(t, req, res, rec.Body.Bytes())
}
