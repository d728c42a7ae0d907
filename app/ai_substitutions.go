package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/substitution"
	"github.com/mealplanner/backend/domain/user"
)

// substitutions is the state behind Substitutions: the guide, built on first
// use because reading and checking the knowledge base is the slow part and
// most processes never need it.
type substitutions struct {
	once  sync.Once
	guide *substitution.Guide
	err   error
}

// MaxIngredientNameLength bounds SubstitutionQuery.IngredientName, in characters.
const MaxIngredientNameLength = 200

// SubstitutionQuery asks for alternatives to one ingredient.
type SubstitutionQuery struct {
	// IngredientName is the ingredient as a recipe line names it ("2 eggs").
	IngredientName string
	// Preferences, when not nil, are the diet and allergies in force instead
	// of the caller's stored ones.
	Preferences *DietPreferences
	// RecipeID, when not nil, is the dish the ingredient is for.
	RecipeID *int64
}

// DietPreferences are the diet and allergies a substitution must respect.
type DietPreferences struct {
	Dietary   []string
	Allergies []string
}

// Substitution is one alternative, with whether it keeps every diet in force.
type Substitution struct {
	substitution.Substitute
	// DietaryCompatible is true when the alternative suits every dietary
	// value in force (vacuously so when none is).
	DietaryCompatible bool
}

// Substitutions returns the alternatives to an ingredient, best first. The
// diet and allergies are the query's when given, else the caller's stored
// preferences; alternatives that break them are left out. With a recipe, the
// alternatives made for the way it uses the ingredient come first. An
// unknown ingredient gives an empty list. Errors: VALIDATION_ERROR for a
// missing or too long name or an unknown dietary value, NOT_FOUND "recipe
// not found" for an unknown recipe.
func (a *AI) Substitutions(ctx context.Context, p Principal, q SubstitutionQuery) ([]Substitution, error) {
	opts, err := a.substitutionOptions(ctx, p.UserID, q)
	if err != nil {
		return nil, err
	}
	guide, err := a.substitutionGuide()
	if err != nil {
		return nil, err
	}
	found := guide.For(q.IngredientName, opts)
	out := make([]Substitution, 0, len(found))
	for _, s := range found {
		out = append(out, Substitution{Substitute: s, DietaryCompatible: suitsDiets(s.Dietary, opts.Dietary)})
	}
	return out, nil
}

// substitutionOptions validates the query and gathers what the guide needs.
func (a *AI) substitutionOptions(ctx context.Context, userID string, q SubstitutionQuery) (substitution.Options, error) {
	var fe domain.FieldErrors
	checkIngredientName(&fe, q.IngredientName)
	var prefs DietPreferences
	if q.Preferences != nil {
		prefs = checkDietPreferences(&fe, "userPreferences", *q.Preferences)
	}
	if q.RecipeID != nil && *q.RecipeID <= 0 {
		fe.Add("recipeId", "recipeId must be a positive integer")
	}
	if err := fe.Err(); err != nil {
		return substitution.Options{}, err
	}
	if q.Preferences == nil {
		u, err := a.Users.Get(ctx, userID)
		if err != nil {
			return substitution.Options{}, err
		}
		prefs = DietPreferences{Dietary: u.Preferences.Dietary, Allergies: u.Preferences.Allergies}
	}
	opts := substitution.Options{Dietary: prefs.Dietary, Allergies: prefs.Allergies}
	if q.RecipeID != nil {
		r, err := a.Catalogue.Recipes.Get(ctx, *q.RecipeID)
		if err != nil {
			return substitution.Options{}, notFoundAs(err, errRecipeNotFound)
		}
		opts.Recipe = r
	}
	return opts, nil
}

// substitutionGuide builds the guide once. The knowledge base is embedded,
// so a failure is a defect of the build that no retry would mend: it is
// logged once and every call answers an internal error.
func (a *AI) substitutionGuide() (*substitution.Guide, error) {
	s := &a.subs
	s.once.Do(func() {
		s.guide, s.err = substitution.New(a.Catalogue.foods)
		if s.err != nil {
			a.Logger.Error("substitution guide could not be built", "err", s.err)
		}
	})
	return s.guide, s.err
}

func checkIngredientName(fe *domain.FieldErrors, name string) {
	switch {
	case strings.TrimSpace(name) == "":
		fe.Add("ingredientName", "ingredientName is required")
	case utf8.RuneCountInString(name) > MaxIngredientNameLength:
		fe.Add("ingredientName", fmt.Sprintf("ingredientName must be at most %d characters", MaxIngredientNameLength))
	}
}

// checkDietPreferences validates a request's diet and allergies under
// prefix: dietary values must be the contract's (any case; returned in its
// spelling), allergies are free text within the same bounds as the stored
// preferences.
func checkDietPreferences(fe *domain.FieldErrors, prefix string, p DietPreferences) DietPreferences {
	out := DietPreferences{Dietary: make([]string, 0, len(p.Dietary)), Allergies: make([]string, 0, len(p.Allergies))}
	checkDietListSize(fe, prefix+".dietary", len(p.Dietary))
	for i, d := range p.Dietary {
		canon, ok := user.CanonicalDiet(d)
		if !ok {
			canon = d
			fe.Add(fmt.Sprintf("%s.dietary[%d]", prefix, i),
				"unknown dietary value: must be one of "+strings.Join(user.DietaryValues, ", "))
		}
		out.Dietary = append(out.Dietary, canon)
	}
	checkDietListSize(fe, prefix+".allergies", len(p.Allergies))
	for i, a := range p.Allergies {
		if utf8.RuneCountInString(a) > user.MaxEntryLength {
			fe.Add(fmt.Sprintf("%s.allergies[%d]", prefix, i),
				fmt.Sprintf("must be at most %d characters", user.MaxEntryLength))
		}
		if a = strings.TrimSpace(a); a != "" {
			out.Allergies = append(out.Allergies, a)
		}
	}
	return out
}

func checkDietListSize(fe *domain.FieldErrors, field string, n int) {
	if n > user.MaxListEntries {
		fe.Add(field, fmt.Sprintf("at most %d entries", user.MaxListEntries))
	}
}

// suitsDiets reports whether suits, an alternative's dietary values, holds
// every value of inForce, ignoring case.
func suitsDiets(suits, inForce []string) bool {
	for _, d := range inForce {
		if !slices.ContainsFunc(suits, func(v string) bool { return strings.EqualFold(v, strings.TrimSpace(d)) }) {
			return false
		}
	}
	return true
}
