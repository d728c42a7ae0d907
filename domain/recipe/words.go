package recipe

import (
	"strings"
	"unicode"
)

// MaxQueryWords bounds how many words of a search query count; the rest are
// ignored, so that a pasted paragraph cannot make a query arbitrarily costly.
const MaxQueryWords = 12

// QueryWords splits a search query into the words a match must contain: the
// lower-cased runs of letters and digits, in order, without English stop
// words. Everything else (quotes, operators, punctuation) separates words, so
// the result is safe to hand to any full-text engine. The stop words are
// those PostgreSQL's english configuration drops, so that every store agrees
// on which words count.
func QueryWords(q string) []string {
	fields := strings.FieldsFunc(strings.ToLower(q), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	words := make([]string, 0, len(fields))
	for _, f := range fields {
		if !stopWords[f] && len(words) < MaxQueryWords {
			words = append(words, f)
		}
	}
	return words
}

// stopWords is PostgreSQL's english.stop (Snowball's list).
var stopWords = func() map[string]bool {
	list := `i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
	herself it its itself they them their theirs themselves what which who whom this that these those am is are was
	were be been being have has had having do does did doing a an the and but if or because as until while of at by
	for with about against between into through during before after above below to from up down in out on off over
	under again further then once here there when where why how all any both each few more most other some such no
	nor not only own same so than too very s t can will just don should now`
	m := map[string]bool{}
	for _, w := range strings.Fields(list) {
		m[w] = true
	}
	return m
}()

// IsAllergen reports whether s names one of the contract's allergens, in any
// case. Searches exclude those by the recipes' allergens, which analysis
// derives from the ingredients ("peanut butter" gives Peanuts), and any
// other allergy as free text found in an ingredient's name or food.
func IsAllergen(s string) bool {
	for _, a := range allergenOrder {
		if strings.EqualFold(a, strings.TrimSpace(s)) {
			return true
		}
	}
	return false
}
