package http

import (
	"net/http"
	"strconv"
	"time"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/ports"
)

// pathUser is the {userId} of a route, or "me" on the /auth routes that act on the caller.
func pathUser(r *http.Request) string {
	if id, ok := mux.Vars(r)["userId"]; ok {
		return id
	}
	return app.Me
}

func handleUserGet(accounts *app.Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := accounts.GetUser(r.Context(), principalFrom(r.Context()), pathUser(r))
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, userResponse{User: toUserJSON(u)})
	}
}

func handleProfileUpdate(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Name  *string `json:"name"`
		Email *string `json:"email"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		u, err := accounts.UpdateProfile(r.Context(), principalFrom(r.Context()),
			app.ProfileChange{UserID: pathUser(r), Name: in.Name, Email: in.Email})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, userResponse{User: toUserJSON(u)})
	}
}

func handlePreferencesUpdate(accounts *app.Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[preferencesPatchJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		u, err := accounts.UpdatePreferences(r.Context(), principalFrom(r.Context()), pathUser(r), in.toDomain())
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, userResponse{User: toUserJSON(u)})
	}
}

func handlePasswordChange(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		CurrentPassword string `json:"currentPassword"`
		NewPassword     string `json:"newPassword"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		err = accounts.ChangePassword(r.Context(), principalFrom(r.Context()),
			app.PasswordChange{UserID: pathUser(r), CurrentPassword: in.CurrentPassword, NewPassword: in.NewPassword})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, messageResponse{Message: "password updated successfully"})
	}
}

type exportedFavoriteJSON struct {
	RecipeID string    `json:"recipeId"`
	AddedAt  time.Time `json:"addedAt"`
}

type exportedRatingJSON struct {
	RecipeID string    `json:"recipeId"`
	Stars    int       `json:"stars"`
	RatedAt  time.Time `json:"ratedAt"`
}

type exportJSON struct {
	ExportDate    time.Time              `json:"exportDate"`
	User          userJSON               `json:"user"`
	Favorites     []exportedFavoriteJSON `json:"favorites"`
	Ratings       []exportedRatingJSON   `json:"ratings"`
	MealPlans     []planJSON             `json:"mealPlans"`
	ShoppingLists []shoppingListJSON     `json:"shoppingLists"`
	Activities    []activityJSON         `json:"activities"`
}

func handleUserExport(accounts *app.Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ex, err := accounts.ExportData(r.Context(), principalFrom(r.Context()), pathUser(r))
		if err != nil {
			writeError(w, r, err)
			return
		}
		name := "meal-planner-export-" + ex.ExportDate.Format("2006-01-02") + ".json"
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		respond(w, r, http.StatusOK, exportJSON{ExportDate: ex.ExportDate, User: toUserJSON(ex.User),
			Favorites: toFavoritesJSON(ex.Favorites), Ratings: toRatingsJSON(ex.Ratings), MealPlans: exportedPlans(ex),
			ShoppingLists: exportedLists(ex), Activities: toActivitiesJSON(ex.Activities)})
	}
}

func toFavoritesJSON(list []ports.Favorite) []exportedFavoriteJSON {
	out := make([]exportedFavoriteJSON, 0, len(list))
	for _, f := range list {
		out = append(out, exportedFavoriteJSON{RecipeID: strconv.FormatInt(f.RecipeID, 10), AddedAt: f.At.UTC()})
	}
	return out
}

func toRatingsJSON(list []ports.Rating) []exportedRatingJSON {
	out := make([]exportedRatingJSON, 0, len(list))
	for _, r := range list {
		out = append(out, exportedRatingJSON{RecipeID: strconv.FormatInt(r.RecipeID, 10), Stars: r.Stars, RatedAt: r.At.UTC()})
	}
	return out
}

func handleUserDelete(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Password string `json:"password"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := accounts.Erase(r.Context(), principalFrom(r.Context()), pathUser(r), in.Password); err != nil {
			writeError(w, r, err)
			return
		}
		respondNoContent(w)
	}
}

func handleActivitiesList(accounts *app.Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var errs domain.FieldErrors
		limit := boundedInt(r.URL.Query(), "limit", activity.DefaultListLimit, 1, activity.MaxListLimit, &errs)
		if err := errs.Err(); err != nil {
			writeError(w, r, err)
			return
		}
		list, err := accounts.ListActivities(r.Context(), principalFrom(r.Context()), pathUser(r), limit)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, toActivitiesJSON(list))
	}
}

func handleActivityCreate(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Action    string            `json:"action"`
		Details   string            `json:"details"`
		RelatedID string            `json:"relatedId"`
		Metadata  map[string]string `json:"metadata"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		act, err := accounts.RecordActivity(r.Context(), principalFrom(r.Context()), app.NewActivity{
			UserID: pathUser(r), Action: in.Action, Details: in.Details, RelatedID: in.RelatedID, Metadata: in.Metadata})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusCreated, toActivityJSON(act))
	}
}

func exportedPlans(ex app.Export) []planJSON {
	out := make([]planJSON, 0, len(ex.MealPlans))
	for _, p := range ex.MealPlans {
		out = append(out, newPlanJSON(p))
	}
	return out
}

func exportedLists(ex app.Export) []shoppingListJSON {
	out := make([]shoppingListJSON, 0, len(ex.ShoppingLists))
	for _, l := range ex.ShoppingLists {
		out = append(out, newShoppingListJSON(l))
	}
	return out
}
