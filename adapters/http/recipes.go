package http

import (
	"net/http"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
)

type similarJSON struct {
	Recipes []recipeSummaryJSON `json:"recipes"`
}

func handleRecipeSearch(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := searchInput(r.URL.Query())
		if err != nil {
			writeError(w, r, err)
			return
		}
		page, err := cat.Search(r.Context(), principalFrom(r.Context()), in)
		if err != nil {
			writeError(w, r, err)
			return
		}
		setTotalCount(w, page.Total)
		respond(w, r, http.StatusOK, toRecipePageJSON(page))
	}
}

func handleRecipeCategories(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		list, err := cat.Categories(r.Context())
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, toCategoriesJSON(list))
	}
}

func handleRecipeCuisines(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		list, err := cat.Cuisines(r.Context())
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, nonNil(list))
	}
}

func handleRecipeGet(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		rec, err := cat.Recipe(r.Context(), principalFrom(r.Context()), id)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, toRecipeJSON(rec))
	}
}

func handleRecipeSimilar(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		var errs domain.FieldErrors
		limit := boundedInt(r.URL.Query(), "limit", defaultSimilarLimit, 1, maxSimilarLimit, &errs)
		if err := errs.Err(); err != nil {
			writeError(w, r, err)
			return
		}
		list, err := cat.Similar(r.Context(), id, limit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, similarJSON{Recipes: toSummariesJSON(list)})
	}
}
