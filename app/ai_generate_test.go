package app_test

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// genWeek is the fixture week: 2026-11-22 is a Sunday.
const genWeek = "2026-11-22"

func (g genRig) generate(t *testing.T, p app.Principal, q app.GeneratePlanQuery) app.GeneratedPlan {
	t.Helper()
	if q.WeekStart == "" {
		q.WeekStart = genWeek
	}
	res, err := g.ai.GeneratePlan(context.Background(), p, q)
	if err != nil {
		t.Fatalf("GeneratePlan: %v", err)
	}
	return res
}

// stored is the user's saved plan of the fixture week.
func (g genRig) stored(t *testing.T, userID string) *planning.Plan {
	t.Helper()
	p, err := g.store.Plans().ForWeek(context.Background(), userID, planning.NewDate(2026, time.November, 22))
	if err != nil {
		t.Fatalf("the generated plan was not saved: %v", err)
	}
	return p
}

// eachSlot calls fn with every slot of p and its recipe, failing on a
// recipe missing from the catalogue.
func (g genRig) eachSlot(t *testing.T, p *planning.Plan, fn func(d planning.Date, m planning.MealType, s planning.Slot, r *recipe.Recipe)) {
	t.Helper()
	for _, day := range p.DaysInOrder() {
		for _, m := range day.Meals {
			r, err := g.cat.Recipes.Get(context.Background(), m.Slot.RecipeID)
			if err != nil {
				t.Fatalf("%s %s: recipe %d: %v", day.Date, m.Type, m.Slot.RecipeID, err)
			}
			fn(day.Date, m.Type, m.Slot, r)
		}
	}
}

func TestGeneratePlanNeverBreaksTheUsersRestrictions(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, nil, nil)
	users := map[string]func(*user.Preferences){
		"vegan": func(p *user.Preferences) { p.Dietary = []string{"Vegan"} },
		"coeliac": func(p *user.Preferences) {
			p.Dietary, p.Allergies = []string{"Gluten-Free"}, []string{"Gluten"}
		},
		"nuts": func(p *user.Preferences) {
			p.Allergies, p.DislikedIngredients = []string{"Peanuts", "Tree Nuts", "sesame"}, []string{"mushroom"}
		},
	}
	for id, edit := range users {
		pr := mustPrefsUser(t, g.store, id, edit)
		u, _ := g.store.Users().Get(context.Background(), id)
		x := recipe.Restrictions{Dietary: u.Preferences.Dietary, Allergies: u.Preferences.Allergies,
			Dislikes: u.Preferences.DislikedIngredients}
		res := g.generate(t, pr, app.GeneratePlanQuery{})
		saved := g.stored(t, id)
		if saved.MealCount() < 14 || saved.MealCount() != res.Plan.MealCount() {
			t.Fatalf("%s: %d meals saved, %d generated, want the same and at least 14", id, saved.MealCount(), res.Plan.MealCount())
		}
		g.eachSlot(t, saved, func(d planning.Date, m planning.MealType, _ planning.Slot, r *recipe.Recipe) {
			if v := x.Violation(r); v != "" {
				t.Errorf("%s: %s %s holds %q, which is %s", id, d, m, r.Name, v)
			}
		})
	}
}

func TestGeneratePlanSavesSlotsLikeThePlanner(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, withImages(t), nil)
	pr := mustPrefsUser(t, g.store, "ann", func(p *user.Preferences) { p.HouseholdSize = 3 })
	res := g.generate(t, pr, app.GeneratePlanQuery{MealTypes: []string{"Dinner", "lunch"}})
	saved := g.stored(t, "ann")
	if saved.ID == "" || saved.ID != res.Plan.ID || saved.UserID != "ann" || saved.Version != 1 {
		t.Fatalf("saved plan %q of %q version %d; response plan %q", saved.ID, saved.UserID, saved.Version, res.Plan.ID)
	}
	if saved.MealCount() != 14 || len(res.Explanations) != 14 {
		t.Errorf("%d meals and %d explanations, want 14 lunches and dinners", saved.MealCount(), len(res.Explanations))
	}
	g.eachSlot(t, saved, func(d planning.Date, m planning.MealType, s planning.Slot, r *recipe.Recipe) {
		if m != planning.Lunch && m != planning.Dinner {
			t.Errorf("%s: %s was not asked for", d, m)
		}
		if s.Servings != 3 || s.RecipeName != r.Name || s.Category != r.Category || !s.AddedAt.Equal(planStart) {
			t.Errorf("%s %s: slot %+v does not copy recipe %q for a household of 3", d, m, s, r.Name)
		}
		if want := firstNonEmpty(r.Images.Thumbnail, r.Images.Medium, r.Images.Original); want == "" || s.Thumbnail != want {
			t.Errorf("%s %s: thumbnail %q, want %q", d, m, s.Thumbnail, want)
		}
	})
	two := 2
	again := g.generate(t, pr, app.GeneratePlanQuery{Servings: &two, KeepExisting: new(false)})
	for _, e := range again.Explanations {
		if s, _ := again.Plan.Get(e.Date, e.MealType); s.Servings != 2 {
			t.Fatalf("servings %d, want the 2 asked for", s.Servings)
		}
	}
}

// withImages is the seed catalogue with a thumbnail and a medium image per
// recipe, so that which one a slot shows can be told.
func withImages(t *testing.T) []recipe.Recipe {
	t.Helper()
	rs, err := seedRecipes()
	if err != nil {
		t.Fatal(err)
	}
	for i := range rs {
		id := strconv.FormatInt(rs[i].ID, 10)
		rs[i].Images = recipe.Images{Thumbnail: "http://img/" + id + "-200.jpg", Medium: "http://img/" + id + "-600.jpg"}
	}
	return rs
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

func TestGeneratePlanIsReproducible(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, nil, nil)
	pr := mustPrefsUser(t, g.store, "bo", nil)
	first := planLayout(g.generate(t, pr, app.GeneratePlanQuery{}).Plan)
	again := g.generate(t, pr, app.GeneratePlanQuery{KeepExisting: new(false)})
	if got := planLayout(again.Plan); !sameLayout(got, first) {
		t.Errorf("regenerating the week with the same seed changed it:\n%v\n%v", first, got)
	}
	if len(again.Explanations) != len(first) {
		t.Errorf("%d picks on regeneration, want all %d slots picked anew", len(again.Explanations), len(first))
	}
	seed := uint64(7)
	a := planLayout(g.generate(t, pr, app.GeneratePlanQuery{Seed: &seed, KeepExisting: new(false)}).Plan)
	b := planLayout(g.generate(t, pr, app.GeneratePlanQuery{Seed: &seed, KeepExisting: new(false)}).Plan)
	if !sameLayout(a, b) {
		t.Error("an explicit seed gave two different plans")
	}
	if stored := planLayout(g.stored(t, "bo")); !sameLayout(stored, b) {
		t.Error("the stored plan is not the one returned")
	}
}

func sameLayout(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestGeneratePlanKeepsOrReplacesExistingSlots(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, nil, nil)
	pr := mustPrefsUser(t, g.store, "cy", nil)
	week := planning.NewDate(2026, time.November, 22)
	mine := planning.NewPlan("cy-plan", "cy", week, planStart.Add(-time.Hour))
	slot, _ := planning.NewSlot(1172, "Chana Masala", "", "Vegan", 5, "my own", planStart.Add(-time.Hour))
	monday := week.AddDays(1)
	if err := mine.Set(monday, planning.Dinner, slot, planStart); err != nil {
		t.Fatal(err)
	}
	if err := g.store.Plans().Save(context.Background(), mine); err != nil {
		t.Fatal(err)
	}
	kept := g.generate(t, pr, app.GeneratePlanQuery{})
	if kept.Plan.ID != "cy-plan" || kept.Plan.Version != 2 {
		t.Fatalf("plan %q version %d, want the stored plan updated in place", kept.Plan.ID, kept.Plan.Version)
	}
	if s, _ := g.stored(t, "cy").Get(monday, planning.Dinner); s != slot {
		t.Errorf("kept slot became %+v", s)
	}
	for _, e := range kept.Explanations {
		if e.Date.Equal(monday) && e.MealType == planning.Dinner {
			t.Error("the kept slot was explained as a new pick")
		}
	}
	replaced := g.generate(t, pr, app.GeneratePlanQuery{KeepExisting: new(false)})
	s, ok := g.stored(t, "cy").Get(monday, planning.Dinner)
	if !ok || s.Note != "" || s.Servings != 2 || !s.AddedAt.Equal(planStart) {
		t.Errorf("with keepExisting false Monday's dinner is %+v, want a new pick", s)
	}
	if replaced.Plan.MealCount() != 28 || len(replaced.Explanations) != 28 {
		t.Errorf("%d meals, %d picks, want 28 new picks", replaced.Plan.MealCount(), len(replaced.Explanations))
	}
}

func TestGeneratePlanTargetsAndLimits(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, nil, nil)
	pr := mustPrefsUser(t, g.store, "di", func(p *user.Preferences) {
		p.NutritionTargets = &user.NutritionTargets{Calories: 2600, Protein: 130, Carbohydrate: 300, Fat: 90}
		p.MaxPrepTime = new(20)
	})
	res := g.generate(t, pr, app.GeneratePlanQuery{})
	if res.Targets != (generator.Targets{Calories: 2600, Protein: 130, Carbohydrate: 300, Fat: 90}) {
		t.Errorf("targets %+v, want the user's", res.Targets)
	}
	g.eachSlot(t, res.Plan, func(d planning.Date, m planning.MealType, _ planning.Slot, r *recipe.Recipe) {
		if r.PrepTime > 20 {
			t.Errorf("%s %s: %q takes %d minutes to prepare, over the user's 20", d, m, r.Name, r.PrepTime)
		}
	})
	budget := 40.0
	res = g.generate(t, pr, app.GeneratePlanQuery{KeepExisting: new(false), Targets: &app.PlanTargets{Calories: 1800},
		MaxPrepTime: map[string]int{"Dinner": 15}, Budget: &budget})
	if res.Targets.Calories != 1800 || res.Targets.Protein != 90 {
		t.Errorf("targets %+v, want 1800 kcal with the default 20 %% protein (90 g)", res.Targets)
	}
	g.eachSlot(t, res.Plan, func(d planning.Date, m planning.MealType, _ planning.Slot, r *recipe.Recipe) {
		if m == planning.Dinner && r.PrepTime > 15 {
			t.Errorf("%s dinner %q takes %d minutes, over 15", d, r.Name, r.PrepTime)
		}
	})
	if len(res.Notes) != 1 || res.Notes[0] != app.NoteBudgetIgnored {
		t.Errorf("notes %v, want the budget note", res.Notes)
	}
}

func TestGeneratePlanWithoutCandidatesSavesNothing(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, []recipe.Recipe{stew(1, "Beef Stew"), stew(2, "Irish Stew")}, nil)
	pr := mustPrefsUser(t, g.store, "ed", func(p *user.Preferences) { p.Dietary = []string{"Vegan"} })
	_, err := g.ai.GeneratePlan(context.Background(), pr, app.GeneratePlanQuery{WeekStart: genWeek})
	de := wantPlanError(t, err, domain.CodeValidation, generator.ErrNoCandidates.Message)
	if _, ok := de.Details["constraints"]; !ok {
		t.Errorf("details %v do not say what to relax", de.Details)
	}
	if _, err := g.store.Plans().ForWeek(context.Background(), "ed", planning.NewDate(2026, time.November, 22)); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("a plan was stored anyway (%v)", err)
	}
}

func TestGeneratePlanRetriesAStaleSave(t *testing.T) {
	t.Parallel()
	var r *rival
	g := newGenRig(t, nil, func(p ports.PlanRepository) ports.PlanRepository {
		r = &rival{PlanRepository: p, times: 1}
		return r
	})
	pr := mustPrefsUser(t, g.store, "flo", nil)
	res := g.generate(t, pr, app.GeneratePlanQuery{MealTypes: []string{"dinner"}})
	saved := g.stored(t, "flo")
	snack, ok := saved.Get(saved.WeekEnd(), planning.Snacks)
	if !ok || snack.RecipeID != pancakes || saved.ID != res.Plan.ID {
		t.Errorf("the retry lost the rival's snack (%+v) or saved another plan", snack)
	}
	if saved.MealCount() != 8 {
		t.Errorf("%d meals, want 7 dinners and the rival's snack", saved.MealCount())
	}
}

func TestGeneratePlanRefusesBadInput(t *testing.T) {
	t.Parallel()
	g := newGenRig(t, []recipe.Recipe{stew(1, "Beef Stew")}, nil)
	pr := mustPrefsUser(t, g.store, "gus", nil)
	zero, many, minus := 0, 21, -1.0
	tests := []struct {
		name  string
		q     app.GeneratePlanQuery
		field string
	}{
		{"no week", app.GeneratePlanQuery{}, "weekStart"},
		{"bad week", app.GeneratePlanQuery{WeekStart: "2026-02-30"}, "weekStart"},
		{"meal type", app.GeneratePlanQuery{WeekStart: genWeek, MealTypes: []string{"dinner", "brunch"}}, "mealTypes[1]"},
		{"no servings", app.GeneratePlanQuery{WeekStart: genWeek, Servings: &zero}, "servings"},
		{"too many servings", app.GeneratePlanQuery{WeekStart: genWeek, Servings: &many}, "servings"},
		{"low calories", app.GeneratePlanQuery{WeekStart: genWeek, Targets: &app.PlanTargets{Calories: 500}}, "targets.calories"},
		{"high calories", app.GeneratePlanQuery{WeekStart: genWeek, Targets: &app.PlanTargets{Calories: 6500}}, "targets.calories"},
		{"negative fat", app.GeneratePlanQuery{WeekStart: genWeek, Targets: &app.PlanTargets{Fat: -1}}, "targets.fat"},
		{"prep zero", app.GeneratePlanQuery{WeekStart: genWeek, MaxPrepTime: map[string]int{"lunch": 0}}, "maxPrepTime.lunch"},
		{"prep long", app.GeneratePlanQuery{WeekStart: genWeek, MaxPrepTime: map[string]int{"dinner": 601}}, "maxPrepTime.dinner"},
		{"prep key", app.GeneratePlanQuery{WeekStart: genWeek, MaxPrepTime: map[string]int{"brunch": 30}}, "maxPrepTime"},
		{"budget", app.GeneratePlanQuery{WeekStart: genWeek, Budget: &minus}, "budget"},
	}
	for _, tt := range tests {
		_, err := g.ai.GeneratePlan(context.Background(), pr, tt.q)
		de := wantPlanError(t, err, domain.CodeValidation, "")
		if _, ok := de.Details[tt.field]; !ok {
			t.Errorf("%s: details %v lack %q", tt.name, de.Details, tt.field)
		}
	}
	if _, err := g.store.Plans().ForWeek(context.Background(), "gus", planning.NewDate(2026, time.November, 22)); !domain.IsCode(err, domain.CodeNotFound) {
		t.Errorf("a refused request stored a plan (%v)", err)
	}
}
