// Package food is the food table of the meal planner: canonical food keys, the
// names recipe writers use for them, shopping sections, nutrients per 100 g,
// densities, unit weights and the flags from which dietary tags and allergens
// are derived.
//
// The table is data, not code: foods.csv is embedded in the binary and parsed
// once by [Load]. Nutrient values are typical USDA FoodData Central figures
// (SR Legacy and Foundation) for the raw or as-usually-bought food, rounded;
// rows whose source says "typical label values" or "estimate" have no USDA
// counterpart. The fdc_id column is deliberately empty: the identifiers could
// not be checked when the table was written, and an invented identifier is
// worse than none, so [Food.FDCID] is 0 until someone fills it from FoodData
// Central itself.
//
// Names are compared in a normal form: lower case, accents folded, apostrophes
// dropped, hyphens and other punctuation read as spaces, runs of space folded.
// [Table.Lookup] accepts a food's key, an alias, or a plural of either;
// [Table.Match] also reads free ingredient text ("boneless skinless chicken
// thighs") and picks the food it is about.
package food
