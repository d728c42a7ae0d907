package app

import (
	"context"
	"fmt"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// AddMealInput plans one recipe at a date and meal type.
type AddMealInput struct {
	PlanID   string // "": the plan of Date's week, created when the week has none
	Date     string
	MealType string
	RecipeID int64
	Servings *int // nil: the user's household size
	Note     string
}

// AddMeal puts a recipe into a slot, overwriting what was there, and returns
// the plan. With a PlanID the date must lie in that plan's week. The recipe
// must be live: NOT_FOUND "recipe not found" otherwise.
func (p *Planner) AddMeal(ctx context.Context, pr Principal, in AddMealInput) (*planning.Plan, error) {
	d, m, err := parseMealPlace(in.Date, in.MealType)
	if err != nil {
		return nil, err
	}
	r, slot, err := p.newSlot(ctx, pr.UserID, in)
	if err != nil {
		return nil, err
	}
	var plan *planning.Plan
	err = retryStale(ctx, func() error {
		var err error
		if in.PlanID != "" {
			plan, err = p.loadPlan(ctx, pr.UserID, in.PlanID)
		} else {
			plan, err = p.weekPlanOrNew(ctx, pr.UserID, d.WeekStart())
		}
		if err != nil {
			return err
		}
		if err := plan.Set(d, m, slot, p.Clock.Now()); err != nil {
			return err
		}
		return p.Plans.Save(ctx, plan)
	})
	if err != nil {
		return nil, err
	}
	p.log.record(pr.UserID, activity.AddMeal, fmt.Sprintf("Added %s to %s on %s", r.Name, m, d),
		recipeIDText(r.ID), map[string]string{"mealPlanId": plan.ID, "date": d.String(), "mealType": m.String()})
	p.events.mealPlanned(ctx, pr, r.ID, d, m)
	return plan, nil
}

// newSlot checks the slot's own fields, then finds its recipe.
func (p *Planner) newSlot(ctx context.Context, userID string, in AddMealInput) (*recipe.Recipe, planning.Slot, error) {
	if in.RecipeID <= 0 {
		return nil, planning.Slot{}, domain.Invalid("recipeId must be a positive integer",
			map[string]string{"recipeId": "recipeId must be a positive integer"})
	}
	servings := 0
	var err error
	if in.Servings != nil {
		servings = *in.Servings
	} else if servings, err = p.defaultServings(ctx, userID); err != nil {
		return nil, planning.Slot{}, err
	}
	slot, err := planning.NewSlot(in.RecipeID, "", "", "", servings, in.Note, p.Clock.Now())
	if err != nil {
		return nil, planning.Slot{}, err
	}
	r, err := p.Recipes.Get(ctx, in.RecipeID)
	if err != nil {
		return nil, planning.Slot{}, notFoundAs(err, errRecipeNotFound)
	}
	return r, withRecipe(slot, r), nil
}
