package recommend_test

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

// byCategory returns the ids of the seed recipes of the category, ascending.
func byCategory(tb testing.TB, category string) []int64 {
	tb.Helper()
	var out []int64
	for _, r := range mustSeed(tb) {
		if r.Category == category {
			out = append(out, r.ID)
		}
	}
	if len(out) < 6 {
		tb.Fatalf("the seed has only %d %s recipes", len(out), category)
	}
	slices.Sort(out)
	return out
}

func breakfastish(r *recipe.Recipe) bool {
	return r.Category == "Breakfast" || slices.ContainsFunc(r.Tags, func(t string) bool {
		return strings.EqualFold(t, "brunch") || strings.EqualFold(t, "breakfast")
	})
}

func snackish(r *recipe.Recipe) bool {
	return slices.Contains([]string{"Dessert", "Starter", "Side"}, r.Category) ||
		slices.ContainsFunc(r.Tags, func(t string) bool {
			return slices.Contains([]string{"street food", "party food", "tapas", "snack"}, strings.ToLower(t))
		})
}

// share is the fraction of the suggestions whose recipe satisfies ok.
func share(tb testing.TB, list []recommend.Suggestion, ok func(*recipe.Recipe) bool) float64 {
	tb.Helper()
	if len(list) == 0 {
		tb.Fatal("no suggestions")
	}
	n := 0
	for _, s := range list {
		if r, _ := mustIndex(tb).Recipe(s.RecipeID); ok(r) {
			n++
		}
	}
	return float64(n) / float64(len(list))
}

func TestMealTypeFit(t *testing.T) {
	t.Parallel()
	dinners := byCategory(t, "Beef")[:5]
	var history []recommend.Planned
	for i, id := range dinners {
		history = append(history, recommend.Planned{RecipeID: id, Date: today.AddDays(-20 - i)})
	}
	tests := []struct {
		name    string
		profile recommend.Profile
		req     recommend.Request
		fits    func(*recipe.Recipe) bool
	}{
		{"breakfast, new user", recommend.Profile{Prefs: prefs(nil)},
			recommend.Request{MealType: planning.Breakfast, Hour: -1, Today: today}, breakfastish},
		{"breakfast, after a month of beef dinners", recommend.Profile{Prefs: prefs(nil), Planned: history,
			Favorites: dinners[:2]}, recommend.Request{MealType: planning.Breakfast, Hour: -1, Today: today}, breakfastish},
		{"eight in the morning", recommend.Profile{Prefs: prefs(nil)},
			recommend.Request{Hour: 8, Today: today}, breakfastish},
		{"dinner", recommend.Profile{Prefs: prefs(nil)},
			recommend.Request{MealType: planning.Dinner, Hour: 8, Today: today},
			func(r *recipe.Recipe) bool { return r.Category != "Breakfast" && r.Category != "Dessert" }},
		{"snacks", recommend.Profile{Prefs: prefs(nil)},
			recommend.Request{MealType: planning.Snacks, Hour: -1, Today: today},
			snackish},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := mustIndex(t).Recommend(tt.profile, nil, tt.req)
			first, _ := mustIndex(t).Recipe(got[0].RecipeID)
			if !tt.fits(first) {
				t.Errorf("first suggestion %q (%s) does not fit", first.Name, first.Category)
			}
			if s := share(t, got, tt.fits); s < 0.75 {
				t.Errorf("only %.0f %% of the suggestions fit", 100*s)
			}
		})
	}
}

func TestExcludedAndPlannedNeverReturned(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	base := recommend.Request{Count: 20, Hour: -1, Today: today}
	first := ids(ix.Recommend(recommend.Profile{Prefs: prefs(nil)}, nil, base))
	tests := []struct {
		name    string
		profile recommend.Profile
		req     recommend.Request
		gone    []int64
	}{
		{"excluded", recommend.Profile{Prefs: prefs(nil)},
			recommend.Request{Count: 20, Hour: -1, Today: today, Exclude: first[:5]}, first[:5]},
		{"in the plan", recommend.Profile{Prefs: prefs(nil)},
			recommend.Request{Count: 20, Hour: -1, Today: today, InPlan: first[5:10]}, first[5:10]},
		{"planned today, 14 days ago and next week", recommend.Profile{Prefs: prefs(nil), Planned: []recommend.Planned{
			{RecipeID: first[0], Date: today}, {RecipeID: first[1], Date: today.AddDays(-14)},
			{RecipeID: first[2], Date: today.AddDays(6)}}}, base, first[:3]},
		{"rated two stars or less", recommend.Profile{Prefs: prefs(nil),
			Ratings: map[int64]int{first[3]: 1, first[4]: 2}}, base, first[3:5]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := ids(ix.Recommend(tt.profile, nil, tt.req))
			for _, id := range tt.gone {
				if slices.Contains(got, id) {
					t.Errorf("recipe %d suggested", id)
				}
			}
			if len(got) != 20 {
				t.Errorf("%d suggestions, want 20", len(got))
			}
		})
	}
}

// TestNovelty: a recipe planned 15 days ago may come back, but scores less
// for novelty than one planned months ago.
func TestNovelty(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	id := byCategory(t, "Seafood")[0]
	req := recommend.Request{Count: 200, Hour: -1, Today: today}
	novelty := func(daysAgo int) int {
		p := recommend.Profile{Prefs: prefs(nil), Planned: []recommend.Planned{{RecipeID: id, Date: today.AddDays(-daysAgo)}}}
		for _, s := range ix.Recommend(p, nil, req) {
			if s.RecipeID == id {
				return points(s, recommend.FactorNovelty)
			}
		}
		t.Fatalf("recipe planned %d days ago not suggested", daysAgo)
		return 0
	}
	if recent, old := novelty(15), novelty(90); recent >= old {
		t.Errorf("novelty points 15 days after planning %d, 90 days after %d", recent, old)
	}
}

func points(s recommend.Suggestion, factor string) int {
	for _, f := range s.Factors {
		if f.Name == factor {
			return f.Points
		}
	}
	return 0
}

func TestTasteFollowsHistory(t *testing.T) {
	t.Parallel()
	for _, category := range []string{"Seafood", "Dessert", "Vegan", "Lamb"} {
		t.Run(category, func(t *testing.T) {
			t.Parallel()
			liked := byCategory(t, category)
			p := recommend.Profile{Prefs: prefs(nil), Favorites: liked[:3], Ratings: map[int64]int{liked[3]: 5}}
			got := mustIndex(t).Recommend(p, nil, recommend.Request{Hour: -1, Today: today, Exclude: liked[:4]})
			if s := share(t, got, func(r *recipe.Recipe) bool { return r.Category == category }); s < 0.5 {
				t.Errorf("only %.0f %% of the suggestions are %s", 100*s, category)
			}
			if !strings.HasPrefix(got[0].Reason, "Similar to") || got[0].Factors[0].Name != recommend.FactorTaste {
				t.Errorf("first suggestion explained by %q, factors %+v", got[0].Reason, got[0].Factors)
			}
		})
	}
}

func TestPreferencesReason(t *testing.T) {
	t.Parallel()
	p := recommend.Profile{Prefs: prefs(func(p *user.Preferences) {
		p.FavoriteCuisines = []string{"Asian"}
		p.Dietary = []string{"Vegan"}
	})}
	got := mustIndex(t).Recommend(p, nil, recommend.Request{Hour: -1, Today: today})
	asian := []string{"Chinese", "Japanese", "Korean", "Thai", "Vietnamese", "Indian", "Indonesian", "Malaysian", "Filipino", "Pakistani"}
	if s := share(t, got, func(r *recipe.Recipe) bool { return slices.Contains(asian, r.Cuisine) }); s < 0.75 {
		t.Errorf("only %.0f %% of the suggestions are Asian", 100*s)
	}
	if want := "Based on your preference for Asian cuisine and vegan meals"; got[0].Reason != want {
		t.Errorf("reason %q, want %q", got[0].Reason, want)
	}
}

// TestSimilarCooks: when everyone who chose one recipe also chose an
// unrelated one, someone who likes the first is offered the second.
func TestSimilarCooks(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	liked, paired := byCategory(t, "Dessert")[0], byCategory(t, "Goat")[0]
	in := recommend.NewInteractions()
	for _, u := range []string{"ann", "bob", "cat", "dan", "eve", "fay"} {
		in.Add(u, liked, 1)
		in.Add(u, paired, 1)
	}
	p := recommend.Profile{Prefs: prefs(nil), Favorites: []int64{liked}}
	req := recommend.Request{Hour: -1, Today: today}
	without := ids(ix.Recommend(p, nil, req))
	with := ix.Recommend(p, in.CoOccurrence(0), req)
	if slices.Contains(without, paired) {
		t.Fatalf("recipe %d is suggested even without co-occurrence: the test proves nothing", paired)
	}
	i := slices.Index(ids(with), paired)
	if i < 0 {
		t.Fatalf("recipe %d not suggested: %v", paired, ids(with))
	}
	name, _ := ix.Recipe(liked)
	if d := describe(with[i], recommend.FactorPeople); !strings.Contains(d, name.Name) {
		t.Errorf("similar cooks described as %q, want it to name %q", d, name.Name)
	}
}

func describe(s recommend.Suggestion, factor string) string {
	for _, f := range s.Factors {
		if f.Name == factor {
			return f.Description
		}
	}
	return ""
}

func TestColdStart(t *testing.T) {
	t.Parallel()
	got := mustIndex(t).Recommend(recommend.Profile{Prefs: prefs(nil)}, nil, recommend.Request{Hour: -1, Today: today})
	if len(got) != recommend.DefaultCount {
		t.Fatalf("%d suggestions, want %d", len(got), recommend.DefaultCount)
	}
	// Knowing nothing but defaults, no recipe should claim a near-perfect match.
	if got[0].Score >= 60 {
		t.Errorf("a new user's best suggestion scores %d", got[0].Score)
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	ix := mustIndex(t)
	p := benchProfile(mustSeed(t))
	co := benchInteractions(mustSeed(t))
	req := recommend.Request{Count: 20, MealType: planning.Lunch, Hour: -1, Today: today}
	first := ix.Recommend(p, co, req)
	for range 5 {
		if again := ix.Recommend(p, co, req); !reflect.DeepEqual(first, again) {
			t.Fatalf("results differ between calls:\n%v\n%v", first, again)
		}
	}
}

func TestPopularRanksByPopularity(t *testing.T) {
	t.Parallel()
	rs := mustSeed(t)
	in := recommend.NewInteractions()
	// Recipe i of the first ten is chosen by 10-i people.
	for i := range 10 {
		for u := range 10 - i {
			in.Add(string(rune('a'+u)), rs[i].ID, 1)
		}
	}
	got := mustIndex(t).Popular(recommend.Profile{Prefs: prefs(nil)}, in.CoOccurrence(0), recommend.Request{Count: 5, Hour: -1, Today: today})
	want := []int64{rs[0].ID, rs[1].ID, rs[2].ID, rs[3].ID, rs[4].ID}
	if !slices.Equal(ids(got), want) {
		t.Errorf("popular %v, want %v", ids(got), want)
	}
	if got[0].Score != 100 || got[1].Score >= 100 {
		t.Errorf("scores %d, %d: want the most popular at 100 and the next below", got[0].Score, got[1].Score)
	}
}

// TestTiesBrokenByID: with no one's interactions and no ratings, every
// recipe is equally popular, so the baseline lists the lowest ids.
func TestTiesBrokenByID(t *testing.T) {
	t.Parallel()
	all := make([]int64, 0, len(mustSeed(t)))
	for _, r := range mustSeed(t) {
		all = append(all, r.ID)
	}
	slices.Sort(all)
	got := mustIndex(t).Popular(recommend.Profile{Prefs: prefs(nil)}, nil, recommend.Request{Count: 12, Hour: -1, Today: today})
	if !slices.Equal(ids(got), all[:12]) {
		t.Errorf("ties ranked %v, want %v", ids(got), all[:12])
	}
	if got[0].Score != 0 || got[0].Reason == "" || len(got[0].Factors) != 0 {
		t.Errorf("a recipe nobody chose: %+v", got[0])
	}
}
