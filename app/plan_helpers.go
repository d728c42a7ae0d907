package app

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// loadPlan returns one of the user's plans; another user's is missing.
func (p *Planner) loadPlan(ctx context.Context, userID, id string) (*planning.Plan, error) {
	plan, err := p.Plans.Get(ctx, userID, id)
	if err != nil {
		return nil, notFoundAs(err, errNoMealPlan)
	}
	return plan, nil
}

// weekPlanOrNew returns the user's plan of the week starting weekStart, or a
// new, unsaved one with a fresh id when the week has none.
func (p *Planner) weekPlanOrNew(ctx context.Context, userID string, weekStart planning.Date) (*planning.Plan, error) {
	plan, err := p.Plans.ForWeek(ctx, userID, weekStart)
	if domain.IsCode(err, domain.CodeNotFound) {
		return planning.NewPlan(p.IDs.NewID(), userID, weekStart, p.Clock.Now()), nil
	}
	return plan, err
}

// defaultServings is the servings of a slot planned without any: the user's
// household size.
func (p *Planner) defaultServings(ctx context.Context, userID string) (int, error) {
	u, err := p.Users.Get(ctx, userID)
	if domain.IsCode(err, domain.CodeNotFound) {
		return planning.DefaultServings(0), nil
	}
	if err != nil {
		return 0, err
	}
	return planning.DefaultServings(u.Preferences.HouseholdSize), nil
}

// withRecipe copies onto s the few recipe fields a plan shows, so that the
// calendar needs no catalogue read and survives the recipe's deletion.
func withRecipe(s planning.Slot, r *recipe.Recipe) planning.Slot {
	s.RecipeID, s.RecipeName, s.Category = r.ID, r.Name, r.Category
	s.Thumbnail = cmp.Or(r.Images.Thumbnail, r.Images.Medium, r.Images.Original)
	return s
}

// parseDateField reads a required date input named field into fe.
func parseDateField(fe *domain.FieldErrors, field, s string) planning.Date {
	if strings.TrimSpace(s) == "" {
		fe.Add(field, field+" is required")
		return planning.Date{}
	}
	d, err := planning.ParseDate(s)
	if err != nil {
		fe.Add(field, "invalid date: must be YYYY-MM-DD")
	}
	return d
}

// parseMealField reads a required meal type input named field into fe.
func parseMealField(fe *domain.FieldErrors, field, s string) planning.MealType {
	if strings.TrimSpace(s) == "" {
		fe.Add(field, field+" is required")
		return ""
	}
	m, err := planning.ParseMealType(s)
	if err != nil {
		fe.Add(field, "invalid meal type: must be one of breakfast, lunch, dinner, snacks")
	}
	return m
}

// parseMealPlace reads the date and meal type of one slot.
func parseMealPlace(date, meal string) (planning.Date, planning.MealType, error) {
	var fe domain.FieldErrors
	d := parseDateField(&fe, "date", date)
	m := parseMealField(&fe, "mealType", meal)
	return d, m, fe.Err()
}

// sameDays reports whether two plans' slots are identical.
func sameDays(a, b planning.Days) bool {
	return maps.EqualFunc(a, b, func(x, y map[planning.MealType]planning.Slot) bool { return maps.Equal(x, y) })
}

// joinInvalid merges validation errors into one whose details name every
// field, so a client learns all its mistakes at once. Nil errors are
// skipped, a single error is returned as it is, and an error that is not a
// validation error wins.
func joinInvalid(errs ...error) error {
	errs = slices.DeleteFunc(errs, func(err error) bool { return err == nil })
	switch len(errs) {
	case 0:
		return nil
	case 1:
		return errs[0]
	}
	var fe domain.FieldErrors
	for _, err := range errs {
		var de *domain.Error
		if !errors.As(err, &de) || de.Code != domain.CodeValidation {
			return err
		}
		if len(de.Details) == 0 {
			fe.Add("body", de.Message)
		}
		for _, k := range slices.Sorted(maps.Keys(de.Details)) {
			msg, _ := de.Details[k].(string)
			fe.Add(k, cmp.Or(msg, de.Message))
		}
	}
	return fe.Err()
}

// recipeIDText is a recipe id as activities and the contract write it.
func recipeIDText(id int64) string { return strconv.FormatInt(id, 10) }
