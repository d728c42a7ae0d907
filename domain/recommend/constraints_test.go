package recommend_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

// Vocabulary of the random profiles: contract values in odd spellings and
// free text that only partly matches ingredient names.
var (
	anyDiets     = []string{"vegan", "Vegetarian", " GLUTEN-FREE ", "Dairy-Free", "Pescatarian", "nut-free", "Keto"}
	anyAllergies = []string{"Peanuts", "tree nuts", "SHELLFISH", "Eggs", "dairy", "Gluten", "Sesame", "Fish",
		"Soy", "nut", "shrimp", "egg", "Milk", "sesame oil", "Anchov"}
	anyDislikes = []string{"mushroom", "Coriander", "onion", "CHILLI", "pork", "cheese", "garlic", "lamb"}
	anyCuisines = []string{"Asian", "Italian", "mexican", "Mediterranean", "Korean"}
)

func pickSome(rng *rand.Rand, from []string, most int) []string {
	var out []string
	for range rng.IntN(most + 1) {
		out = append(out, from[rng.IntN(len(from))])
	}
	return out
}

func randomID(rng *rand.Rand, rs []*recipe.Recipe) int64 { return rs[rng.IntN(len(rs))].ID }

func randomProfile(rng *rand.Rand, rs []*recipe.Recipe) recommend.Profile {
	p := recommend.Profile{Ratings: map[int64]int{}, Prefs: prefs(func(p *user.Preferences) {
		p.Dietary = pickSome(rng, anyDiets, 2)
		p.Allergies = pickSome(rng, anyAllergies, 2)
		p.DislikedIngredients = pickSome(rng, anyDislikes, 2)
		p.FavoriteCuisines = pickSome(rng, anyCuisines, 2)
		p.SkillLevel = []string{"beginner", "intermediate", "advanced", ""}[rng.IntN(4)]
		if rng.IntN(2) == 0 {
			limit := 10 + rng.IntN(50)
			p.MaxPrepTime = &limit
		}
	})}
	for range rng.IntN(9) {
		p.Favorites = append(p.Favorites, randomID(rng, rs))
		p.Ratings[randomID(rng, rs)] = 1 + rng.IntN(5)
	}
	for range rng.IntN(12) {
		p.Planned = append(p.Planned, recommend.Planned{RecipeID: randomID(rng, rs), Date: today.AddDays(7 - rng.IntN(50))})
	}
	return p
}

func randomRequest(rng *rand.Rand, rs []*recipe.Recipe) recommend.Request {
	req := recommend.Request{Count: rng.IntN(26), Hour: rng.IntN(25) - 1, Today: today,
		MealType: []planning.MealType{"", planning.Breakfast, planning.Lunch, planning.Dinner, planning.Snacks}[rng.IntN(5)]}
	for range rng.IntN(6) {
		req.Exclude = append(req.Exclude, randomID(rng, rs))
		req.InPlan = append(req.InPlan, randomID(rng, rs))
	}
	return req
}

// randomInteractions are 300 people each choosing a dozen recipes.
func randomInteractions(rng *rand.Rand, rs []*recipe.Recipe) *recommend.CoOccurrence {
	in := recommend.NewInteractions()
	for u := range 300 {
		for range 12 {
			in.Add(string(rune('A'+u%26))+strings.Repeat("x", u/26), randomID(rng, rs), 0.5+rng.Float64())
		}
	}
	return in.CoOccurrence(0)
}

// forbidden is what the contract says may never be suggested, worked out
// here independently of the recommender.
func forbidden(p recommend.Profile, req recommend.Request, r *recipe.Recipe) string {
	x := recipe.Restrictions{Dietary: p.Prefs.Dietary, Allergies: p.Prefs.Allergies, Dislikes: p.Prefs.DislikedIngredients}
	switch {
	case !x.Allows(r):
		return "breaks a restriction: " + x.Violation(r)
	case slices.Contains(req.Exclude, r.ID):
		return "excluded"
	case slices.Contains(req.InPlan, r.ID):
		return "already in the plan"
	case p.Ratings[r.ID] >= 1 && p.Ratings[r.ID] <= 2:
		return "rated poorly"
	}
	for _, pl := range p.Planned {
		if pl.RecipeID == r.ID && today.Sub(pl.Date) <= recommend.RecentDays {
			return "planned in the last 14 days or ahead"
		}
	}
	return ""
}

// TestNeverBreaksHardConstraints runs many random profiles and requests
// through both rankers and checks every list against the contract: nothing
// forbidden, no duplicates, as many as asked when enough recipes qualify,
// scores 0–100 best first, factors adding up to the score, a reason.
func TestNeverBreaksHardConstraints(t *testing.T) {
	t.Parallel()
	rs, ix := mustSeed(t), mustIndex(t)
	rng := rand.New(rand.NewPCG(11, 12))
	co := randomInteractions(rng, rs)
	restricted, returned := 0, 0
	for run := range 150 {
		p, req := randomProfile(rng, rs), randomRequest(rng, rs)
		want := req.Count
		if want <= 0 {
			want = recommend.DefaultCount
		}
		want = countAllowed(rs, want, func(r *recipe.Recipe) bool { return forbidden(p, req, r) == "" })
		for name, got := range map[string][]recommend.Suggestion{
			"Recommend": ix.Recommend(p, co, req), "Popular": ix.Popular(p, co, req)} {
			checkList(t, run, name, got, want, func(r *recipe.Recipe) string { return forbidden(p, req, r) })
			returned += len(got)
		}
		if len(p.Prefs.Dietary) > 0 && len(p.Prefs.Allergies) > 0 {
			restricted++
		}
	}
	if restricted < 40 || returned < 1500 {
		t.Fatalf("the random profiles test too little: %d with diets and allergies, %d suggestions", restricted, returned)
	}
}

// countAllowed is how many recipes ok allows, counting no further than limit.
func countAllowed(rs []*recipe.Recipe, limit int, ok func(*recipe.Recipe) bool) int {
	n := 0
	for _, r := range rs {
		if n == limit {
			break
		}
		if ok(r) {
			n++
		}
	}
	return n
}

func checkList(t *testing.T, run int, name string, got []recommend.Suggestion, want int, why func(*recipe.Recipe) string) {
	t.Helper()
	ix := mustIndex(t)
	if len(got) != want {
		t.Errorf("run %d %s: %d suggestions, want %d", run, name, len(got), want)
	}
	seen := map[int64]bool{}
	for i, s := range got {
		r, ok := ix.Recipe(s.RecipeID)
		if !ok {
			t.Fatalf("run %d %s: unknown recipe %d", run, name, s.RecipeID)
		}
		if problem := why(r); problem != "" {
			t.Errorf("run %d %s: suggested %d %q, which is %s", run, name, r.ID, r.Name, problem)
		}
		if seen[s.RecipeID] {
			t.Errorf("run %d %s: %d suggested twice", run, name, s.RecipeID)
		}
		seen[s.RecipeID] = true
		checkSuggestion(t, run, name, got, i)
	}
}

// checkSuggestion checks the i-th suggestion's score, order, reason and factors.
func checkSuggestion(t *testing.T, run int, name string, got []recommend.Suggestion, i int) {
	t.Helper()
	s := got[i]
	switch {
	case s.Score < 0 || s.Score > 100:
		t.Errorf("run %d %s: score %d out of range", run, name, s.Score)
	case i > 0 && s.Score > got[i-1].Score:
		t.Errorf("run %d %s: not best first at %d (%d after %d)", run, name, i, s.Score, got[i-1].Score)
	case s.Reason == "":
		t.Errorf("run %d %s: no reason for %d", run, name, s.RecipeID)
	}
	checkFactors(t, run, name, s)
}

func checkFactors(t *testing.T, run int, name string, s recommend.Suggestion) {
	t.Helper()
	sum := 0
	for i, f := range s.Factors {
		sum += f.Points
		if f.Points <= 0 || f.Name == "" || f.Description == "" || i > 0 && f.Points > s.Factors[i-1].Points {
			t.Errorf("run %d %s: factor %+v of %d is empty or out of order", run, name, f, s.RecipeID)
		}
	}
	if sum != s.Score {
		t.Errorf("run %d %s: factors of %d add up to %d, score %d", run, name, s.RecipeID, sum, s.Score)
	}
}

// TestBlockedIsWhatRecommendNeverReturns: Blocked names the excluded, the
// plan's, the recently or future planned and the poorly rated recipes, and
// a recommendation over the whole catalogue returns none of them.
func TestBlockedIsWhatRecommendNeverReturns(t *testing.T) {
	t.Parallel()
	ix, rs := mustIndex(t), mustSeed(t)
	today, _ := planning.ParseDate("2026-11-25")
	p := recommend.Profile{Ratings: map[int64]int{rs[0].ID: 2, rs[1].ID: 1, rs[2].ID: 3, rs[3].ID: 5},
		Planned: []recommend.Planned{{RecipeID: rs[4].ID, Date: today.AddDays(-14)},
			{RecipeID: rs[5].ID, Date: today.AddDays(-15)}, {RecipeID: rs[6].ID, Date: today.AddDays(3)}}}
	req := recommend.Request{Count: len(rs), Hour: -1, Today: today, Exclude: []int64{rs[7].ID}, InPlan: []int64{rs[8].ID}}
	want := []int64{rs[0].ID, rs[1].ID, rs[4].ID, rs[6].ID, rs[7].ID, rs[8].ID}
	got := recommend.Blocked(p, req)
	if len(got) != len(want) {
		t.Errorf("Blocked = %v, want exactly %v", got, want)
	}
	for _, id := range want {
		if !got[id] {
			t.Errorf("Blocked lacks %d", id)
		}
	}
	for _, s := range ix.Recommend(p, nil, req) {
		if got[s.RecipeID] {
			t.Errorf("Recommend returned blocked recipe %d", s.RecipeID)
		}
	}
}
