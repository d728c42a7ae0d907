package app

import (
	"context"
	"fmt"
	"strings"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

// GenerateListInput asks for the shopping list of one of the caller's plans,
// named by MealPlanID or by any date of its week (WeekStart, YYYY-MM-DD); the
// plan id wins when both are given. Mode is "replace" (default) or "merge";
// a non-blank Name renames the list.
type GenerateListInput struct {
	MealPlanID string
	WeekStart  string
	Mode       string
	Name       string
}

var (
	errShoppingPlanEmpty = domain.Invalid("the meal plan has no meals",
		map[string]string{"mealPlanId": "the meal plan has no meals"})
)

// GenerateList makes the caller's shopping list from a plan: every slot's
// recipe scaled to the slot's servings, consolidated in the caller's unit
// system (CONTRACT §6). When a list was generated from the plan before, that
// list is regenerated in the mode asked for, so generating twice never
// duplicates an item; otherwise a new list is made. A recipe deleted since it
// was planned is left out (and logged). Errors: NOT_FOUND "meal plan not
// found"; VALIDATION_ERROR for a plan without meals or bad input.
func (s *Shopping) GenerateList(ctx context.Context, p Principal, in GenerateListInput) (*shopping.List, error) {
	mode, err := shopping.ParseMode(in.Mode)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(in.Name) != "" {
		if err := shopping.ValidateName(in.Name); err != nil {
			return nil, err
		}
	}
	plan, err := s.planToShop(ctx, p.UserID, in)
	if err != nil {
		return nil, err
	}
	items, err := s.consolidate(ctx, p.UserID, plan)
	if err != nil {
		return nil, err
	}
	l, err := s.saveGenerated(ctx, p.UserID, plan, items, mode, in.Name)
	if err != nil {
		return nil, err
	}
	s.log.record(p.UserID, activity.GenerateShoppingList,
		fmt.Sprintf("Generated a shopping list with %d items", len(l.Items)), l.ID,
		map[string]string{"mealPlanId": plan.ID, "mode": mode.String()})
	s.events.send(ctx, p, ports.EventShoppingListGenerated, 0, map[string]string{"mealPlanId": plan.ID})
	return l, nil
}

// planToShop finds the plan the input names; it must have meals.
func (s *Shopping) planToShop(ctx context.Context, userID string, in GenerateListInput) (*planning.Plan, error) {
	plan, _, err := findPlan(ctx, s.Plans, userID, WeekRef{MealPlanID: in.MealPlanID, WeekStart: in.WeekStart})
	if err != nil {
		return nil, err
	}
	if plan.IsEmpty() {
		return nil, errShoppingPlanEmpty
	}
	return plan, nil
}

// consolidate turns the plan's slots into list items in the user's units.
func (s *Shopping) consolidate(ctx context.Context, userID string, plan *planning.Plan) ([]shopping.Item, error) {
	u, err := s.Users.Get(ctx, userID)
	if err != nil {
		return nil, notFoundAs(err, errUserNotFound)
	}
	system := measure.Metric
	if u.Preferences.UnitSystem == "us" {
		system = measure.US
	}
	planned, err := s.plannedForList(ctx, plan)
	if err != nil {
		return nil, err
	}
	return shopping.Consolidate(planned, s.foods, system), nil
}

// plannedForList reads the live recipe of every slot, in plan order.
func (s *Shopping) plannedForList(ctx context.Context, plan *planning.Plan) ([]shopping.PlannedRecipe, error) {
	recipes, err := planRecipes(ctx, s.Recipes, plan)
	if err != nil {
		return nil, err
	}
	var planned []shopping.PlannedRecipe
	for _, day := range plan.DaysInOrder() {
		for _, m := range day.Meals {
			r, ok := recipes[m.Slot.RecipeID]
			if !ok {
				s.Logger.Warn("planned recipe no longer exists; left off the shopping list",
					"plan_id", plan.ID, "recipe_id", m.Slot.RecipeID, "date", day.Date.String())
				continue
			}
			planned = append(planned, plannedRecipe(r, m.Slot))
		}
	}
	return planned, nil
}

// plannedRecipe is a recipe as cooked in a slot.
func plannedRecipe(r *recipe.Recipe, slot planning.Slot) shopping.PlannedRecipe {
	pr := shopping.PlannedRecipe{RecipeID: r.ID, RecipeName: r.Name, Servings: slot.Servings,
		RecipeServings: r.Servings, Ingredients: make([]shopping.Line, len(r.Ingredients))}
	for i, ing := range r.Ingredients {
		pr.Ingredients[i] = shopping.Line{Name: ing.Name, Measure: ing.Measure}
	}
	return pr
}

// saveGenerated regenerates the plan's newest list, or starts one, and saves
// it; a save lost to a concurrent writer is redone on the fresh list.
func (s *Shopping) saveGenerated(ctx context.Context, userID string, plan *planning.Plan, items []shopping.Item,
	mode shopping.Mode, name string) (*shopping.List, error) {
	for attempt := 1; ; attempt++ {
		now := s.Clock.Now()
		l, err := s.Lists.ForPlan(ctx, userID, plan.ID)
		switch {
		case domain.IsCode(err, domain.CodeNotFound):
			if l, err = shopping.NewList(s.IDs.NewID(), userID, plan.WeekStart, name, now); err != nil {
				return nil, err
			}
			l.MealPlanID = plan.ID
		case err != nil:
			return nil, err
		case strings.TrimSpace(name) != "":
			if err := l.Rename(name, now); err != nil {
				return nil, err
			}
		}
		l.Regenerate(items, mode, s.IDs.NewID, now)
		err = s.Lists.Save(ctx, l)
		if err == nil {
			return l, nil
		}
		if !listSaveRetryable(err, attempt) {
			return nil, err
		}
	}
}

// distinctRecipeIDs returns ids without repeats, in first-seen order.
func distinctRecipeIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := make([]int64, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}
