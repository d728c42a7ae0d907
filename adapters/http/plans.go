package http

import (
	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
)

// mountPlans adds the meal plans of CONTRACT §5.
func mountPlans(user *mux.Router, planner *app.Planner) {}
