package shopping

import "github.com/mealplanner/backend/domain/measure"

// Line is one ingredient line of a recipe as written: the ingredient name
// and its free-text measure ("1 1/2 cups", "200g", "to taste").
type Line struct {
	Name    string
	Measure string
}

// PlannedRecipe is a recipe planned in one slot: cooked for Servings people
// from a recipe written for RecipeServings.
type PlannedRecipe struct {
	RecipeID       int64
	RecipeName     string
	Servings       int
	RecipeServings int
	Ingredients    []Line
}

// Source is one recipe line that contributed to an item, with the measure
// as the recipe wrote it (before scaling). A manual addition absorbed by a
// generated item has RecipeID 0.
type Source struct {
	RecipeID   int64
	RecipeName string
	Measure    string
}

// Item is one line of a shopping list.
type Item struct {
	// ID identifies the item within its list; it is assigned when the item
	// first joins a list and kept by regeneration while its Key survives.
	ID string
	// Key is the stable identity: the food key (or the normalised name when
	// unmatched), "|" and the dimension group ("mass", "volume", "count",
	// "count:clove", "none"); manual items start with "manual:".
	Key string
	// Name is what the list shows: the food key (plural when a plain count
	// calls for it) or the ingredient name when no food matched.
	Name string
	// Food is the canonical food key; "" when unmatched.
	Food string
	// Quantity is the display quantity ("2.5", "1 1/2"); "" when unmeasurable.
	Quantity string
	// Unit is the display unit ("g", "cup", "cloves"); "" for plain counts.
	Unit    string
	Section string
	// Amount is the exact quantity in the base unit of Dimension (g, ml or
	// items) before display rounding.
	Amount    float64
	Dimension measure.Dimension
	// RecipeIDs are the contributing recipes, sorted and unique.
	RecipeIDs []int64
	// Sources are the contributing lines in plan order.
	Sources []Source
	Note    string
	Checked bool
	Manual  bool
}
