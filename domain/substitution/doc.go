// Package substitution is the ingredient-substitution knowledge base: for
// each of more than a hundred foods of the food table, an ordered list of
// alternatives with a conversion ratio, the effect on taste and texture, the
// reason it works and the uses (baking, cooking, raw) it suits.
//
// The knowledge is data, embedded from data/*.txt (the format is described in
// parse.go). Nothing about a diet or an allergen is typed by hand: which of the
// contract's dietary values an alternative keeps, and which allergens it
// carries, come from the flags of the foods it names, and its nutrition impact
// from their nutrients per 100 g. A [Guide] answers one ingredient at a time,
// filtered by the asker's diet and allergies and, when a recipe is given,
// ordered for the way that recipe uses the ingredient (see useOf).
package substitution
