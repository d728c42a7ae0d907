package generator_test

import (
	"math/rand/v2"
	"testing"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/planning/generator"
	"github.com/mealplanner/backend/domain/recipe"
)

// TestIncrementalCostMatchesRecomputation guards the search's bookkeeping:
// after any sequence of moves the running cost equals the objective
// computed afresh, with kept slots and repeats in play.
func TestIncrementalCostMatchesRecomputation(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		cat  []*recipe.Recipe
		req  generator.Request
	}{
		{"seed, every meal", mustSeed(t), generator.Request{}},
		{"seed, vegan high protein", mustSeed(t), generator.Request{Targets: generator.Targets{Calories: 2500,
			Protein: 180}, Restrictions: recipe.Restrictions{Dietary: []string{"Vegan"}}}},
		{"few dinners, forced repeats", feasibleCatalogue()[30:36], generator.Request{
			MealTypes: []planning.MealType{planning.Lunch, planning.Dinner}}},
		{"kept slots", feasibleCatalogue(), generator.Request{Existing: mustExisting(t, feasibleCatalogue()),
			KeepExisting: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.req.WeekStart, c.req.Now, c.req.Seed = week, now, 4
			drift, changed, err := generator.IncrementalDrift(c.cat, c.req, 3000)
			if err != nil {
				t.Fatal(err)
			}
			if changed < 1000 {
				t.Errorf("only %d of 3000 moves changed the state", changed)
			}
			if drift > 1e-6 {
				t.Errorf("running cost drifted %.3g from the recomputed objective", drift)
			}
		})
	}
}

// TestSurelyRefusedIsASubsetOfAllows checks the pre-check's one promise:
// it never refuses a recipe that Allows accepts.
func TestSurelyRefusedIsASubsetOfAllows(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(5, 6))
	cat := append(append([]*recipe.Recipe{}, mustSeed(t)...), recipe.Synthesize(3, mustSeed(t), 3000, 1)...)
	refused := 0
	for range 60 {
		req := randomRequest(rng)
		if rng.IntN(2) == 0 { // spelling as a client might send it
			req.Restrictions.Dietary = append(req.Restrictions.Dietary, " vegan ")
		}
		for _, r := range cat {
			if !generator.SurelyRefused(req.Restrictions, r) {
				continue
			}
			refused++
			if req.Restrictions.Allows(r) {
				t.Fatalf("%+v: recipe %d refused early but allowed", req.Restrictions, r.ID)
			}
		}
	}
	if refused == 0 {
		t.Error("the pre-check refused nothing: the test proves nothing")
	}
}

func TestThousands(t *testing.T) {
	t.Parallel()
	cases := map[float64]string{0: "0", 640: "640", 999.6: "1 000", 1980: "1 980", 2000: "2 000",
		12345.4: "12 345", 1234567: "1 234 567", -1500: "-1 500"}
	for x, want := range cases {
		if got := generator.Thousands(x); got != want {
			t.Errorf("Thousands(%v) = %q, want %q", x, got, want)
		}
	}
}

func TestDayTarget(t *testing.T) {
	t.Parallel()
	b, l, d, s := planning.Breakfast, planning.Lunch, planning.Dinner, planning.Snacks
	cases := []struct {
		meals []planning.MealType
		want  float64
	}{
		{[]planning.MealType{b, l, d, s}, 2000},
		{[]planning.MealType{b, l, d}, 2000},
		{[]planning.MealType{d}, 2000 * 35.0 / 95},
		{[]planning.MealType{l, d}, 2000 * 70.0 / 95},
		{[]planning.MealType{s}, 2000 * 10.0 / 105},
		{nil, 0},
	}
	for _, c := range cases {
		if got := generator.DayTarget(2000, c.meals); !near(got, c.want) {
			t.Errorf("DayTarget(2000, %v) = %.2f, want %.2f", c.meals, got, c.want)
		}
	}
}
