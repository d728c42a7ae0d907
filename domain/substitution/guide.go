package substitution

import (
	"embed"
	"fmt"
	"math"
	"path"
	"slices"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/recipe"
)

//go:embed data/*.txt
var data embed.FS

// Guide answers "what can I use instead of X?" from the embedded knowledge
// base. It is immutable and safe for concurrent use.
type Guide struct {
	table *food.Table
	// lists holds each original's alternatives, best first, by food key.
	lists map[string][]alternative
}

// Options narrow and order the answer. The zero value asks for every
// alternative in the knowledge base's order.
type Options struct {
	// Dietary values (contract spellings, any case) every alternative must keep.
	Dietary []string
	// Allergies are contract allergens (or everyday words for them: "nuts",
	// "milk", "wheat"), matched by the foods' flags, or any other free text,
	// matched case-insensitively inside the names of the foods.
	Allergies []string
	// Recipe, when given, is the dish the ingredient is for: alternatives
	// made for the way it uses the ingredient come first, those made for
	// other uses are left out (see useOf).
	Recipe *recipe.Recipe
}

// Substitute is one alternative to an ingredient.
type Substitute struct {
	// Food is the food-table key of the main food of the alternative.
	Food string
	// Name is what to show: the food key, or a preparation of it ("flax egg").
	Name string
	// Ratio says how much to use ("1:1", "3 tbsp per 4 tbsp butter").
	Ratio string
	// Impact is the effect on taste and texture.
	Impact string
	// Reason says why the alternative works.
	Reason string
	// Dietary lists, in the contract's order, the dietary values that none
	// of the alternative's foods breaks, by the food table's flags.
	Dietary []string
	// Nutrition compares the main food with the original.
	Nutrition NutritionImpact
}

// NutritionImpact is the main food of a substitute minus the original, per
// 100 g of each as the food table gives them: a like-for-like comparison of
// the foods, not of the amounts a ratio calls for.
type NutritionImpact struct {
	Calories int     // kcal, rounded
	Protein  float64 // g, to one decimal
	Fat      float64 // g, to one decimal
}

// alternative is a Substitute with what filtering and ordering need.
type alternative struct {
	Substitute
	uses  use
	flags food.Flags // of every food the alternative needs
	names []string   // folded display name, keys and aliases of its foods
}

// New reads the embedded knowledge base and checks it against table: every
// original and every food an alternative names must be a key of the table
// (an alias is refused, so that the data says exactly which food it means),
// no original may be listed twice or offered as its own alternative, and
// every original needs at least one alternative.
func New(table *food.Table) (*Guide, error) {
	blocks, err := readData()
	if err != nil {
		return nil, err
	}
	return build(table, blocks)
}

// readData parses every embedded knowledge-base file, in name order.
func readData() ([]block, error) {
	files, err := data.ReadDir("data")
	if err != nil {
		return nil, fmt.Errorf("substitution: %w", err)
	}
	var blocks []block
	for _, f := range files {
		text, err := data.ReadFile(path.Join("data", f.Name()))
		if err != nil {
			return nil, fmt.Errorf("substitution: %w", err)
		}
		more, err := parse(f.Name(), string(text))
		if err != nil {
			return nil, err
		}
		blocks = append(blocks, more...)
	}
	return blocks, nil
}

// Len returns the number of originals the guide knows alternatives for.
func (g *Guide) Len() int { return len(g.lists) }

// For returns the alternatives to an ingredient, best first. The ingredient
// is read as a recipe line ("2 large eggs", "unsalted butter, softened",
// "cilantro") and resolved to a food with Table.Match. Alternatives that break
// one of opts.Dietary or carry one of opts.Allergies are left out; the others
// keep the knowledge base's order, except that with opts.Recipe those made
// for its use come before those made for any use. An unknown ingredient, or
// one without alternatives, gives an empty, non-nil slice.
func (g *Guide) For(ingredient string, opts Options) []Substitute {
	out := []Substitute{}
	f, ok := g.table.Match(ingredient)
	if !ok {
		return out
	}
	alts := g.lists[f.Key]
	if len(alts) == 0 {
		return out
	}
	var want use
	if opts.Recipe != nil {
		want = g.useOf(opts.Recipe)
	}
	x := g.restrict(opts.Dietary, opts.Allergies)
	for rank := range 2 {
		for i := range alts {
			if a := &alts[i]; a.rank(want) == rank && x.allows(a) {
				s := a.Substitute
				s.Dietary = slices.Clone(s.Dietary)
				out = append(out, s)
			}
		}
	}
	return out
}

// rank places the alternative for a dish's use: 0 made for it (or no use
// asked), 1 made for any use, 2 made for other uses only (left out).
func (a *alternative) rank(want use) int {
	switch {
	case want == 0 || a.uses&want != 0:
		return 0
	case a.uses == 0:
		return 1
	}
	return 2
}

// dietaryOf lists the contract's dietary values that flags do not break.
func dietaryOf(flags food.Flags) []string {
	out := []string{}
	for _, d := range recipe.DietaryValues {
		if !flags.Breaks(d) {
			out = append(out, d)
		}
	}
	return out
}

// impactOf compares two foods per 100 g.
func impactOf(sub, orig *food.Food) NutritionImpact {
	return NutritionImpact{
		Calories: int(math.Round(sub.Per100g.Calories - orig.Per100g.Calories)),
		Protein:  round1(sub.Per100g.Protein - orig.Per100g.Protein),
		Fat:      round1(sub.Per100g.Fat - orig.Per100g.Fat),
	}
}

// round1 rounds to one decimal; it never returns -0, which JSON would show.
func round1(x float64) float64 {
	r := math.Round(x*10) / 10
	if r == 0 {
		return 0
	}
	return r
}
