package recipe

import "strings"

// Restrictions are a person's hard constraints: what must never be put in
// front of them, whatever else recommends a recipe. Suggestions, the plan
// generator and search share them so that all three refuse the same recipes.
type Restrictions struct {
	// Dietary values (contract spellings, any case) the recipe must carry.
	Dietary []string
	// Allergies are contract allergens, matched against the recipe's derived
	// allergens, or free text matched against ingredient names and foods.
	Allergies []string
	// Dislikes are free text matched against ingredient names and foods.
	Dislikes []string
}

// IsZero reports whether nothing is restricted.
func (x Restrictions) IsZero() bool {
	return len(x.Dietary) == 0 && len(x.Allergies) == 0 && len(x.Dislikes) == 0
}

// Allows reports whether r breaks none of the restrictions.
func (x Restrictions) Allows(r *Recipe) bool { return x.Violation(r) == "" }

// Violation names the first restriction r breaks ("not Vegan", "contains
// Peanuts", "contains mushroom"), or "" when r breaks none. Every comparison
// ignores case; free text matches as a substring, so "nut" also refuses
// "peanut butter": for an allergy a false refusal is the safe mistake.
func (x Restrictions) Violation(r *Recipe) string {
	for _, d := range x.Dietary {
		if fold(d) != "" && !containsFold(r.DietaryTags, strings.TrimSpace(d)) {
			return "not " + strings.TrimSpace(d)
		}
	}
	for _, a := range x.Allergies {
		switch {
		case fold(a) == "":
		case IsAllergen(a) && containsFold(r.Allergens, strings.TrimSpace(a)):
			return "contains " + strings.TrimSpace(a)
		case r.Mentions(a):
			return "contains " + fold(a)
		}
	}
	for _, d := range x.Dislikes {
		if fold(d) != "" && r.Mentions(d) {
			return "contains " + fold(d)
		}
	}
	return ""
}

// Mentions reports whether an ingredient's name or food key contains text,
// ignoring case. Empty text mentions nothing.
func (r *Recipe) Mentions(text string) bool {
	text = fold(text)
	if text == "" {
		return false
	}
	for _, in := range r.Ingredients {
		if strings.Contains(fold(in.Name), text) || strings.Contains(fold(in.Food), text) {
			return true
		}
	}
	return false
}

// fold is text as compared: lower-case, on one line, trimmed.
func fold(s string) string {
	return strings.TrimSpace(strings.ToLower(lineBreaks.Replace(s)))
}

// lineBreaks is built once: fold runs for every recipe a suggestion or a
// generated plan considers.
var lineBreaks = strings.NewReplacer("\n", " ", "\r", " ")
