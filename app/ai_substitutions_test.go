package app_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/substitution"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// The dishes of the substitution tests: a bake and a savoury fry.
const (
	subCake    = 201
	subFritter = 202
)

func substitutionDishes() []recipe.Recipe {
	return []recipe.Recipe{
		{ID: subCake, Name: "Victoria Sponge", Category: "Dessert", Cuisine: "British", PrepTime: 20, CookTime: 25,
			Servings: 8, Ingredients: []recipe.Ingredient{ing("self-raising flour", "225 g"), ing("butter", "225 g"),
				ing("caster sugar", "225 g"), ing("egg", "4")},
			Instructions: []string{"Cream the butter and sugar.", "Beat in the eggs, fold in the flour.", "Bake for 25 minutes."}},
		{ID: subFritter, Name: "Sweetcorn Fritters", Category: "Side", Cuisine: "American", PrepTime: 10, CookTime: 10,
			Servings: 4, Ingredients: []recipe.Ingredient{ing("sweetcorn", "300 g"), ing("egg", "1"), ing("plain flour", "50 g")},
			Instructions: []string{"Mix everything.", "Fry spoonfuls in hot oil until golden."}},
	}
}

func subNames(subs []app.Substitution) []string {
	out := make([]string, 0, len(subs))
	for _, s := range subs {
		out = append(out, s.Name)
	}
	return out
}

func mustSubstitutions(t *testing.T, g genRig, p app.Principal, q app.SubstitutionQuery) []app.Substitution {
	t.Helper()
	subs, err := g.ai.Substitutions(context.Background(), p, q)
	if err != nil {
		t.Fatalf("Substitutions(%q): %v", q.IngredientName, err)
	}
	return subs
}

func TestSubstitutionsOfAKnownIngredient(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, substitutionDishes(), nil)
	pr := mustPrefsUser(t, g.store, "hal", nil)
	table, err := food.Load()
	if err != nil {
		t.Fatal(err)
	}
	guide, err := substitution.New(table)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"butter", "2 large eggs", "milk"} {
		subs := mustSubstitutions(t, g, pr, app.SubstitutionQuery{IngredientName: name})
		want := guide.For(name, substitution.Options{})
		if len(subs) < 3 || !slices.Equal(subNames(subs), namesOf(want)) {
			t.Errorf("%s: %v, want the guide's order %v", name, subNames(subs), namesOf(want))
		}
		for _, s := range subs {
			if s.Ratio == "" || s.Impact == "" || s.Reason == "" || !s.DietaryCompatible {
				t.Errorf("%s → %s: %+v lacks a field or is not compatible with no diet at all", name, s.Name, s)
			}
		}
	}
	if subs := mustSubstitutions(t, g, pr, app.SubstitutionQuery{IngredientName: "dragonfruit essence"}); subs == nil || len(subs) != 0 {
		t.Errorf("unknown ingredient: %v, want an empty list", subs)
	}
}

func namesOf(subs []substitution.Substitute) []string {
	out := make([]string, 0, len(subs))
	for _, s := range subs {
		out = append(out, s.Name)
	}
	return out
}

func TestSubstitutionsFollowTheDietInForce(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, substitutionDishes(), nil)
	vegan := mustPrefsUser(t, g.store, "ivy", func(p *user.Preferences) { p.Dietary = []string{"Vegan"} })
	all := mustSubstitutions(t, g, vegan, app.SubstitutionQuery{IngredientName: "butter", Preferences: &app.DietPreferences{}})
	if !slices.Contains(subNames(all), "ghee") {
		t.Fatalf("butter without a diet: %v, want ghee among them", subNames(all))
	}
	stored := mustSubstitutions(t, g, vegan, app.SubstitutionQuery{IngredientName: "butter"})
	asked := mustSubstitutions(t, g, vegan, app.SubstitutionQuery{IngredientName: "Butter",
		Preferences: &app.DietPreferences{Dietary: []string{"vegan"}}})
	if !slices.Equal(subNames(stored), subNames(asked)) {
		t.Errorf("stored vegan %v differs from asked vegan %v", subNames(stored), subNames(asked))
	}
	if len(stored) == 0 || len(stored) >= len(all) || slices.Contains(subNames(stored), "ghee") {
		t.Errorf("vegan butter substitutes %v, want a non-empty subset of %v without ghee", subNames(stored), subNames(all))
	}
	for _, s := range stored {
		if !s.DietaryCompatible || !slices.Contains(s.Dietary, "Vegan") {
			t.Errorf("%s: compatible %v, diets %v", s.Name, s.DietaryCompatible, s.Dietary)
		}
	}
	noNuts := mustSubstitutions(t, g, vegan, app.SubstitutionQuery{IngredientName: "milk",
		Preferences: &app.DietPreferences{Allergies: []string{"Tree Nuts"}}})
	if slices.Contains(subNames(noNuts), "almond milk") || len(noNuts) == 0 {
		t.Errorf("milk for a tree-nut allergy: %v", subNames(noNuts))
	}
}

// TestSubstitutionsForADish: the guide orders and filters by the way the
// recipe uses the ingredient; a bake gets binders for batter, a fry the
// savoury binders.
func TestSubstitutionsForADish(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, substitutionDishes(), nil)
	pr := mustPrefsUser(t, g.store, "jo", nil)
	cake, fritter := int64(subCake), int64(subFritter)
	baking := subNames(mustSubstitutions(t, g, pr, app.SubstitutionQuery{IngredientName: "egg", RecipeID: &cake}))
	cooking := subNames(mustSubstitutions(t, g, pr, app.SubstitutionQuery{IngredientName: "egg", RecipeID: &fritter}))
	if !slices.Contains(baking, "apple sauce") || slices.Contains(baking, "mashed potato") {
		t.Errorf("egg in a sponge: %v, want apple sauce and no mashed potato", baking)
	}
	if !slices.Contains(cooking, "mashed potato") || slices.Contains(cooking, "apple sauce") {
		t.Errorf("egg in fritters: %v, want mashed potato and no apple sauce", cooking)
	}
	if slices.Equal(baking, cooking) {
		t.Error("the dish made no difference")
	}
}

func TestSubstitutionsRefusals(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, substitutionDishes(), nil)
	pr := mustPrefsUser(t, g.store, "kit", nil)
	unknown, zero := int64(999), int64(0)
	_, err := g.ai.Substitutions(context.Background(), pr, app.SubstitutionQuery{IngredientName: "egg", RecipeID: &unknown})
	wantPlanError(t, err, domain.CodeNotFound, "recipe not found")
	tests := []struct {
		name  string
		q     app.SubstitutionQuery
		field string
	}{
		{"no name", app.SubstitutionQuery{IngredientName: "  "}, "ingredientName"},
		{"long name", app.SubstitutionQuery{IngredientName: strings.Repeat("a", app.MaxIngredientNameLength+1)}, "ingredientName"},
		{"recipe id", app.SubstitutionQuery{IngredientName: "egg", RecipeID: &zero}, "recipeId"},
		{"diet", app.SubstitutionQuery{IngredientName: "egg",
			Preferences: &app.DietPreferences{Dietary: []string{"Vegan", "Carnivore"}}}, "userPreferences.dietary[1]"},
	}
	for _, tt := range tests {
		_, err := g.ai.Substitutions(context.Background(), pr, tt.q)
		de := wantPlanError(t, err, domain.CodeValidation, "")
		if _, ok := de.Details[tt.field]; !ok {
			t.Errorf("%s: details %v lack %q", tt.name, de.Details, tt.field)
		}
	}
	if _, err := g.ai.Substitutions(context.Background(), pr, app.SubstitutionQuery{
		IngredientName: strings.Repeat("é", app.MaxIngredientNameLength)}); err != nil {
		t.Errorf("a name of exactly %d characters was refused: %v", app.MaxIngredientNameLength, err)
	}
}

// genRig is the AI on memory adapters with a catalogue, for the
// substitution and plan generation tests.
type genRig struct {
	ai    *app.AI
	cat   *app.Catalogue
	store *memory.Store
}

// seedFiles holds the seed recipe files, read once.
var seedFiles = sync.OnceValues(func() ([][]byte, error) {
	files, err := filepath.Glob("../testdata/recipes/*.json")
	if err != nil {
		return nil, err
	}
	var out [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
})

// seedRecipes decodes the seed recipes afresh for each caller: seeding
// analyses them in place, so parallel tests must not share them.
func seedRecipes() ([]recipe.Recipe, error) {
	files, err := seedFiles()
	if err != nil {
		return nil, err
	}
	var out []recipe.Recipe
	for _, b := range files {
		var rs []recipe.Recipe
		if err := json.Unmarshal(b, &rs); err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	return out, nil
}

// newGenRig builds the AI over a catalogue of rs, or of the seed recipes
// when rs is nil; wrap, when given, stands before the plan repository.
func newGenRig(t *testing.T, rs []recipe.Recipe, wrap func(ports.PlanRepository) ports.PlanRepository) genRig {
	t.Helper()
	cat, store := newCatalogue(t)
	if rs == nil {
		var err error
		if rs, err = seedRecipes(); err != nil || len(rs) < 100 {
			t.Fatalf("reading the seed recipes: %v (%d)", err, len(rs))
		}
	}
	if _, err := cat.Seed(context.Background(), rs); err != nil {
		t.Fatal(err)
	}
	var plans ports.PlanRepository = store.Plans()
	if wrap != nil {
		plans = wrap(plans)
	}
	ai, err := app.NewAI(app.AIDeps{Catalogue: cat, Plans: plans, Users: store.Users(), Favorites: store.Favorites(),
		Ratings: store.Ratings(), Cache: memory.NewCache(100, memory.NewClock(planStart).Now),
		Clock: memory.NewClock(planStart), IDs: system.IDs{}, Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	return genRig{ai: ai, cat: cat, store: store}
}

// mustPrefsUser stores a user whose preferences edit changes.
func mustPrefsUser(tb testing.TB, store *memory.Store, id string, edit func(*user.Preferences)) app.Principal {
	tb.Helper()
	u, err := user.New(id, id+"@example.com", id, "hash", planStart)
	if err != nil {
		tb.Fatal(err)
	}
	if edit != nil {
		edit(&u.Preferences)
	}
	if err := store.Users().Create(context.Background(), u); err != nil {
		tb.Fatal(err)
	}
	return app.Principal{UserID: id, Role: user.RoleUser}
}
