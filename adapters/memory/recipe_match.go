package memory

import (
	"slices"
	"strings"
	"unicode"

	"github.com/mealplanner/backend/domain/recipe"
)

// Relevance is that of the SQL stores: every word must appear in the name,
// tags, ingredients or description, the last one also as the start of a
// word ("chick" → chicken); recipes whose name holds every word come first.
// Words are compared after a light English plural folding, standing in for
// the databases' stemmers.

// relevance reports whether rec matches the query words and, if so, whether
// its name holds them all (tier 1) or not (tier 0). Without words everything
// matches in tier 0.
func relevance(rec *recipe.Recipe, words []string) (tier int, ok bool) {
	if len(words) == 0 {
		return 0, true
	}
	var text []string
	for _, in := range rec.Ingredients {
		text = append(text, in.Name, in.Food)
	}
	text = append(append(text, rec.Tags...), rec.Name, rec.Description)
	name, all := tokens(rec.Name), tokens(strings.Join(text, " "))
	inName := true
	for i, w := range words {
		last := i == len(words)-1
		if !containsWord(all, w, last) {
			return 0, false
		}
		inName = inName && containsWord(name, w, last)
	}
	if inName {
		return 1, true
	}
	return 0, true
}

// tokens splits text as recipe.QueryWords does, stop words kept.
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func containsWord(tokens []string, w string, prefix bool) bool {
	sw := stem(w)
	for _, t := range tokens {
		if stem(t) == sw || prefix && (strings.HasPrefix(t, w) || strings.HasPrefix(stem(t), sw)) {
			return true
		}
	}
	return false
}

// stem folds common English plurals: berries → berry, tomatoes → tomato,
// dishes → dish, onions → onion.
func stem(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 4 && (strings.HasSuffix(w, "oes") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes")):
		return w[:len(w)-2]
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:len(w)-1]
	}
	return w
}

// matchesCriteria applies every filter but the query.
func matchesCriteria(rec *recipe.Recipe, c recipe.Criteria) bool {
	category, cuisine := strings.TrimSpace(c.Category), strings.TrimSpace(c.Cuisine)
	switch {
	case category != "" && !strings.EqualFold(rec.Category, category),
		cuisine != "" && !strings.EqualFold(rec.Cuisine, cuisine),
		needle(c.Ingredient) != "" && !mentions(rec, needle(c.Ingredient)),
		c.Difficulty != "" && rec.Difficulty != c.Difficulty,
		c.MaxPrepTime > 0 && rec.PrepTime > c.MaxPrepTime,
		c.MaxTotalTime > 0 && rec.TotalTime() > c.MaxTotalTime,
		slices.Contains(c.ExcludeIDs, rec.ID),
		!hasAll(rec.DietaryTags, c.Dietary), !hasAll(rec.Tags, c.Tags):
		return false
	}
	for _, a := range c.ExcludeAllergens {
		// the contract's allergens by the recipe's allergens, other allergies as ingredient text
		if recipe.IsAllergen(a) && hasAny(rec.Allergens, a) || !recipe.IsAllergen(a) && needle(a) != "" &&
			mentions(rec, needle(a)) {
			return false
		}
	}
	for _, text := range c.ExcludeIngredients {
		if needle(text) != "" && mentions(rec, needle(text)) {
			return false
		}
	}
	return true
}

// needle is a text filter as compared: lower-cased, on one line, trimmed.
func needle(s string) string { return strings.TrimSpace(foldText(s)) }

func foldText(s string) string {
	return strings.ToLower(strings.NewReplacer("\n", " ", "\r", " ").Replace(s))
}

// mentions reports whether an ingredient's name or food key contains text.
func mentions(rec *recipe.Recipe, text string) bool {
	for _, in := range rec.Ingredients {
		if strings.Contains(foldText(in.Name), text) || strings.Contains(foldText(in.Food), text) {
			return true
		}
	}
	return false
}

// hasAll reports whether every non-empty wanted value is in have, compared
// case-insensitively.
func hasAll(have, want []string) bool {
	for _, w := range want {
		if needle(w) != "" && !hasAny(have, w) {
			return false
		}
	}
	return true
}

func hasAny(have []string, w string) bool {
	w = needle(w)
	if w == "" {
		return false
	}
	for _, h := range have {
		if needle(h) == w {
			return true
		}
	}
	return false
}
