package http

import (
	"net/http"

	"github.com/mealplanner/backend/app"
)

type favoriteJSON struct {
	RecipeID  string `json:"recipeId"`
	Favorited bool   `json:"favorited"`
}

type ratingJSON struct {
	RecipeID    string  `json:"recipeId"`
	Rating      float64 `json:"rating"`
	ReviewCount int     `json:"reviewCount"`
	MyRating    int     `json:"myRating"`
}

func handleFavoriteAdd(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := cat.AddFavorite(r.Context(), principalFrom(r.Context()), id); err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, favoriteJSON{RecipeID: recipeIDString(id), Favorited: true})
	}
}

func handleFavoriteRemove(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := cat.RemoveFavorite(r.Context(), principalFrom(r.Context()), id); err != nil {
			writeError(w, r, err)
			return
		}
		respondNoContent(w)
	}
}

// handleFavoritesList serves both /recipes/favorites (the caller's) and
// /users/{userId}/favorites; pathUser tells them apart.
func handleFavoritesList(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		page, err := pageInput(r, defaultListLimit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		favs, err := cat.FavoriteRecipes(r.Context(), principalFrom(r.Context()), pathUser(r), page)
		if err != nil {
			writeError(w, r, err)
			return
		}
		setTotalCount(w, favs.Total)
		respond(w, r, http.StatusOK, toRecipePageJSON(favs))
	}
}

func handleRecipeRate(cat *app.Catalogue) http.HandlerFunc {
	type request struct {
		Stars int `json:"stars"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		res, err := cat.Rate(r.Context(), principalFrom(r.Context()), id, in.Stars)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, ratingJSON{RecipeID: recipeIDString(res.RecipeID), Rating: oneDecimal(res.Rating),
			ReviewCount: res.ReviewCount, MyRating: res.MyRating})
	}
}
