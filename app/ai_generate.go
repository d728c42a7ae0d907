package app

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

// Bounds on a plan generation request, tighter than the generator's own: a
// generated week is for a household, at realistic daily energy, and nobody
// asks for a ten-hour breakfast.
const (
	MaxGeneratedServings = 20
	MinTargetCalories    = 800.0
	MaxTargetCalories    = 6000.0
	MaxTargetGrams       = generator.MaxGrams
	MaxGeneratedPrepTime = 600
)

// NoteBudgetIgnored is the report note of a request that names a budget:
// the catalogue stores no ingredient prices, so there is nothing to hold a
// plan's cost against, and pretending otherwise would mislead.
const NoteBudgetIgnored = "budget is not applied: the catalogue has no prices"

// errNoPlanCandidates is generator.ErrNoCandidates with the details every
// validation error carries, naming what the client can relax.
var errNoPlanCandidates = domain.Invalid(generator.ErrNoCandidates.Message, map[string]string{
	"constraints": "no recipe fits the dietary preferences, allergies, dislikes and preparation time limits in force"})

// GeneratePlanQuery asks for a week's plan generated to nutrition targets.
type GeneratePlanQuery struct {
	// WeekStart is any date of the week (YYYY-MM-DD).
	WeekStart string
	// MealTypes are the slots to fill each day; none means every meal type.
	MealTypes []string
	// Servings per new slot; nil means the user's household size.
	Servings *int
	// Targets per person per day; nil means the user's nutrition targets,
	// else the generator's defaults. A zero field takes the default.
	Targets *PlanTargets
	// MaxPrepTime limits preparation minutes by meal type; nil means the
	// user's stored limit for every meal type, if any.
	MaxPrepTime map[string]int
	// KeepExisting keeps the week's planned slots; nil means true.
	KeepExisting *bool
	// Budget is accepted and checked but not applied (see NoteBudgetIgnored).
	Budget *float64
	// Seed makes the plan reproducible; nil means one derived from the
	// user and the week, so asking twice gives the same week.
	Seed *uint64
}

// PlanTargets are daily goals: energy in kcal, macronutrients in grams.
type PlanTargets struct {
	Calories, Protein, Carbohydrate, Fat float64
}

// GeneratedPlan is the saved plan and the generator's report on it.
// Result.Plan is the plan as stored.
type GeneratedPlan struct {
	generator.Result
	// Notes tell the client what of its request was not applied.
	Notes []string
}

// GeneratePlan fills the caller's week with recipes that come close to
// their nutrition targets and never break their dietary preferences,
// allergies or dislikes, then saves the week: a new plan when it has none,
// else the stored one updated in place. Errors: VALIDATION_ERROR for a bad
// request or when no recipe fits the constraints at all
// (generator.ErrNoCandidates); CONFLICT when the plan keeps changing under
// the request.
func (a *AI) GeneratePlan(ctx context.Context, p Principal, q GeneratePlanQuery) (GeneratedPlan, error) {
	req, err := parseGeneratePlan(q)
	if err != nil {
		return GeneratedPlan{}, err
	}
	u, err := a.Users.Get(ctx, p.UserID)
	if err != nil {
		return GeneratedPlan{}, err
	}
	req = withUserDefaults(req, q, u, p.UserID)
	req.Now = a.Clock.Now()
	snap, err := a.Catalogue.Snapshot(ctx)
	if err != nil {
		return GeneratedPlan{}, err
	}
	var res generator.Result
	err = retryStale(ctx, func() error {
		var err error
		res, err = a.generateAndSave(ctx, p.UserID, snap, req)
		return err
	})
	if err != nil {
		return GeneratedPlan{}, err
	}
	out := GeneratedPlan{Result: res, Notes: []string{}}
	if q.Budget != nil {
		out.Notes = append(out.Notes, NoteBudgetIgnored)
	}
	return out, nil
}

// generateAndSave is one load-generate-save attempt: it reads the week's
// current plan, so that a retry after a CONFLICT builds on the winner's work.
func (a *AI) generateAndSave(ctx context.Context, userID string, snap *Snapshot, req generator.Request) (generator.Result, error) {
	existing, err := a.Plans.ForWeek(ctx, userID, req.WeekStart)
	switch {
	case domain.IsCode(err, domain.CodeNotFound):
		existing = nil
	case err != nil:
		return generator.Result{}, err
	}
	req.Existing = existing
	res, err := generator.Generate(snap.Recipes, req)
	if errors.Is(err, generator.ErrNoCandidates) {
		return generator.Result{}, errNoPlanCandidates
	}
	if err != nil {
		return generator.Result{}, err
	}
	if res.Plan.ID == "" {
		res.Plan.ID, res.Plan.UserID = a.IDs.NewID(), userID
	}
	if err := showRecipes(res, snap, req); err != nil {
		return generator.Result{}, err
	}
	return res, a.Plans.Save(ctx, res.Plan)
}

// showRecipes gives each new pick the same copy of its recipe's name,
// category and thumbnail as a meal planned by hand.
func showRecipes(res generator.Result, snap *Snapshot, req generator.Request) error {
	for _, e := range res.Explanations {
		r, live := snap.Recipe(e.RecipeID)
		slot, planned := res.Plan.Get(e.Date, e.MealType)
		if !live || !planned {
			continue
		}
		if err := res.Plan.Set(e.Date, e.MealType, withRecipe(slot, r), req.Now); err != nil {
			return err
		}
	}
	return nil
}

// parseGeneratePlan validates the query's own fields, every problem at once.
func parseGeneratePlan(q GeneratePlanQuery) (generator.Request, error) {
	var fe domain.FieldErrors
	req := generator.Request{WeekStart: parseDateField(&fe, "weekStart", q.WeekStart).WeekStart(),
		KeepExisting: q.KeepExisting == nil || *q.KeepExisting}
	for i, s := range q.MealTypes {
		m := parseMealField(&fe, fmt.Sprintf("mealTypes[%d]", i), s)
		if m != "" && !slices.Contains(req.MealTypes, m) {
			req.MealTypes = append(req.MealTypes, m)
		}
	}
	if q.Servings != nil {
		if *q.Servings < planning.MinServings || *q.Servings > MaxGeneratedServings {
			fe.Add("servings", fmt.Sprintf("servings must be between %d and %d", planning.MinServings, MaxGeneratedServings))
		}
		req.Servings = *q.Servings
	}
	if q.Targets != nil {
		req.Targets = checkPlanTargets(&fe, *q.Targets)
	}
	req.MaxPrepTime = checkPrepLimits(&fe, q.MaxPrepTime)
	if q.Budget != nil && *q.Budget < 0 {
		fe.Add("budget", "budget must not be negative")
	}
	return req, fe.Err()
}

func checkPlanTargets(fe *domain.FieldErrors, t PlanTargets) generator.Targets {
	if t.Calories != 0 && (t.Calories < MinTargetCalories || t.Calories > MaxTargetCalories) {
		fe.Add("targets.calories", fmt.Sprintf("calories must be between %.0f and %.0f", MinTargetCalories, MaxTargetCalories))
	}
	for _, g := range []struct {
		name  string
		grams float64
	}{{"protein", t.Protein}, {"carbohydrate", t.Carbohydrate}, {"fat", t.Fat}} {
		if g.grams < 0 || g.grams > MaxTargetGrams {
			fe.Add("targets."+g.name, fmt.Sprintf("%s must be between 0 and %.0f g", g.name, MaxTargetGrams))
		}
	}
	return generator.Targets(t)
}

// checkPrepLimits reads the per-meal-type limits; nil stays nil, so that
// the user's stored limit can apply.
func checkPrepLimits(fe *domain.FieldErrors, limits map[string]int) map[planning.MealType]int {
	if limits == nil {
		return nil
	}
	out := make(map[planning.MealType]int, len(limits))
	// Sorted, so that the headline of several problems does not vary.
	for _, key := range slices.Sorted(maps.Keys(limits)) {
		m, err := planning.ParseMealType(key)
		if err != nil {
			fe.Add("maxPrepTime", "keys must be breakfast, lunch, dinner or snacks")
			continue
		}
		if v := limits[key]; v < 1 || v > MaxGeneratedPrepTime {
			fe.Add("maxPrepTime."+string(m), fmt.Sprintf("must be between 1 and %d minutes", MaxGeneratedPrepTime))
		}
		out[m] = limits[key]
	}
	return out
}

// withUserDefaults adds the user's hard constraints and fills what the
// query left out from their preferences.
func withUserDefaults(req generator.Request, q GeneratePlanQuery, u *user.User, userID string) generator.Request {
	prefs := u.Preferences
	req.Restrictions = recommend.RestrictionsOf(prefs)
	if q.Servings == nil {
		req.Servings = planning.DefaultServings(prefs.HouseholdSize)
	}
	if t := prefs.NutritionTargets; q.Targets == nil && t != nil {
		req.Targets = generator.Targets{Calories: t.Calories, Protein: t.Protein, Carbohydrate: t.Carbohydrate, Fat: t.Fat}
	}
	if req.MaxPrepTime == nil && prefs.MaxPrepTime != nil && *prefs.MaxPrepTime > 0 {
		req.MaxPrepTime = map[planning.MealType]int{}
		for _, m := range planning.MealTypes() {
			req.MaxPrepTime[m] = *prefs.MaxPrepTime
		}
	}
	if q.Seed != nil {
		req.Seed = *q.Seed
	} else {
		req.Seed = weekSeed(userID, req.WeekStart)
	}
	return req
}

// weekSeed derives a seed from the user and the week, so that generating a
// week twice gives the same plan while different users and weeks differ.
func weekSeed(userID string, week planning.Date) uint64 {
	h := fnv.New64a()
	_, _ = h.Write([]byte(strings.Join([]string{userID, week.String()}, "|")))
	return h.Sum64()
}
