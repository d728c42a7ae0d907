package recipe

import "strings"

// hint ties words in an ingredient name that the food table did not match to
// what they imply. Without it, an unknown "beef stock cube" or "fish sauce
// blend" would let a recipe claim Vegetarian; with it, unknown ingredients
// are judged by the words that give them away.
type hint struct {
	words     []string
	allergens []string
	breaks    []string
}

var hints = []hint{
	{words: []string{"beef", "pork", "lamb", "mutton", "goat", "chicken", "turkey", "duck", "bacon", "ham", "sausage", "chorizo", "salami", "pâté", "pate", "liver", "veal", "venison", "rabbit", "gelatine", "gelatin", "lard", "suet", "meat", "stock cube", "bone broth"},
		breaks: []string{"Vegetarian", "Vegan", "Pescatarian"}},
	{words: []string{"fish", "anchovy", "anchovies", "salmon", "tuna", "cod", "bonito", "dashi", "crayfish"},
		allergens: []string{"Fish"}, breaks: []string{"Vegetarian", "Vegan"}},
	{words: []string{"prawn", "shrimp", "crab", "lobster", "mussel", "clam", "oyster", "scallop", "squid"},
		allergens: []string{"Shellfish"}, breaks: []string{"Vegetarian", "Vegan"}},
	{words: []string{"milk", "cream", "cheese", "butter", "yoghurt", "yogurt", "ghee", "kibbeh", "crema", "queso", "paneer", "ricotta", "tzatziki", "whey"},
		allergens: []string{"Dairy"}, breaks: []string{"Vegan", "Dairy-Free", "Paleo"}},
	{words: []string{"egg", "mayonnaise", "ladyfinger", "savoiardi", "meringue"},
		allergens: []string{"Eggs"}, breaks: []string{"Vegan"}},
	{words: []string{"honey"}, breaks: []string{"Vegan"}},
	{words: []string{"flour", "bread", "pasta", "noodle", "wheat", "barley", "rye", "couscous", "bulgur", "semolina", "cracker", "biscuit", "pastry", "roux", "seitan", "trofie", "breadcrumb", "beer", "malt"},
		allergens: []string{"Gluten"}, breaks: []string{"Gluten-Free", "Paleo"}},
	{words: []string{"peanut"}, allergens: []string{"Peanuts"}, breaks: []string{"Nut-Free"}},
	{words: []string{"almond", "cashew", "walnut", "pecan", "pistachio", "hazelnut", "macadamia", "praline"},
		allergens: []string{"Tree Nuts"}, breaks: []string{"Nut-Free"}},
	{words: []string{"soy", "tofu", "miso", "edamame", "tempeh"}, allergens: []string{"Soy"}, breaks: []string{"Paleo"}},
	{words: []string{"sesame", "tahini"}, allergens: []string{"Sesame"}},
}

func matchingHints(name string) []hint {
	words := strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' || r == ',' || r == '(' || r == ')' })
	var out []hint
	for _, h := range hints {
		if h.matches(name, words) {
			out = append(out, h)
		}
	}
	return out
}

// matches compares whole words (and their plurals), so that "butternut
// squash" is not dairy and "eggplant" is not egg; phrases match as text.
func (h hint) matches(name string, words []string) bool {
	for _, w := range h.words {
		if strings.Contains(w, " ") {
			if strings.Contains(name, w) {
				return true
			}
			continue
		}
		for _, word := range words {
			if word == w || word == w+"s" || word == w+"es" {
				return true
			}
		}
	}
	return false
}

func allergenHints(name string) []string {
	var out []string
	for _, h := range matchingHints(name) {
		out = append(out, h.allergens...)
	}
	return out
}

func dietHints(name string) []string {
	var out []string
	for _, h := range matchingHints(name) {
		out = append(out, h.breaks...)
	}
	return out
}
