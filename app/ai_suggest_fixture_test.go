package app_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// dish is a recipe of the suggestion catalogue; its dietary tags and
// allergens are derived from the ingredients when it is seeded.
func dish(id int64, name, category string, ings ...string) recipe.Recipe {
	r := recipe.Recipe{ID: id, Name: name, Category: category, Cuisine: "British", PrepTime: 15, CookTime: 20,
		Servings: 2, Instructions: []string{"Cook everything."}}
	for _, in := range ings {
		r.Ingredients = append(r.Ingredients, recipe.Ingredient{Name: in, Measure: "100 g"})
	}
	return r
}

// suggestCatalogue has ten vegan dishes (two with peanuts, one with
// mushrooms), a vegetarian mushroom risotto and meat, fish and sweets.
func suggestCatalogue() []recipe.Recipe {
	return []recipe.Recipe{
		dish(1, "Chickpea Salad", "Vegan", "chickpeas", "olive oil", "lemon juice"),
		dish(2, "Lentil Soup", "Vegan", "red lentils", "onion", "carrot"),
		dish(3, "Tofu Stir Fry", "Vegan", "tofu", "broccoli", "soy sauce"),
		dish(4, "Bean Chilli", "Vegan", "kidney beans", "tomato", "onion"),
		dish(5, "Peanut Noodles", "Vegan", "rice noodles", "peanut butter", "lime"),
		dish(6, "Mushroom Stir Fry", "Vegan", "mushrooms", "rice", "garlic"),
		dish(7, "Vegetable Curry", "Vegan", "potato", "cauliflower", "coconut milk"),
		dish(8, "Satay Tofu", "Vegan", "tofu", "peanuts", "rice"),
		dish(9, "Beef Stew", "Beef", "beef chuck", "onion", "carrot"),
		dish(10, "Chicken Curry", "Chicken", "chicken thighs", "onion", "tomato"),
		dish(11, "Pork Chops", "Pork", "pork chops", "apple", "potato"),
		dish(12, "Lamb Tagine", "Lamb", "lamb shoulder", "apricots", "onion"),
		dish(13, "Salmon Traybake", "Seafood", "salmon", "potato", "lemon"),
		dish(14, "Prawn Pasta", "Seafood", "prawns", "spaghetti", "garlic"),
		dish(15, "Cheese Omelette", "Breakfast", "eggs", "cheddar cheese", "butter"),
		dish(16, "Mushroom Risotto", "Vegetarian", "arborio rice", "mushrooms", "parmesan"),
		dish(17, "Margherita Pizza", "Vegetarian", "flour", "mozzarella", "tomato"),
		dish(18, "Porridge", "Breakfast", "oats", "milk", "honey"),
		dish(19, "Chocolate Brownies", "Dessert", "dark chocolate", "butter", "sugar", "eggs"),
		dish(20, "Roast Chicken", "Chicken", "chicken", "potato", "carrot"),
		dish(21, "Beef Burgers", "Beef", "beef mince", "burger buns", "onion"),
		dish(22, "Fish Tacos", "Seafood", "cod", "tortillas", "lime"),
		dish(23, "Hummus Wrap", "Vegan", "hummus", "tortillas", "cucumber"),
		dish(24, "Spinach Dal", "Vegan", "yellow lentils", "spinach", "garlic"),
	}
}

type suggestFixture struct {
	ai    *app.AI
	cat   *app.Catalogue
	store *memory.Store
	clock *memory.Clock
	alice app.Principal
	bob   app.Principal
}

// newSuggestFixture builds the AI on the memory store with the suggestion
// catalogue and two users; remote, when not nil, is the remote recommender.
func newSuggestFixture(t *testing.T, remote ports.Recommender) suggestFixture {
	t.Helper()
	store, clock := memory.NewStore(), memory.NewClock(planStart)
	cache := memory.NewCache(1000, clock.Now)
	cat, err := app.NewCatalogue(app.CatalogueDeps{Recipes: store.Recipes(), Favorites: store.Favorites(),
		Ratings: store.Ratings(), Users: store.Users(), Activities: store.Activities(), Cache: cache, Clock: clock,
		IDs: system.IDs{}, Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cat.Seed(context.Background(), suggestCatalogue()); err != nil {
		t.Fatal(err)
	}
	ai, err := app.NewAI(app.AIDeps{Catalogue: cat, Plans: store.Plans(), Users: store.Users(),
		Favorites: store.Favorites(), Ratings: store.Ratings(), Recommender: remote, Events: memory.NewEventLog(0),
		Cache: cache, Clock: clock, IDs: system.IDs{}, Logger: quietLogger()})
	if err != nil {
		t.Fatal(err)
	}
	mustUser(t, store, "alice", 0)
	mustUser(t, store, "bob", 0)
	return suggestFixture{ai: ai, cat: cat, store: store, clock: clock,
		alice: app.Principal{UserID: "alice", Role: user.RoleUser}, bob: app.Principal{UserID: "bob", Role: user.RoleUser}}
}

func (f suggestFixture) setPrefs(t *testing.T, userID string, fn func(*user.Preferences)) {
	t.Helper()
	if _, err := f.store.Users().Update(context.Background(), userID, func(u *user.User) error {
		fn(&u.Preferences)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
}

// savePlan stores (or, given an existing plan, updates) a plan with the meals by date.
func (f suggestFixture) savePlan(t *testing.T, p *planning.Plan, meals map[string]int64) *planning.Plan {
	t.Helper()
	now := f.clock.Now()
	for date, id := range meals {
		d, err := planning.ParseDate(date)
		if err != nil {
			t.Fatal(err)
		}
		slot, err := planning.NewSlot(id, "Recipe", "", "", 2, "", now)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Set(d, planning.Dinner, slot, now); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.store.Plans().Save(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func (f suggestFixture) newPlan(t *testing.T, userID, week string, meals map[string]int64) *planning.Plan {
	t.Helper()
	d, err := planning.ParseDate(week)
	if err != nil {
		t.Fatal(err)
	}
	return f.savePlan(t, planning.NewPlan(userID+"-"+week, userID, d, f.clock.Now()), meals)
}

func (f suggestFixture) suggest(t *testing.T, p app.Principal, q app.SuggestionQuery) app.Suggestions {
	t.Helper()
	s, err := f.ai.Suggestions(context.Background(), p, q)
	if err != nil {
		t.Fatalf("Suggestions(%+v): %v", q, err)
	}
	return s
}

// allowed lists the catalogue's recipes that the restrictions allow.
func (f suggestFixture) allowed(t *testing.T, x recipe.Restrictions) map[int64]bool {
	t.Helper()
	snap, err := f.cat.Snapshot(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]bool{}
	for _, r := range snap.Recipes {
		if x.Allows(r) {
			out[r.ID] = true
		}
	}
	return out
}

func idsOf(s app.Suggestions) []int64 {
	out := make([]int64, len(s.Items))
	for i, it := range s.Items {
		out[i] = it.Recipe.ID
	}
	return out
}

func count(n int) *int { return &n }

// favorite marks a recipe for the user through the store.
func (f suggestFixture) favorite(t *testing.T, userID string, id int64) {
	t.Helper()
	if err := f.store.Favorites().Add(context.Background(), userID, id, f.clock.Now()); err != nil {
		t.Fatalf("favourite %s: %v", strconv.FormatInt(id, 10), err)
	}
}
