package substitution

import (
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/food"
)

// restriction is a request's diet and allergies, prepared once per call.
type restriction struct {
	dietary []string
	flags   food.Flags // allergen flags no alternative may carry
	texts   []string   // free-text allergies, folded
}

// allergyFlags maps allergy text, folded, to the flags that carry it: the
// contract's allergens in its spelling, and the everyday words people type for
// them. Text found here is matched by flags only, which is both safer and more
// precise than by name: "nuts" refuses almond milk, whose names do not contain
// it, while "milk" keeps oat milk, which has no dairy in it, and "wheat" keeps
// buckwheat, which is no wheat.
var allergyFlags = func() map[string]food.Flags {
	m := map[string]food.Flags{
		"nut": food.Peanut | food.TreeNut, "nuts": food.Peanut | food.TreeNut,
		"tree nut": food.TreeNut, "peanut": food.Peanut,
		"crustacean": food.Shellfish, "crustaceans": food.Shellfish, "mollusc": food.Shellfish,
		"molluscs": food.Shellfish, "mollusk": food.Shellfish, "mollusks": food.Shellfish,
		"seafood": food.Fish | food.Shellfish, "egg": food.Egg,
		"milk": food.Dairy, "lactose": food.Dairy, "soya": food.Soy, "soybean": food.Soy, "soybeans": food.Soy,
		"wheat": food.Gluten,
	}
	for _, f := range []food.Flags{food.Peanut, food.TreeNut, food.Shellfish, food.Fish, food.Egg, food.Dairy,
		food.Soy, food.Gluten, food.Sesame} {
		m[fold(f.Allergens()[0])] = f
	}
	return m
}()

// restrict prepares the request's diet and allergies. Dietary values are
// kept as given (Flags.Breaks ignores case and unknown values). An allergy
// that allergyFlags does not know is free text: it refuses an alternative
// when it is part of the name or of a key or alias of one of its foods, and,
// when the food table knows it as a name ("almonds", "shrimp"), also when that
// food's key is ("almond milk", "prawn").
func (g *Guide) restrict(dietary, allergies []string) restriction {
	var x restriction
	for _, d := range dietary {
		if d = strings.TrimSpace(d); d != "" {
			x.dietary = append(x.dietary, d)
		}
	}
	for _, a := range allergies {
		text := fold(a)
		if text == "" {
			continue
		}
		if f, ok := allergyFlags[text]; ok {
			x.flags |= f
			continue
		}
		x.texts = append(x.texts, text)
		if f, ok := g.table.Lookup(text); ok && f.Key != text {
			x.texts = append(x.texts, fold(f.Key))
		}
	}
	return x
}

// allows reports whether the alternative keeps every dietary value and
// carries none of the allergies.
func (x *restriction) allows(a *alternative) bool {
	if a.flags.Any(x.flags) {
		return false
	}
	for _, d := range x.dietary {
		if a.flags.Breaks(d) {
			return false
		}
	}
	for _, text := range x.texts {
		if slices.ContainsFunc(a.names, func(n string) bool { return strings.Contains(n, text) }) {
			return false
		}
	}
	return true
}

// fold is text as compared: lower case, trimmed.
func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
