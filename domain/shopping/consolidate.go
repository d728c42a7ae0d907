package shopping

import (
	"cmp"
	"slices"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// foodLines are the portions of one food (or one unmatched name).
type foodLines struct {
	key      string
	food     *food.Food
	portions []portion
}

// Consolidate turns planned recipes into shopping-list items: scaled, merged
// by food, converted into one dimension where the food table allows, shown in
// system's units and sorted in store order. See the package documentation for
// the rules. table may be nil, and then nothing matches.
func Consolidate(planned []PlannedRecipe, table *food.Table, system measure.System) []Item {
	foods := gather(planned, table)
	items := make([]Item, 0, len(foods))
	for _, fl := range foods {
		items = append(items, fl.items(system)...)
	}
	sortItems(items)
	return items
}

// gather groups every scaled line by food, in plan order.
func gather(planned []PlannedRecipe, table *food.Table) []*foodLines {
	byKey := make(map[string]*foodLines, 64)
	var order []*foodLines
	seq := 0
	for _, pr := range planned {
		factor := scale(pr)
		for _, ln := range pr.Ingredients {
			f := match(table, ln.Name)
			key := normalize(ln.Name)
			if f != nil {
				key = f.Key
			}
			if key == "" {
				key = "?"
			}
			fl := byKey[key]
			if fl == nil {
				fl = &foodLines{key: key, food: f, portions: make([]portion, 0, 8)}
				byKey[key] = fl
				order = append(order, fl)
			}
			src := Source{RecipeID: pr.RecipeID, RecipeName: pr.RecipeName, Measure: ln.Measure}
			p := newPortion(src, ln.Name, f, factor)
			p.seq = seq
			seq++
			fl.portions = append(fl.portions, p)
		}
	}
	return order
}

func match(table *food.Table, name string) *food.Food {
	if table == nil {
		return nil
	}
	if f, ok := table.Match(name); ok {
		return f
	}
	return nil
}

// scale is slot servings over recipe servings; a missing count on either
// side means the recipe is cooked as written.
func scale(pr PlannedRecipe) float64 {
	if pr.Servings <= 0 || pr.RecipeServings <= 0 {
		return 1
	}
	return float64(pr.Servings) / float64(pr.RecipeServings)
}

// sortItems orders items by section in store order, then name, then key.
func sortItems(items []Item) {
	slices.SortStableFunc(items, func(a, b Item) int {
		return cmp.Or(
			cmp.Compare(food.SectionRank(a.Section), food.SectionRank(b.Section)),
			cmp.Compare(a.Name, b.Name),
			cmp.Compare(a.Key, b.Key),
		)
	})
}
