package http

import (
	"net/http"

	"github.com/mealplanner/backend/app"
)

// sourceHeader tells the client which recommender answered.
const sourceHeader = "X-Recommendation-Source"

// suggestionRequestJSON is the body of POST /ai/suggestions; every field is
// optional. Recipe ids may come as strings or numbers; anything else reads
// as 0, which the use case refuses under excludeRecipeIds.
type suggestionRequestJSON struct {
	MealPlanID       string         `json:"mealPlanId"`
	WeekStart        string         `json:"weekStart"`
	Date             string         `json:"date"`
	MealType         string         `json:"mealType"`
	Count            *int           `json:"count"`
	ExcludeRecipeIDs []planRecipeID `json:"excludeRecipeIds"`
}

type suggestionJSON struct {
	Recipe  recipeSummaryJSON `json:"recipe"`
	Score   int               `json:"score"`
	Reason  string            `json:"reason"`
	Factors []factorJSON      `json:"factors"`
}

type factorJSON struct {
	Name        string `json:"name"`
	Points      int    `json:"points"`
	Description string `json:"description"`
}

func handleSuggestions(svc *app.AI) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[suggestionRequestJSON](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		s, err := svc.Suggestions(r.Context(), principalFrom(r.Context()), in.toQuery())
		if err != nil {
			writeError(w, r, err)
			return
		}
		w.Header().Set(sourceHeader, s.Source)
		respond(w, r, http.StatusOK, toSuggestionsJSON(s))
	}
}

func (in suggestionRequestJSON) toQuery() app.SuggestionQuery {
	q := app.SuggestionQuery{MealPlanID: in.MealPlanID, WeekStart: in.WeekStart, Date: in.Date,
		MealType: in.MealType, Count: in.Count}
	if in.ExcludeRecipeIDs != nil {
		q.ExcludeRecipeIDs = make([]int64, len(in.ExcludeRecipeIDs))
		for i, id := range in.ExcludeRecipeIDs {
			q.ExcludeRecipeIDs[i] = int64(id)
		}
	}
	return q
}

// toSuggestionsJSON is never null: no suggestion is [].
func toSuggestionsJSON(s app.Suggestions) []suggestionJSON {
	out := make([]suggestionJSON, 0, len(s.Items))
	for _, it := range s.Items {
		f := make([]factorJSON, len(it.Factors))
		for i, x := range it.Factors {
			f[i] = factorJSON(x)
		}
		out = append(out, suggestionJSON{Recipe: toSummaryJSON(it.Recipe.Summarise()), Score: it.Score,
			Reason: it.Reason, Factors: f})
	}
	return out
}
