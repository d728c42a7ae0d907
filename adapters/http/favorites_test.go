package http_test

import (
	"net/http"
	"slices"
	"testing"
	"time"
)

func TestFavoritesAreIdempotentAndNewestFirst(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	for range 2 {
		m := a.do("POST", "/api/recipes/52772/favorite", u.Token, nil)
		wantStatus(t, m, http.StatusOK)
		if got := m.JSON(t); got["recipeId"] != "52772" || got["favorited"] != true {
			t.Errorf("favorite = %v", got)
		}
	}
	a.app.Clock.Advance(time.Minute)
	wantStatus(t, a.do("POST", "/api/recipes/53050/favorite", u.Token, nil), http.StatusOK)
	for _, path := range []string{"/api/recipes/favorites", "/api/v1/users/me/favorites", "/api/v1/users/" + u.ID + "/favorites"} {
		res := a.get(path, u.Token, http.StatusOK)
		got := names(recipesOf(t, res))
		if !slices.Equal(got, []string{"Chocolate Cake", "Teriyaki Chicken Casserole"}) || res.Header.Get("X-Total-Count") != "2" {
			t.Errorf("%s = %v (X-Total-Count %q)", path, got, res.Header.Get("X-Total-Count"))
		}
		if m := res.JSON(t); num(m["limit"]) != 20 || num(m["totalPages"]) != 1 {
			t.Errorf("%s paging = %v", path, m)
		}
	}
	page2 := a.get("/api/v1/recipes/favorites?limit=1&page=2", u.Token, http.StatusOK)
	if got := names(recipesOf(t, page2)); !slices.Equal(got, []string{"Teriyaki Chicken Casserole"}) {
		t.Errorf("page 2 of 1 = %v", got)
	}
	for range 2 {
		wantStatus(t, a.do("DELETE", "/api/recipes/52772/favorite", u.Token, nil), http.StatusNoContent)
	}
	if got := names(recipesOf(t, a.get("/api/recipes/favorites", u.Token, http.StatusOK))); !slices.Equal(got, []string{"Chocolate Cake"}) {
		t.Errorf("after removal = %v", got)
	}
	wantError(t, a.do("POST", "/api/recipes/424242/favorite", u.Token, nil), http.StatusNotFound, "recipe not found")
	wantStatus(t, a.do("DELETE", "/api/recipes/424242/favorite", u.Token, nil), http.StatusNoContent)
	wantDetail(t, a.do("GET", "/api/recipes/favorites?limit=101", u.Token, nil), "limit")
}

func TestFavoritesOfAnotherUserAreHidden(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	owner, other, admin := a.register("owner@example.com"), a.register("other@example.com"), a.admin("admin@example.com")
	wantStatus(t, a.do("POST", "/api/recipes/52772/favorite", owner.Token, nil), http.StatusOK)
	wantStatus(t, a.do("GET", "/api/v1/users/"+owner.ID+"/favorites", other.Token, nil), http.StatusNotFound)
	if got := recipesOf(t, a.get("/api/v1/users/"+owner.ID+"/favorites", admin.Token, http.StatusOK)); len(got) != 1 {
		t.Errorf("admin sees %d favourites of the owner", len(got))
	}
	if got := recipesOf(t, a.get("/api/v1/users/me/favorites", other.Token, http.StatusOK)); len(got) != 0 {
		t.Errorf("the other user has favourites %v", names(got))
	}
}

func TestRatingsKeepAMeanAndACount(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	first, second := a.register("first@example.com"), a.register("second@example.com")
	rate := func(s session, stars any) response {
		return a.do("PUT", "/api/recipes/53050/rating", s.Token, map[string]any{"stars": stars})
	}
	steps := []struct {
		who          session
		stars        int
		mean, count  float64
		wantMyRating float64
	}{
		{first, 4, 4, 1, 4}, {second, 5, 4.5, 2, 5}, {first, 2, 3.5, 2, 2},
	}
	for _, s := range steps {
		res := rate(s.who, s.stars)
		wantStatus(t, res, http.StatusOK)
		m := res.JSON(t)
		if m["recipeId"] != "53050" || num(m["rating"]) != s.mean || num(m["reviewCount"]) != s.count || num(m["myRating"]) != s.wantMyRating {
			t.Errorf("after %d stars: %v", s.stars, m)
		}
	}
	detail := a.get("/api/recipes/53050", first.Token, http.StatusOK).JSON(t)
	if num(detail["rating"]) != 3.5 || num(detail["reviewCount"]) != 2 {
		t.Errorf("detail shows rating %v of %v", detail["rating"], detail["reviewCount"])
	}
	for _, bad := range []any{0, 6, -1, 4.5, "four", nil} {
		wantDetail(t, rate(first, bad), "stars")
	}
	wantError(t, a.do("PUT", "/api/recipes/424242/rating", first.Token, map[string]int{"stars": 3}), http.StatusNotFound, "recipe not found")
}

func TestExportCarriesFavoritesAndRatings(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	u := a.register("cook@example.com")
	wantStatus(t, a.do("POST", "/api/recipes/52772/favorite", u.Token, nil), http.StatusOK)
	wantStatus(t, a.do("PUT", "/api/recipes/53050/rating", u.Token, map[string]int{"stars": 5}), http.StatusOK)
	m := a.get("/api/v1/users/me/export", u.Token, http.StatusOK).JSON(t)
	favs, ratings := m["favorites"].([]any), m["ratings"].([]any)
	if len(favs) != 1 || favs[0].(map[string]any)["recipeId"] != "52772" {
		t.Errorf("favorites = %v", favs)
	}
	if len(ratings) != 1 || num(ratings[0].(map[string]any)["stars"]) != 5 {
		t.Errorf("ratings = %v", ratings)
	}
}
