package substitution

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/mealplanner/backend/domain/recipe"
)

// use is a set of the ways a dish uses an ingredient. An alternative marked
// with some uses suits only those; one marked with none suits any.
type use uint8

const (
	// baking: cakes, breads, batters and doughs, whose structure depends on
	// what the ingredient does (an egg that binds and lifts, a fat that creams).
	baking use = 1 << iota
	// cooking: hot savoury cooking — sauces, stews, frying, binding patties.
	cooking
	// raw: no heat — salads, dressings, dips, spreads.
	raw
)

var useNames = map[string]use{"baking": baking, "cooking": cooking, "raw": raw}

// parseUses reads a comma-separated list of use names; "" is no use (any).
func parseUses(s string) (use, error) {
	var u use
	for name := range strings.SplitSeq(s, ",") {
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		bit, ok := useNames[name]
		if !ok {
			return 0, fmt.Errorf("unknown use %q (want baking, cooking or raw)", name)
		}
		u |= bit
	}
	return u, nil
}

// savouryCategories are TheMealDB categories of savoury mains: in them a
// "cake" is a fish cake and a batter is for frying, so the baking words and
// the leavening agents below do not make the dish a bake.
var savouryCategories = map[string]bool{
	"beef": true, "chicken": true, "goat": true, "lamb": true, "pasta": true, "pork": true, "seafood": true,
}

// leaveners are foods that only a bake (or a batter) needs.
var leaveners = map[string]bool{"baking powder": true, "baking soda": true, "yeast": true, "self-raising flour": true}

// bakedGoods are words of a recipe's name or tags that name a bake; a final
// "s" is ignored when they are compared.
var bakedGoods = wordSet("cake cupcake muffin cookie brownie biscuit scone bread loaf loaves pancake waffle sponge crumble")

// bakingSteps are words of the instructions that only baking uses.
var bakingSteps = wordSet("batter dough knead kneading kneaded")

// coldDishes are words of a name or tag that name a dish served without heat.
var coldDishes = wordSet("salad slaw coleslaw dressing vinaigrette dip salsa smoothie")

// heatStems start the words by which instructions apply heat.
var heatStems = strings.Fields("cook fry fried bak boil simmer roast grill heat oven saut poach steam brais " +
	"toast microwav broil sear stew blanch melt barbecu caramelis carameliz")

// useOf infers how a recipe uses its ingredients. The rule, in order:
//
//  1. baking, when the category is Dessert; or, outside the savoury-main
//     categories, when an ingredient is a leavening agent (baking powder,
//     baking soda, yeast, self-raising flour), the name or a tag names a bake
//     (cake, muffin, bread, pancake …) or the instructions batter or knead;
//  2. raw, when the name or a tag names a cold dish (salad, dressing, dip …),
//     or when there are instructions and none of them applies heat;
//  3. cooking otherwise.
func (g *Guide) useOf(r *recipe.Recipe) use {
	switch {
	case g.isBake(r):
		return baking
	case isCold(r):
		return raw
	}
	return cooking
}

func (g *Guide) isBake(r *recipe.Recipe) bool {
	category := fold(r.Category)
	if category == "dessert" {
		return true
	}
	if savouryCategories[category] {
		return false
	}
	return g.leavened(r) || anyWord(bakedGoods, r.Name) || anyWord(bakedGoods, r.Tags...) ||
		anyWord(bakingSteps, r.Instructions...)
}

func isCold(r *recipe.Recipe) bool {
	if anyWord(coldDishes, r.Name) || anyWord(coldDishes, r.Tags...) {
		return true
	}
	return len(r.Instructions) > 0 && !anyStem(heatStems, r.Instructions...)
}

// leavened reports whether an ingredient is a leavening agent, by the food
// analysis found or, when the recipe was not analysed, by matching its name.
func (g *Guide) leavened(r *recipe.Recipe) bool {
	for _, in := range r.Ingredients {
		key := in.Food
		if key == "" {
			if f, ok := g.table.Match(in.Name); ok {
				key = f.Key
			}
		}
		if leaveners[key] {
			return true
		}
	}
	return false
}

func wordSet(words string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(words) {
		set[w] = true
	}
	return set
}

// anyWord reports whether a word of the texts, or that word without a final
// "s", is in set.
func anyWord(set map[string]bool, texts ...string) bool {
	for _, text := range texts {
		for _, w := range words(text) {
			if set[w] || set[strings.TrimSuffix(w, "s")] {
				return true
			}
		}
	}
	return false
}

// anyStem reports whether a word of the texts starts with one of stems.
func anyStem(stems []string, texts ...string) bool {
	for _, text := range texts {
		for _, w := range words(text) {
			for _, s := range stems {
				if strings.HasPrefix(w, s) {
					return true
				}
			}
		}
	}
	return false
}

// words splits text into lower-case runs of letters.
func words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) })
}
