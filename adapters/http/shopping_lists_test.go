package http_test

import (
	"encoding/json"
	"slices"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/planning"
)

// shopWeek is the week the shopping tests plan: Sunday 2026-11-22, the test
// clock's day.
var shopWeek = planning.NewDate(2026, time.November, 22)

// shopList is a ShoppingList as a client reads it.
type shopList struct {
	ID, UserID, WeekStart, Name string
	MealPlanID, ShareID         *string
	Items                       []shopItem
	Sections                    []struct {
		Name           string
		Total, Checked int
	}
	CheckedCount, TotalCount int
}

type shopItem struct {
	ID, Name, Quantity, Unit, Category, Note string
	Checked, AddedManually                   bool
	RecipeIDs                                []string
	Sources                                  []struct {
		RecipeID            *string
		RecipeName, Measure string
	}
}

func decodeList(t *testing.T, res response) shopList {
	t.Helper()
	var l shopList
	if err := json.Unmarshal(res.Body, &l); err != nil {
		t.Fatalf("not a shopping list: %v\n%s", err, res.Body)
	}
	return l
}

// item returns the list's item called name.
func (l shopList) item(t *testing.T, name string) shopItem {
	t.Helper()
	for _, it := range l.Items {
		if it.Name == name {
			return it
		}
	}
	t.Fatalf("no item %q in %+v", name, l.Items)
	return shopItem{}
}

// shopPlan stores owner's plan of shopWeek through the store, so these tests
// do not depend on the plan routes: Teriyaki for 8 (written for 4) on
// Monday, Chocolate Cake for 4 (written for 8) on Tuesday.
func (a *api) shopPlan(owner session) string {
	a.t.Helper()
	now := a.app.Clock.Now()
	p := planning.NewPlan("shop-plan-"+owner.ID, owner.ID, shopWeek, now)
	for _, s := range []struct {
		day      int
		meal     planning.MealType
		recipe   int64
		servings int
	}{{1, planning.Dinner, idTeriyaki, 8}, {2, planning.Snacks, idChocolate, 4}} {
		slot, err := planning.NewSlot(s.recipe, "Recipe", "", "", s.servings, "", now)
		if err != nil {
			a.t.Fatal(err)
		}
		if err := p.Set(shopWeek.AddDays(s.day), s.meal, slot, now); err != nil {
			a.t.Fatal(err)
		}
	}
	if err := a.app.Store.Plans().Save(a.t.Context(), p); err != nil {
		a.t.Fatalf("saving the plan: %v", err)
	}
	return p.ID
}

// newShopAPI is a server with the recipe fixtures, a cook and the cook's plan.
func newShopAPI(t *testing.T) (*api, session, string) {
	t.Helper()
	a := newAPI(t)
	a.seed()
	cook := a.register("cook@example.com")
	return a, cook, a.shopPlan(cook)
}

// generate makes the cook's list of the plan and returns it.
func (a *api) generate(token, planID string) shopList {
	a.t.Helper()
	res := a.do("POST", "/api/v1/shopping-lists/generate", token, map[string]string{"mealPlanId": planID})
	wantStatus(a.t, res, 201)
	return decodeList(a.t, res)
}

func TestGenerateShoppingList(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	if l.MealPlanID == nil || *l.MealPlanID != planID || l.UserID != cook.ID || l.WeekStart != "2026-11-22" ||
		l.Name != "Week of Nov 22, 2026" || l.ShareID != nil {
		t.Errorf("list = %+v", l)
	}
	var sections []string
	for _, s := range l.Sections {
		sections = append(sections, s.Name)
	}
	want := []string{"Meat & Seafood", "Dairy & Eggs", "Pantry", "Condiments & Sauces", "Other"}
	if !slices.Equal(sections, want) || l.TotalCount != len(l.Items) || l.CheckedCount != 0 {
		t.Errorf("sections %v (want %v), counts %d/%d", sections, want, l.CheckedCount, l.TotalCount)
	}
	if c := l.item(t, "chicken breast"); c.Quantity != "1.8" || c.Unit != "kg" || c.Category != "Meat & Seafood" ||
		!slices.Equal(c.RecipeIDs, []string{"52772"}) || len(c.Sources) != 1 || c.Sources[0].Measure != "2 lb" {
		t.Errorf("2 lb for 4 cooked for 8 is 1.8 kg: %+v", c)
	}
	if e := l.item(t, "eggs"); e.Quantity != "2" || e.Unit != "" {
		t.Errorf("3 eggs for 8 cooked for 4 round up to 2: %+v", e)
	}
	if s := l.item(t, "salt"); s.Quantity != "" || s.Unit != "" || s.Category != "Pantry" {
		t.Errorf("salt to taste has no quantity: %+v", s)
	}
	if d := l.item(t, "dragonfruit essence"); d.Category != "Other" || d.Quantity != "9.9" || d.Unit != "ml" {
		t.Errorf("an unknown food is kept, in Other: %+v", d)
	}
}

// TestGenerateShoppingListAgain: the same week named by any of its dates
// regenerates the same list, and each generation is an activity.
func TestGenerateShoppingListAgain(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	res := a.do("POST", "/api/shopping-lists/generate", cook.Token, map[string]string{"weekStart": "2026-11-26", "mode": "merge"})
	wantStatus(t, res, 201)
	if again := decodeList(t, res); again.ID != l.ID || len(again.Items) != len(l.Items) {
		t.Errorf("second generation made list %s with %d items, want %s with %d", again.ID, len(again.Items), l.ID, len(l.Items))
	}
	if err := a.app.Shopping.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
	acts := a.get("/api/v1/users/me/activities", cook.Token, 200).List(t)
	if len(acts) != 2 || acts[0].(map[string]any)["action"] != "generate_shopping_list" || acts[0].(map[string]any)["relatedId"] != l.ID {
		t.Errorf("activities = %v", acts)
	}
}

func TestGenerateShoppingListInUSUnits(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	wantStatus(t, a.do("PUT", "/api/v1/auth/preferences", cook.Token, map[string]string{"unitSystem": "us"}), 200)
	l := a.generate(cook.Token, planID)
	if c := l.item(t, "chicken breast"); c.Quantity != "4" || c.Unit != "lb" {
		t.Errorf("chicken = %s %s, want 4 lb", c.Quantity, c.Unit)
	}
	if s := l.item(t, "soy sauce"); s.Quantity != "1 1/2" || s.Unit != "cup" {
		t.Errorf("soy sauce = %s %s, want 1 1/2 cup", s.Quantity, s.Unit)
	}
}

func TestGenerateShoppingListErrors(t *testing.T) {
	a, cook, _ := newShopAPI(t)
	other := a.register("other@example.com")
	otherPlan := a.shopPlan(other)
	empty := planning.NewPlan("empty", cook.ID, shopWeek.AddDays(-7), a.app.Clock.Now())
	if err := a.app.Store.Plans().Save(t.Context(), empty); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		body   any
		status int
		text   string
	}{
		{"no plan named", map[string]string{}, 400, "mealPlanId or weekStart is required"},
		{"empty body", nil, 400, "mealPlanId or weekStart is required"},
		{"malformed JSON", `{"mealPlanId":`, 400, "invalid JSON body"},
		{"bad date", map[string]string{"weekStart": "22/11/2026"}, 400, "invalid date"},
		{"bad mode", map[string]string{"mealPlanId": empty.ID, "mode": "add"}, 400, "mode must be replace or merge"},
		{"unknown plan", map[string]string{"mealPlanId": "nope"}, 404, "meal plan not found"},
		{"another user's plan", map[string]string{"mealPlanId": otherPlan}, 404, "meal plan not found"},
		{"week without a plan", map[string]string{"weekStart": "2026-12-06"}, 404, "meal plan not found"},
		{"plan without meals", map[string]string{"mealPlanId": empty.ID}, 400, "the meal plan has no meals"},
		{"plan without meals by week", map[string]string{"weekStart": "2026-11-15"}, 400, "the meal plan has no meals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantError(t, a.do("POST", "/api/v1/shopping-lists/generate", cook.Token, tt.body), tt.status, tt.text)
		})
	}
	if page := a.get("/api/v1/shopping-lists", cook.Token, 200).JSON(t); page["total"] != 0.0 {
		t.Errorf("refused generations stored lists: %v", page)
	}
}

func TestShoppingListCRUD(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	first := a.generate(cook.Token, planID)
	a.app.Clock.Advance(time.Minute)
	second := planning.NewPlan("second", cook.ID, shopWeek.AddDays(7), a.app.Clock.Now())
	slot, _ := planning.NewSlot(idChickpea, "Chickpea Salad", "", "", 2, "", a.app.Clock.Now())
	if err := second.Set(shopWeek.AddDays(8), planning.Lunch, slot, a.app.Clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := a.app.Store.Plans().Save(t.Context(), second); err != nil {
		t.Fatal(err)
	}
	newer := a.generate(cook.Token, second.ID)

	res := a.get("/api/v1/shopping-lists?limit=1", cook.Token, 200)
	page := res.JSON(t)
	lists := page["shoppingLists"].([]any)
	if res.Header.Get("X-Total-Count") != "2" || page["totalPages"] != 2.0 || len(lists) != 1 ||
		lists[0].(map[string]any)["id"] != newer.ID || len(lists[0].(map[string]any)["items"].([]any)) == 0 {
		t.Errorf("first page: %s", res.Body)
	}
	if page := a.get("/api/shopping-lists?page=5", cook.Token, 200).JSON(t); len(page["shoppingLists"].([]any)) != 0 || page["total"] != 2.0 {
		t.Errorf("page past the end: %v", page)
	}
	wantError(t, a.do("GET", "/api/v1/shopping-lists?limit=0", cook.Token, nil), 400, "")
	if got := decodeList(t, a.get("/api/v1/shopping-lists/"+first.ID, cook.Token, 200)); got.ID != first.ID || len(got.Items) != len(first.Items) {
		t.Errorf("get = %+v", got)
	}
	res = a.do("PATCH", "/api/v1/shopping-lists/"+first.ID, cook.Token, map[string]string{"name": " Party food "})
	wantStatus(t, res, 200)
	if got := decodeList(t, res); got.Name != "Party food" {
		t.Errorf("renamed to %q", got.Name)
	}
	wantError(t, a.do("PATCH", "/api/v1/shopping-lists/"+first.ID, cook.Token, map[string]string{"name": ""}), 400, "name is required")
	wantError(t, a.do("PATCH", "/api/v1/shopping-lists/"+first.ID, cook.Token, map[string]string{"name": string(make([]byte, 201))}), 400, "")
	wantStatus(t, a.do("DELETE", "/api/v1/shopping-lists/"+first.ID, cook.Token, nil), 204)
	wantError(t, a.do("GET", "/api/v1/shopping-lists/"+first.ID, cook.Token, nil), 404, "shopping list not found")
	wantError(t, a.do("DELETE", "/api/v1/shopping-lists/"+first.ID, cook.Token, nil), 404, "shopping list not found")
}

// TestShoppingListOutlivesItsPlan: deleting the plan detaches the list.
func TestShoppingListOutlivesItsPlan(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	if err := a.app.Store.Plans().Delete(t.Context(), cook.ID, planID); err != nil {
		t.Fatal(err)
	}
	if got := decodeList(t, a.get("/api/v1/shopping-lists/"+l.ID, cook.Token, 200)); got.MealPlanID != nil || len(got.Items) != len(l.Items) {
		t.Errorf("detached list = %+v", got)
	}
}
