package nutrition

import "github.com/mealplanner/backend/domain/food"

// notVegetables are foods the table flags food.Vegetable that do not make a
// meal one "with vegetables". The flag covers fruit as well, and the table
// keeps no fruit flag, so the fruit is named here: the fresh fruit of the
// Produce section, dried fruit, frozen berries and apple sauce. Garlic and
// chilli are vegetables by the table but go into a dish by the clove and the
// pinch, never as a portion; counting them would clear almost every savoury
// recipe. A test checks every key against the table so the list cannot rot.
var notVegetables = map[string]bool{
	"lemon": true, "lime": true, "orange": true, "clementine": true, "apple": true, "banana": true,
	"strawberry": true, "raspberry": true, "blueberry": true, "blackberry": true, "cherry": true,
	"grape": true, "mango": true, "pineapple": true, "peach": true, "nectarine": true, "pear": true,
	"plum": true, "apricot": true, "kiwi": true, "watermelon": true, "melon": true, "pomegranate": true,
	"grapefruit": true, "cranberry": true, "fig": true, "passion fruit": true,
	"raisin": true, "date": true, "dried apricot": true, "dried cranberry": true, "prune": true,
	"frozen berry": true, "apple sauce": true,
	"garlic": true, "chilli": true,
}

// HasVegetables reports whether a recipe with these ingredient food keys (the
// recipe's Ingredient.Food values; "" for unmatched lines) contains a
// vegetable: a food the table flags food.Vegetable that is neither fruit nor
// a seasoning (see notVegetables). It takes keys rather than a recipe because
// package recipe imports this one.
func HasVegetables(foodKeys []string, table *food.Table) bool {
	if table == nil {
		return false
	}
	for _, k := range foodKeys {
		if k == "" {
			continue
		}
		f, ok := table.Lookup(k)
		if ok && f.Has(food.Vegetable) && !notVegetables[f.Key] {
			return true
		}
	}
	return false
}
