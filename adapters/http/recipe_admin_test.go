package http_test

import (
	"net/http"
	"slices"
	"testing"
)

// newRecipeBody is a valid recipe as an admin writes it, with ingredients in
// both accepted forms.
func newRecipeBody() map[string]any {
	return map[string]any{
		"name": "Weeknight Dal", "description": "Red lentils, slowly.", "category": "vegetarian", "cuisine": "Indian",
		"tags": []string{"Lentils"}, "difficulty": "Easy", "prepTime": 10, "cookTime": 30, "servings": 4,
		"ingredients": []map[string]any{
			{"name": "red lentils", "measure": "200 g"},
			{"name": "water", "quantity": 0.1 + 0.2, "unit": "l"},
			{"name": "onion", "quantity": 1, "note": "finely chopped"},
			{"name": "salt", "note": "to taste"},
		},
		"instructions": []string{"Rinse the lentils.", "Simmer everything for 30 minutes."},
		"sourceUrl":    "https://example.com/dal",
	}
}

func TestAdminCreatesRecipes(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	res := a.do("POST", "/api/v1/recipes", admin.Token, newRecipeBody())
	wantStatus(t, res, http.StatusCreated)
	m := res.JSON(t)
	if m["category"] != "Vegetarian" || m["difficulty"] != "easy" || m["sourceUrl"] != "https://example.com/dal" {
		t.Errorf("created = %v", m)
	}
	var measures []string
	for _, l := range m["ingredients"].([]any) {
		measures = append(measures, l.(map[string]any)["measure"].(string))
	}
	if want := []string{"200 g", "0.3 l", "1, finely chopped", "to taste"}; !slices.Equal(measures, want) {
		t.Errorf("measures %q, want %q", measures, want)
	}
	id := m["id"].(string)
	a.get("/api/recipes/"+id, admin.Token, http.StatusOK)
	if got := names(recipesOf(t, a.get("/api/recipes?q=dal", admin.Token, http.StatusOK))); !slices.Equal(got, []string{"Weeknight Dal"}) {
		t.Errorf("search after create = %v", got)
	}

	withID := newRecipeBody()
	withID["id"] = "90001"
	created := a.do("POST", "/api/v1/recipes", admin.Token, withID)
	wantStatus(t, created, http.StatusCreated)
	if created.JSON(t)["id"] != "90001" {
		t.Errorf("id = %v, want 90001", created.JSON(t)["id"])
	}
	wantStatus(t, a.do("POST", "/api/v1/recipes", admin.Token, withID), http.StatusConflict)
	withID["id"] = "007"
	wantDetail(t, a.do("POST", "/api/v1/recipes", admin.Token, withID), "id")
}

func TestAdminRecipeWritesReportEveryBadField(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	wantDetail(t, a.do("POST", "/api/recipes", admin.Token, map[string]any{}),
		"name", "category", "servings", "ingredients", "instructions")
	bad := newRecipeBody()
	bad["category"], bad["difficulty"], bad["prepTime"], bad["youtubeUrl"] = "Brunch", "tricky", -5, "ftp://x"
	wantDetail(t, a.do("POST", "/api/recipes", admin.Token, bad), "category", "difficulty", "prepTime", "youtubeUrl")
	negative := newRecipeBody()
	negative["ingredients"] = []map[string]any{{"name": "water", "quantity": -1, "unit": "l"}}
	wantDetail(t, a.do("POST", "/api/recipes", admin.Token, negative), "ingredients")
	wantDetail(t, a.do("POST", "/api/recipes", admin.Token, map[string]any{"servings": "four"}), "servings")
	wantDetail(t, a.do("PUT", "/api/recipes/52772", admin.Token, map[string]any{"name": "Only a name"}),
		"category", "servings", "ingredients", "instructions")
	wantDetail(t, a.do("PATCH", "/api/recipes/52772", admin.Token, map[string]any{"servings": 0, "name": ""}), "servings", "name")
	wantError(t, a.do("POST", "/api/recipes", admin.Token, "{"), http.StatusBadRequest, "invalid JSON body")
}

func TestAdminReplacesAndPatchesRecipes(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	put := a.do("PUT", "/api/v1/recipes/52772", admin.Token, newRecipeBody())
	wantStatus(t, put, http.StatusOK)
	m := put.JSON(t)
	if m["id"] != "52772" || m["name"] != "Weeknight Dal" || m["youtubeUrl"] != nil || len(m["ingredients"].([]any)) != 4 {
		t.Errorf("after PUT = %v", m)
	}
	patch := a.do("PATCH", "/api/v1/recipes/52772", admin.Token, map[string]any{"name": "Dal Tadka", "servings": 6})
	wantStatus(t, patch, http.StatusOK)
	p := patch.JSON(t)
	if p["name"] != "Dal Tadka" || num(p["servings"]) != 6 || p["cuisine"] != "Indian" || len(p["ingredients"].([]any)) != 4 {
		t.Errorf("after PATCH = %v", p)
	}
	if got := a.get("/api/recipes/52772", admin.Token, http.StatusOK).JSON(t)["name"]; got != "Dal Tadka" {
		t.Errorf("detail after PATCH shows %v", got)
	}
	wantError(t, a.do("PUT", "/api/v1/recipes/424242", admin.Token, newRecipeBody()), http.StatusNotFound, "recipe not found")
	wantError(t, a.do("PATCH", "/api/v1/recipes/424242", admin.Token, map[string]any{"name": "x"}), http.StatusNotFound, "recipe not found")
	wantError(t, a.do("PATCH", "/api/v1/recipes/0", admin.Token, map[string]any{"name": "x"}), http.StatusBadRequest, "invalid recipe id")
}

func TestAdminDeletesRecipesSoftly(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin, u := a.admin("admin@example.com"), a.register("cook@example.com")
	wantStatus(t, a.do("POST", "/api/recipes/52772/favorite", u.Token, nil), http.StatusOK)
	wantStatus(t, a.do("DELETE", "/api/v1/recipes/52772", admin.Token, nil), http.StatusNoContent)
	wantError(t, a.do("GET", "/api/recipes/52772", u.Token, nil), http.StatusNotFound, "recipe not found")
	wantError(t, a.do("GET", "/api/recipes/52772/nutrition", u.Token, nil), http.StatusNotFound, "recipe not found")
	wantError(t, a.do("DELETE", "/api/v1/recipes/52772", admin.Token, nil), http.StatusNotFound, "recipe not found")
	res := a.get("/api/recipes", u.Token, http.StatusOK)
	if got := names(recipesOf(t, res)); slices.Contains(got, "Teriyaki Chicken Casserole") || len(got) != fixtureCount-1 {
		t.Errorf("search after delete = %v", got)
	}
	if got := recipesOf(t, a.get("/api/recipes/favorites", u.Token, http.StatusOK)); len(got) != 0 {
		t.Errorf("favourites still list %v", names(got))
	}
}

func TestNonAdminsCannotWriteRecipes(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	for _, req := range []struct {
		method, path string
		body         any
	}{
		{"POST", "/api/recipes", newRecipeBody()}, {"PUT", "/api/recipes/52772", newRecipeBody()},
		{"PATCH", "/api/recipes/52772", map[string]string{"name": "Mine now"}}, {"DELETE", "/api/recipes/52772", nil},
		{"POST", "/api/recipes/52772/upload-url", map[string]string{"contentType": "image/png"}},
		{"POST", "/api/recipes/52772/confirm-upload", map[string]string{"key": "x"}},
	} {
		res := a.do(req.method, req.path, u.Token, req.body)
		wantStatus(t, res, http.StatusForbidden)
		if res.JSON(t)["code"] != "FORBIDDEN" {
			t.Errorf("%s %s: %s", req.method, req.path, res.Body)
		}
	}
	a.get("/api/recipes/52772", u.Token, http.StatusOK)
}
