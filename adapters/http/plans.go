package http

import (
	"net/http"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// mountPlans adds the meal plans of CONTRACT §5. /meal-plans/meals comes
// before /meal-plans/{id}, which would otherwise take it.
func mountPlans(user *mux.Router, planner *app.Planner) {
	user.Handle("/meal-plans", handlePlansGet(planner)).Methods(http.MethodGet)
	user.Handle("/meal-plans", handlePlanCreate(planner)).Methods(http.MethodPost)
	user.Handle("/meal-plans/meals", handlePlanAddMeal(planner)).Methods(http.MethodPost)
	user.Handle("/meal-plans/{id}", handlePlanGet(planner)).Methods(http.MethodGet)
	user.Handle("/meal-plans/{id}", handlePlanUpdate(planner, false)).Methods(http.MethodPut)
	user.Handle("/meal-plans/{id}", handlePlanUpdate(planner, true)).Methods(http.MethodPatch)
	user.Handle("/meal-plans/{id}", handlePlanDelete(planner)).Methods(http.MethodDelete)
	user.Handle("/meal-plans/{id}/meals", handlePlanAddMeal(planner)).Methods(http.MethodPost)
	user.Handle("/meal-plans/{id}/meals", handlePlanRemoveMeal(planner)).Methods(http.MethodDelete)
	user.Handle("/meal-plans/{id}/copy-day", handlePlanCopyDay(planner)).Methods(http.MethodPost)
	user.Handle("/meal-plans/{id}/clear", handlePlanClear(planner)).Methods(http.MethodPost)
	user.Handle("/meal-plans/{id}/copy-week", handlePlanCopyWeek(planner)).Methods(http.MethodPost)
	user.Handle("/users/{userId}/meal-plans", handlePlanList(planner)).Methods(http.MethodGet)
}

// pathPlanID is the {id} of a plan route, "" on /meal-plans/meals.
func pathPlanID(r *http.Request) string { return mux.Vars(r)["id"] }

// respondPlan answers with the plan, or with the error that stopped it.
func respondPlan(w http.ResponseWriter, r *http.Request, status int, plan *planning.Plan, err error) {
	if err != nil {
		writeError(w, r, err)
		return
	}
	respond(w, r, status, newPlanJSON(plan))
}

// handlePlansGet serves both forms of GET /meal-plans: one week's plan when
// weekStart is given, else the list.
func handlePlansGet(planner *app.Planner) http.HandlerFunc {
	week, list := handlePlanWeek(planner), handlePlanList(planner)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Has("weekStart") {
			week(w, r)
			return
		}
		list(w, r)
	}
}

func handlePlanWeek(planner *app.Planner) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		plan, err := planner.WeekPlan(r.Context(), principalFrom(r.Context()), r.URL.Query().Get("weekStart"))
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

// handlePlanList serves GET /meal-plans (the caller's) and
// GET /users/{userId}/meal-plans; pathUser tells them apart.
func handlePlanList(planner *app.Planner) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		var errs domain.FieldErrors
		page := pageQuery(q, defaultListLimit, &errs)
		if err := errs.Err(); err != nil {
			writeError(w, r, err)
			return
		}
		plans, err := planner.ListPlans(r.Context(), principalFrom(r.Context()),
			app.ListPlansInput{UserID: pathUser(r), From: q.Get("from"), To: q.Get("to"), Page: page})
		if err != nil {
			writeError(w, r, err)
			return
		}
		setTotalCount(w, plans.Total)
		respond(w, r, http.StatusOK, newPlanPageJSON(plans))
	}
}

func handlePlanCreate(planner *app.Planner) http.HandlerFunc {
	type request struct {
		WeekStart string       `json:"weekStart"`
		Days      planDaysJSON `json:"days"`
		Notes     string       `json:"notes"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		plan, err := planner.CreatePlan(r.Context(), principalFrom(r.Context()),
			app.CreatePlanInput{WeekStart: in.WeekStart, Days: in.Days.toInput(), Notes: in.Notes})
		respondPlan(w, r, http.StatusCreated, plan, err)
	}
}

func handlePlanGet(planner *app.Planner) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		plan, err := planner.Plan(r.Context(), principalFrom(r.Context()), pathPlanID(r))
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

// handlePlanUpdate serves PUT (merge false: the given days replace the
// plan's) and PATCH (merge true: the given slots are written over it).
func handlePlanUpdate(planner *app.Planner, merge bool) http.HandlerFunc {
	type request struct {
		Days  planDaysJSON `json:"days"`
		Notes *string      `json:"notes"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		plan, err := planner.UpdatePlan(r.Context(), principalFrom(r.Context()),
			app.UpdatePlanInput{ID: pathPlanID(r), Days: in.Days.toInput(), Notes: in.Notes, Merge: merge})
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

func handlePlanDelete(planner *app.Planner) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := planner.DeletePlan(r.Context(), principalFrom(r.Context()), pathPlanID(r)); err != nil {
			writeError(w, r, err)
			return
		}
		respondNoContent(w)
	}
}

// handlePlanAddMeal serves POST /meal-plans/{id}/meals and, without an id,
// POST /meal-plans/meals, which plans into the date's week.
func handlePlanAddMeal(planner *app.Planner) http.HandlerFunc {
	type request struct {
		Date     string       `json:"date"`
		MealType string       `json:"mealType"`
		RecipeID planRecipeID `json:"recipeId"`
		Servings *int         `json:"servings"`
		Note     string       `json:"note"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		plan, err := planner.AddMeal(r.Context(), principalFrom(r.Context()), app.AddMealInput{PlanID: pathPlanID(r),
			Date: in.Date, MealType: in.MealType, RecipeID: int64(in.RecipeID), Servings: in.Servings, Note: in.Note})
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

func handlePlanRemoveMeal(planner *app.Planner) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		plan, err := planner.RemoveMeal(r.Context(), principalFrom(r.Context()),
			app.RemoveMealInput{PlanID: pathPlanID(r), Date: q.Get("date"), MealType: q.Get("mealType")})
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

func handlePlanCopyDay(planner *app.Planner) http.HandlerFunc {
	type request struct {
		SourceDate      string   `json:"sourceDate"`
		TargetDates     []string `json:"targetDates"`
		ReplaceExisting bool     `json:"replaceExisting"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		plan, err := planner.CopyDay(r.Context(), principalFrom(r.Context()), app.CopyDayInput{PlanID: pathPlanID(r),
			SourceDate: in.SourceDate, TargetDates: in.TargetDates, ReplaceExisting: in.ReplaceExisting})
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

func handlePlanClear(planner *app.Planner) http.HandlerFunc {
	type request struct {
		Dates     []string `json:"dates"`
		MealTypes []string `json:"mealTypes"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		plan, err := planner.ClearPlan(r.Context(), principalFrom(r.Context()),
			app.ClearPlanInput{PlanID: pathPlanID(r), Dates: in.Dates, MealTypes: in.MealTypes})
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}

func handlePlanCopyWeek(planner *app.Planner) http.HandlerFunc {
	type request struct {
		TargetWeekStart string `json:"targetWeekStart"`
		ReplaceExisting bool   `json:"replaceExisting"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		plan, err := planner.CopyWeek(r.Context(), principalFrom(r.Context()),
			app.CopyWeekInput{PlanID: pathPlanID(r), TargetWeekStart: in.TargetWeekStart, ReplaceExisting: in.ReplaceExisting})
		respondPlan(w, r, http.StatusOK, plan, err)
	}
}
