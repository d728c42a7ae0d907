package app

import (
	"cmp"
	"context"
	"slices"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// SlotInput is one slot as a client plans it. The recipe's name, thumbnail
// and category are not taken from the client: they are copied from the
// catalogue.
type SlotInput struct {
	RecipeID int64
	Servings *int // nil: the user's household size
	Note     string
}

// DaysInput is the client's form of a plan's days: date (YYYY-MM-DD) → meal
// type → slot.
type DaysInput map[string]map[string]SlotInput

// editDays turns in into slots for plan and hands them to apply (Replace or
// Merge), reporting the problems of both in one error. A slot naming the
// recipe already planned at its place keeps the stored copy of the recipe's
// fields and its addedAt, so a plan sent back unchanged is accepted even
// when one of its recipes has since left the catalogue; any other slot's
// recipe must be live ("recipe not found" under days.<date>.<meal>.recipeId).
func (p *Planner) editDays(ctx context.Context, userID string, plan *planning.Plan, in DaysInput, apply func(planning.Days) error) error {
	days, err := p.parseDays(ctx, userID, in)
	if err != nil {
		return err
	}
	missing, err := p.copyRecipes(ctx, plan, days)
	if err != nil {
		return err
	}
	return joinInvalid(missing, apply(days))
}

// parseDays reads the dates and meal types of in and fills in default servings.
func (p *Planner) parseDays(ctx context.Context, userID string, in DaysInput) (planning.Days, error) {
	def := 0
	raw := make(map[string]map[string]planning.Slot, len(in))
	for ds, day := range in {
		raw[ds] = make(map[string]planning.Slot, len(day))
		for ms, s := range day {
			if s.Servings == nil && def == 0 {
				var err error
				if def, err = p.defaultServings(ctx, userID); err != nil {
					return nil, err
				}
			}
			servings := def
			if s.Servings != nil {
				servings = *s.Servings
			}
			raw[ds][ms] = planning.Slot{RecipeID: s.RecipeID, Servings: servings, Note: s.Note}
		}
	}
	return planning.ParseDays(raw)
}

// slotPlace is where a slot sits in a plan.
type slotPlace struct {
	date planning.Date
	meal planning.MealType
}

// copyRecipes fills in each slot's recipe fields, from plan when the same
// recipe is planned there already, else from the catalogue. The first result
// names the slots whose recipe is unknown or deleted, as a validation error;
// the second is a failed read.
func (p *Planner) copyRecipes(ctx context.Context, plan *planning.Plan, days planning.Days) (missing, err error) {
	lookup, ids := keepPlanned(plan, days)
	if len(ids) == 0 {
		return nil, nil
	}
	found, err := p.Recipes.GetMany(ctx, ids)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*recipe.Recipe, len(found))
	for _, r := range found {
		byID[r.ID] = r
	}
	// Sorted, so that the same request always gets the same headline.
	slices.SortFunc(lookup, func(a, b slotPlace) int {
		return cmp.Or(a.date.Compare(b.date), cmp.Compare(mealOrder(a.meal), mealOrder(b.meal)))
	})
	var fe domain.FieldErrors
	for _, at := range lookup {
		s := days[at.date][at.meal]
		if r, ok := byID[s.RecipeID]; ok {
			days[at.date][at.meal] = withRecipe(s, r)
		} else {
			fe.Add("days."+at.date.String()+"."+at.meal.String()+".recipeId", "recipe not found")
		}
	}
	return fe.Err(), nil
}

// keepPlanned gives each slot of days that names the recipe plan holds at
// its place the stored copy of the recipe's fields and the stored addedAt.
// It returns the other slots and their distinct recipe ids, to look up.
func keepPlanned(plan *planning.Plan, days planning.Days) ([]slotPlace, []int64) {
	var lookup []slotPlace
	var ids []int64
	for d, day := range days {
		for m, s := range day {
			if old, ok := plan.Get(d, m); ok && old.RecipeID == s.RecipeID {
				s.RecipeName, s.Thumbnail, s.Category, s.AddedAt = old.RecipeName, old.Thumbnail, old.Category, old.AddedAt
				day[m] = s
			} else if s.RecipeID > 0 {
				lookup = append(lookup, slotPlace{d, m})
				ids = append(ids, s.RecipeID)
			}
		}
	}
	slices.Sort(ids)
	return lookup, slices.Compact(ids)
}

// mealOrder is m's position in a day, breakfast first.
func mealOrder(m planning.MealType) int { return slices.Index(planning.MealTypes(), m) }
