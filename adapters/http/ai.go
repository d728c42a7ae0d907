package http

import (
	"net/http"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
)

// mountAI adds CONTRACT §7 on a router that also applies the AI rate limit.
func mountAI(ai *mux.Router, svc *app.AI) {
	ai.Handle("/ai/suggestions", handleSuggestions(svc)).Methods(http.MethodPost)
	ai.Handle("/ai/nutrition-balance", handleNutritionBalance(svc)).Methods(http.MethodPost)
	ai.Handle("/ai/nutrition-analysis", handleNutritionBalance(svc)).Methods(http.MethodPost)
	ai.Handle("/ai/substitutions", handleSubstitutions(svc)).Methods(http.MethodPost)
	ai.Handle("/ai/generate-plan", handleGeneratePlan(svc)).Methods(http.MethodPost)
}
