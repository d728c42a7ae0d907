package http_test

import (
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"
)

func TestRecipeSearchAnswersWhatTheFrontendReads(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	res := a.get("/api/recipes?category=breakfast&page=1&limit=24", u.Token, http.StatusOK)
	m := res.JSON(t)
	if num(m["total"]) != 2 || num(m["page"]) != 1 || num(m["limit"]) != 24 || num(m["totalPages"]) != 1 {
		t.Errorf("paging = %v", m)
	}
	if got := res.Header.Get("X-Total-Count"); got != "2" {
		t.Errorf("X-Total-Count = %q", got)
	}
	for _, r := range recipesOf(t, res) {
		if r["category"] != "Breakfast" {
			t.Errorf("category %v, want the canonical Breakfast", r["category"])
		}
		if _, err := strconv.ParseInt(r["id"].(string), 10, 64); err != nil {
			t.Errorf("id %v is not numeric", r["id"])
		}
		if tags, ok := r["dietaryTags"].([]any); !ok || tags == nil {
			t.Errorf("dietaryTags = %#v, want an array", r["dietaryTags"])
		}
	}
	cuisine := recipesOf(t, a.get("/api/recipes?cuisine=south_indian", u.Token, http.StatusOK))
	if len(cuisine) != 1 || cuisine[0]["cuisine"] != "South Indian" {
		t.Errorf("cuisine=south_indian found %v", names(cuisine))
	}
}

func TestRecipeSearchPages(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	all := a.get("/api/v1/recipes", u.Token, http.StatusOK).JSON(t)
	if num(all["total"]) != fixtureCount || num(all["limit"]) != 24 || num(all["page"]) != 1 {
		t.Errorf("no criteria: %v", all)
	}
	pages := a.get("/api/v1/recipes?limit=2", u.Token, http.StatusOK).JSON(t)
	if num(pages["totalPages"]) != 3 || len(pages["recipes"].([]any)) != 2 {
		t.Errorf("limit=2: %v", pages)
	}
	past := a.get("/api/v1/recipes/search?limit=2&page=9", u.Token, http.StatusOK)
	if got := recipesOf(t, past); len(got) != 0 || num(past.JSON(t)["total"]) != fixtureCount {
		t.Errorf("past the end: %s", past.Body)
	}
	if past.Header.Get("X-Total-Count") != strconv.Itoa(fixtureCount) {
		t.Errorf("X-Total-Count past the end = %q", past.Header.Get("X-Total-Count"))
	}
	none := a.get("/api/v1/recipes?q=zzzzzz", u.Token, http.StatusOK).JSON(t)
	if num(none["total"]) != 0 || num(none["totalPages"]) != 0 || len(none["recipes"].([]any)) != 0 {
		t.Errorf("no match: %v", none)
	}
}

func TestRecipeSearchRanksNameMatchesFirst(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	got := names(recipesOf(t, a.get("/api/v1/recipes?q=potato", u.Token, http.StatusOK)))
	if len(got) != 2 || got[0] != "Breakfast Potatoes" || got[1] != "Masala Dosa" {
		t.Errorf("q=potato ranked %v, want the name match first", got)
	}
}

func TestRecipeSearchFilters(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	tests := []struct {
		query string
		want  []string
	}{
		{"dietary=vegan&sort=name", []string{"Breakfast Potatoes", "Chickpea Salad", "Masala Dosa"}},
		{"dietary=Vegan&dietary=Gluten-Free,&category=Breakfast&sort=name", []string{"Breakfast Potatoes", "Masala Dosa"}},
		{"dietary=Vegetarian,Keto", nil},
		{"category=breakfast&ingredient=rice%20flour", []string{"Masala Dosa"}},
		{"maxTotalTime=20&sort=name", []string{"Breakfast Potatoes", "Chickpea Salad"}},
		{"difficulty=HARD", []string{"Chocolate Cake"}},
		{"tags=casserole,meat", []string{"Teriyaki Chicken Casserole"}},
		{"excludeAllergens=Soy,Gluten&excludeAllergens=eggs&sort=name", []string{"Breakfast Potatoes", "Chickpea Salad", "Masala Dosa"}},
		{"maxPrepTime=5", []string{"Breakfast Potatoes"}},
		{"forMe=false&sort=quickest&limit=1", []string{"Chickpea Salad"}},
	}
	for _, tt := range tests {
		res := a.get("/api/v1/recipes?"+tt.query, u.Token, http.StatusOK)
		if got := names(recipesOf(t, res)); !slices.Equal(got, tt.want) {
			t.Errorf("%s found %v, want %v", tt.query, got, tt.want)
		}
	}
	wantStatus(t, a.do("PATCH", "/api/v1/users/me/preferences", u.Token, map[string]any{"dietary": []string{"Vegan"}}), http.StatusOK)
	wantStatus(t, a.do("PATCH", "/api/v1/users/me/preferences", u.Token, map[string]any{"allergies": []string{"Gluten"}, "dislikedIngredients": []string{"potato"}}), http.StatusOK)
	if got := names(recipesOf(t, a.get("/api/v1/recipes?forMe=true", u.Token, http.StatusOK))); !slices.Equal(got, []string{"Chickpea Salad"}) {
		t.Errorf("forMe=true with a vegan user who dislikes potatoes found %v", got)
	}
}

func TestRecipeSearchRejectsBadParameters(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	u := a.register("cook@example.com")
	long := make([]byte, 101)
	for i := range long {
		long[i] = 'a'
	}
	tests := []struct{ query, field string }{
		{"q=" + string(long), "q"}, {"category=" + string(long), "category"}, {"cuisine=" + string(long), "cuisine"},
		{"ingredient=" + string(long), "ingredient"}, {"tags=" + string(long), "tags"},
		{"excludeAllergens=" + string(long), "excludeAllergens"}, {"dietary=Carnivore", "dietary"},
		{"sort=best", "sort"}, {"difficulty=extreme", "difficulty"}, {"maxPrepTime=-1", "maxPrepTime"},
		{"maxPrepTime=abc", "maxPrepTime"}, {"maxTotalTime=1.5", "maxTotalTime"}, {"page=0", "page"},
		{"page=x", "page"}, {"limit=0", "limit"}, {"limit=101", "limit"}, {"limit=9999999999", "limit"},
		{"forMe=yes", "forMe"},
	}
	for _, tt := range tests {
		res := a.do("GET", "/api/recipes?"+tt.query, u.Token, nil)
		if res.Status != http.StatusBadRequest || details(t, res)[tt.field] == nil {
			t.Errorf("%.40s: %d %s, want 400 naming %s", tt.query, res.Status, res.Body, tt.field)
		}
	}
	both := a.do("GET", "/api/v1/recipes?limit=500&sort=best&dietary=Carnivore", u.Token, nil)
	wantDetail(t, both, "limit", "sort", "dietary")
}

func TestRecipeCategoriesAndCuisines(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	u := a.register("cook@example.com")
	if got := a.get("/api/recipes/cuisines", u.Token, http.StatusOK).List(t); len(got) != 0 {
		t.Errorf("empty catalogue cuisines = %v", got)
	}
	a.seed()
	cats := a.get("/api/recipes/categories", u.Token, http.StatusOK).List(t)
	var got []string
	for _, c := range cats {
		m := c.(map[string]any)
		got = append(got, m["name"].(string))
		if m["name"] == "Breakfast" && (num(m["count"]) != 2 || m["description"] == "") {
			t.Errorf("Breakfast = %v", m)
		}
	}
	if want := []string{"Breakfast", "Chicken", "Dessert", "Vegan"}; !slices.Equal(got, want) {
		t.Errorf("categories %v, want %v", got, want)
	}
	cuisines := a.get("/api/v1/recipes/cuisines", u.Token, http.StatusOK).List(t)
	want := []any{"American", "Canadian", "Japanese", "Mediterranean", "South Indian"}
	if !slices.Equal(cuisines, want) {
		t.Errorf("cuisines %v, want %v", cuisines, want)
	}
}

func TestRecipeGetAnswersTheWholeRecipe(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	m := a.get("/api/recipes/52772", u.Token, http.StatusOK).JSON(t)
	if m["id"] != "52772" || m["name"] != "Teriyaki Chicken Casserole" || num(m["totalTime"]) != 55 || num(m["servings"]) != 4 {
		t.Errorf("recipe = %v", m)
	}
	if m["youtubeUrl"] == nil || m["sourceUrl"] != nil {
		t.Errorf("youtubeUrl %v (want it), sourceUrl %v (want it omitted)", m["youtubeUrl"], m["sourceUrl"])
	}
	if tags := m["tags"].([]any); !slices.Equal(tags, []any{"casserole", "meat"}) {
		t.Errorf("tags = %v", tags)
	}
	if !slices.Contains(m["allergens"].([]any), any("Soy")) {
		t.Errorf("allergens %v lack Soy", m["allergens"])
	}
	lines := m["ingredients"].([]any)
	cup := lines[0].(map[string]any)
	if cup["measure"] != "3/4 cup" || num(cup["quantity"]) != 0.75 || cup["unit"] != "cup" || cup["food"] != "soy sauce" {
		t.Errorf("first ingredient = %v", cup)
	}
	if salt := lines[4].(map[string]any); salt["quantity"] != nil {
		t.Errorf("salt to taste has quantity %v, want null", salt["quantity"])
	}
	for _, k := range []string{"createdAt", "updatedAt"} {
		if _, err := time.Parse(time.RFC3339, m[k].(string)); err != nil {
			t.Errorf("%s: %v", k, err)
		}
	}
}

func TestRecipeIDsAreCheckedOnEveryRoute(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	for _, suffix := range []string{"", "/nutrition", "/similar"} {
		for _, id := range []string{"abc", "0", "01", "-1", "99999999999999999999", "1.5"} {
			wantError(t, a.do("GET", "/api/recipes/"+id+suffix, u.Token, nil), http.StatusBadRequest, "invalid recipe id")
		}
		wantError(t, a.do("GET", "/api/recipes/424242"+suffix, u.Token, nil), http.StatusNotFound, "recipe not found")
	}
	wantError(t, a.do("POST", "/api/recipes/01/favorite", u.Token, nil), http.StatusBadRequest, "invalid recipe id")
	wantError(t, a.do("PUT", "/api/recipes/x/rating", u.Token, map[string]int{"stars": 3}), http.StatusBadRequest, "invalid recipe id")
}

func TestSimilarRecipesExcludeTheRecipe(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	got := names(recipesOf(t, a.get("/api/v1/recipes/52965/similar", u.Token, http.StatusOK)))
	if slices.Contains(got, "Breakfast Potatoes") || len(got) == 0 || len(got) > 4 {
		t.Errorf("similar = %v", got)
	}
	if got := recipesOf(t, a.get("/api/v1/recipes/52965/similar?limit=1", u.Token, http.StatusOK)); len(got) != 1 {
		t.Errorf("limit=1 gave %d", len(got))
	}
	for _, limit := range []string{"0", "21", "x"} {
		wantDetail(t, a.do("GET", "/api/v1/recipes/52965/similar?limit="+limit, u.Token, nil), "limit")
	}
}
