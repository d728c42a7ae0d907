package app_test

import (
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

// breakfastWeek stores two recipes and u1's plan of the week of 2026-11-22:
// the omelette for 4 (written for 2) and the pancakes for 2 (written for 4).
func breakfastWeek(t *testing.T, s *shop, system string) (app.Principal, *planning.Plan) {
	t.Helper()
	p := s.mustUser(t, "u1", system)
	s.mustRecipe(t, 1, "Omelette", 2, ing("eggs", "4"), ing("milk", "100 ml"), ing("salt", "to taste"))
	s.mustRecipe(t, 2, "Pancakes", 4, ing("milk", "1 cup"), ing("egg", "2"), ing("plain flour", "200 g"))
	plan := s.mustPlan(t, "u1", "plan-1", "2026-11-22",
		slot{"2026-11-23", planning.Breakfast, 1, 4}, slot{"2026-11-24", planning.Breakfast, 2, 2})
	return p, plan
}

func TestGenerateListConsolidatesThePlan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		system             string
		milkQty, milkUnit  string
		flourQty, flourUnt string
	}{
		{"metric", "318", "ml", "100", "g"},
		{"us", "1 1/3", "cup", "3.5", "oz"},
	}
	for _, tt := range tests {
		t.Run(tt.system, func(t *testing.T) {
			t.Parallel()
			s := newShop(t)
			p, plan := breakfastWeek(t, s, tt.system)
			l, err := s.GenerateList(t.Context(), p, app.GenerateListInput{WeekStart: "2026-11-25"})
			if err != nil {
				t.Fatal(err)
			}
			if l.MealPlanID != plan.ID || l.Name != "Week of Nov 22, 2026" || l.WeekStart != plan.WeekStart || l.UserID != "u1" {
				t.Errorf("list = %+v", l)
			}
			eggs := item(t, l, "eggs")
			if eggs.Quantity != "9" || eggs.Unit != "" || eggs.Section != "Dairy & Eggs" || !slices.Equal(eggs.RecipeIDs, []int64{1, 2}) ||
				len(eggs.Sources) != 2 || eggs.Sources[0].RecipeName != "Omelette" || eggs.Sources[1].Measure != "2" || eggs.ID == "" {
				t.Errorf("eggs = %+v", eggs)
			}
			if milk := item(t, l, "milk"); milk.Quantity != tt.milkQty || milk.Unit != tt.milkUnit {
				t.Errorf("milk = %s %s, want %s %s", milk.Quantity, milk.Unit, tt.milkQty, tt.milkUnit)
			}
			if flour := item(t, l, "all-purpose flour"); flour.Quantity != tt.flourQty || flour.Unit != tt.flourUnt {
				t.Errorf("flour = %s %s", flour.Quantity, flour.Unit)
			}
			if salt := item(t, l, "salt"); salt.Quantity != "" || salt.Unit != "" || len(salt.Sources) != 1 {
				t.Errorf("salt = %+v", salt)
			}
			acts := s.activities(t, "u1")
			if len(acts) != 1 || acts[0].Action != activity.GenerateShoppingList || acts[0].RelatedID != l.ID ||
				acts[0].Details != "Generated a shopping list with 4 items" {
				t.Errorf("activities = %+v", acts)
			}
		})
	}
}

func TestGenerateListRefusals(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		in      app.GenerateListInput
		code    domain.Code
		message string
	}{
		{"nothing named", app.GenerateListInput{}, domain.CodeValidation, "mealPlanId or weekStart is required"},
		{"bad date", app.GenerateListInput{WeekStart: "2026-13-01"}, domain.CodeValidation, "invalid date"},
		{"bad mode", app.GenerateListInput{MealPlanID: "plan-1", Mode: "append"}, domain.CodeValidation, "mode must be replace or merge"},
		{"long name", app.GenerateListInput{MealPlanID: "plan-1", Name: string(make([]rune, 201))}, domain.CodeValidation, ""},
		{"unknown plan", app.GenerateListInput{MealPlanID: "nope"}, domain.CodeNotFound, "meal plan not found"},
		{"another user's plan", app.GenerateListInput{MealPlanID: "plan-2"}, domain.CodeNotFound, "meal plan not found"},
		{"week without a plan", app.GenerateListInput{WeekStart: "2026-12-01"}, domain.CodeNotFound, "meal plan not found"},
		{"plan without meals", app.GenerateListInput{MealPlanID: "empty"}, domain.CodeValidation, "the meal plan has no meals"},
	}
	s := newShop(t)
	p, _ := breakfastWeek(t, s, "metric")
	s.mustUser(t, "u2", "metric")
	s.mustPlan(t, "u2", "plan-2", "2026-11-22", slot{"2026-11-23", planning.Lunch, 1, 2})
	s.mustPlan(t, "u1", "empty", "2026-11-15")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.GenerateList(t.Context(), p, tt.in)
			wantErr(t, err, tt.code, tt.message)
		})
	}
	if lists, err := s.AllLists(t.Context(), "u1"); err != nil || len(lists) != 0 {
		t.Errorf("a refused generation stored %d lists (%v)", len(lists), err)
	}
}

// TestGenerateListAgain: generating for the same plan regenerates the one
// list instead of adding another, keeping ids, checks and manual items.
func TestGenerateListAgain(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	first, err := s.GenerateList(t.Context(), p, app.GenerateListInput{MealPlanID: plan.ID})
	if err != nil {
		t.Fatal(err)
	}
	eggs := item(t, first, "eggs")
	if _, err := s.EditItem(t.Context(), p, first.ID, eggs.ID, checked(true)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddItem(t.Context(), p, first.ID, newItem("dish soap", 1, "")); err != nil {
		t.Fatal(err)
	}
	s.addToast(t, plan.ID)
	for _, mode := range []string{"replace", "merge", "replace"} {
		again, err := s.GenerateList(t.Context(), p, app.GenerateListInput{MealPlanID: plan.ID, Mode: mode, Name: "Big shop"})
		if err != nil {
			t.Fatal(err)
		}
		if again.ID != first.ID || again.Name != "Big shop" || len(again.Items) != 6 {
			t.Fatalf("%s: list %s %q with %d items: %+v", mode, again.ID, again.Name, len(again.Items), again.Items)
		}
		if e := item(t, again, "eggs"); e.ID != eggs.ID || !e.Checked {
			t.Errorf("%s: eggs lost their id or check: %+v", mode, e)
		}
		item(t, again, "dish soap")
		item(t, again, "bread")
	}
	if all, _ := s.AllLists(t.Context(), "u1"); len(all) != 1 {
		t.Errorf("%d lists after four generations, want 1", len(all))
	}
	if n := countActions(s.activities(t, "u1"), activity.GenerateShoppingList); n != 4 {
		t.Errorf("%d generate activities, want 4", n)
	}
}

// addToast plans toast for Wednesday breakfast in u1's plan.
func (s *shop) addToast(t *testing.T, planID string) {
	t.Helper()
	s.mustRecipe(t, 3, "Toast", 1, ing("bread", "2 slices"))
	plan, err := s.store.Plans().Get(t.Context(), "u1", planID)
	if err != nil {
		t.Fatal(err)
	}
	sv, _ := planning.NewSlot(3, "Toast", "", "Side", 1, "", s.clock.Now())
	if err := plan.Set(mustDate(t, "2026-11-25"), planning.Breakfast, sv, s.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if err := s.store.Plans().Save(t.Context(), plan); err != nil {
		t.Fatal(err)
	}
}

// TestGenerateListSkipsDeletedRecipes: a recipe deleted after it was planned
// is left off; the rest of the plan is still shopped for.
func TestGenerateListSkipsDeletedRecipes(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	if err := s.store.Recipes().Delete(t.Context(), 2, s.clock.Now()); err != nil {
		t.Fatal(err)
	}
	l, err := s.GenerateList(t.Context(), p, app.GenerateListInput{MealPlanID: plan.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range l.Items {
		if slices.Contains(it.RecipeIDs, 2) {
			t.Errorf("deleted recipe still on the list: %+v", it)
		}
	}
	if eggs := item(t, l, "eggs"); eggs.Quantity != "8" {
		t.Errorf("eggs = %s, want the omelette's 8", eggs.Quantity)
	}
}

// barrierLists holds the first two ForPlan calls until both have arrived,
// so that two generate requests both find no list and both create one.
type barrierLists struct {
	ports.ShoppingListRepository
	arrived sync.WaitGroup
	calls   atomic.Int32
}

func (b *barrierLists) ForPlan(ctx context.Context, userID, planID string) (*shopping.List, error) {
	l, err := b.ShoppingListRepository.ForPlan(ctx, userID, planID)
	if b.calls.Add(1) <= 2 {
		b.arrived.Done()
		b.arrived.Wait()
	}
	return l, err
}

// TestGenerateListTwiceAtOnceMakesOneList: a double click on "generate"
// races two requests for the plan's first list; the store refuses the
// second list of a plan and the loser regenerates the winner's list.
func TestGenerateListTwiceAtOnceMakesOneList(t *testing.T) {
	t.Parallel()
	barrier := &barrierLists{}
	barrier.arrived.Add(2)
	s := newShop(t, func(l ports.ShoppingListRepository) ports.ShoppingListRepository {
		barrier.ShoppingListRepository = l
		return barrier
	})
	p, plan := breakfastWeek(t, s, "metric")
	ids := make([]string, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			l, err := s.GenerateList(t.Context(), p, app.GenerateListInput{MealPlanID: plan.ID})
			if err == nil {
				ids[i] = l.ID
			}
			errs[i] = err
		})
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil || ids[0] != ids[1] {
		t.Fatalf("two generates at once: lists %v, errors %v; want the same list twice", ids, errs)
	}
	lists, total, err := s.store.ShoppingLists().List(t.Context(), p.UserID, 0, 0)
	if err != nil || total != 1 || len(lists[0].Items) == 0 {
		t.Errorf("stored %d lists (%v); want one with its items", total, err)
	}
}
