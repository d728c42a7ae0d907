package recommend_test

import (
	"testing"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

// benchProfile is an active person: favourites, ratings and a month of
// dinners, a diet, an allergy, a dislike and favourite cuisines.
func benchProfile(rs []*recipe.Recipe) recommend.Profile {
	p := recommend.Profile{Ratings: map[int64]int{}, Prefs: prefs(func(p *user.Preferences) {
		p.Dietary = []string{"Vegetarian"}
		p.Allergies = []string{"Peanuts"}
		p.DislikedIngredients = []string{"mushroom"}
		p.FavoriteCuisines = []string{"Indian", "Italian"}
	})}
	for i := 0; i < 60 && i < len(rs); i += 3 {
		p.Favorites = append(p.Favorites, rs[i].ID)
		p.Ratings[rs[i+1].ID] = 1 + i%5
		p.Planned = append(p.Planned, recommend.Planned{RecipeID: rs[i+2].ID, Date: today.AddDays(-i)})
	}
	return p
}

// benchInteractions are 2 000 people each choosing 30 recipes of the catalogue.
func benchInteractions(rs []*recipe.Recipe) *recommend.CoOccurrence {
	in := recommend.NewInteractions()
	for u := range 2000 {
		for j := range 30 {
			in.Add(string(rune('a'+u%26))+string(rune(u)), rs[(u*7+j*j*13)%len(rs)].ID, 1)
		}
	}
	return in.CoOccurrence(0)
}

func benchRecommend(b *testing.B, rs []*recipe.Recipe) {
	ix := recommend.NewIndex(rs)
	p, co := benchProfile(rs), benchInteractions(rs)
	req := recommend.Request{Count: 8, MealType: planning.Dinner, Hour: -1, Today: today}
	b.ResetTimer()
	for b.Loop() {
		if len(ix.Recommend(p, co, req)) == 0 {
			b.Fatal("no suggestions")
		}
	}
}

func BenchmarkRecommendSeed(b *testing.B) { benchRecommend(b, mustSeed(b)) }

func BenchmarkRecommend100k(b *testing.B) {
	benchRecommend(b, recipe.Synthesize(7, mustSeed(b), 100_000, 1))
}
