package food

import "strings"

// Flags is a set of properties of a food, the raw material for dietary tags,
// allergens and nutrition insights. The zero value is the empty set.
type Flags uint32

// The flags of the food table. In the data file each is written as its name in
// lower case (tree_nut, animal_product, high_carb …).
const (
	// Meat is flesh of land animals and anything rendered from it (gelatine, lard).
	Meat Flags = 1 << iota
	Fish
	// Shellfish covers crustaceans and molluscs alike, as the allergen does.
	Shellfish
	Dairy
	Egg
	Gluten
	Peanut
	TreeNut
	Soy
	Sesame
	// AnimalProduct marks anything a vegan avoids; it is implied by Meat, Fish,
	// Shellfish, Dairy and Egg, and set alone on honey.
	AnimalProduct
	Alcohol
	// Pork implies Meat.
	Pork
	// Vegetable marks a vegetable or fruit, for "no vegetables today" insights.
	Vegetable
	// Sweetener marks sugars and syrups (and foods sweetened with them).
	Sweetener
	// HighCarb marks grains, flours, sugars, pulses and starchy staples.
	HighCarb
	// Legume marks pulses, peanuts and soy, which Paleo excludes.
	Legume
)

// flagNames are the data-file spellings, indexed by bit position.
var flagNames = [...]string{
	"meat", "fish", "shellfish", "dairy", "egg", "gluten", "peanut", "tree_nut", "soy",
	"sesame", "animal_product", "alcohol", "pork", "vegetable", "sweetener", "high_carb", "legume",
}

// ParseFlag returns the flag written as name in the data file.
func ParseFlag(name string) (Flags, bool) {
	for i, n := range flagNames {
		if n == name {
			return 1 << i, true
		}
	}
	return 0, false
}

// Has reports whether every flag in flag is set.
func (f Flags) Has(flag Flags) bool { return f&flag == flag }

// Any reports whether at least one flag in flags is set.
func (f Flags) Any(flags Flags) bool { return f&flags != 0 }

// Names lists the set flags by their data-file names, in declaration order.
func (f Flags) Names() []string {
	var names []string
	for i, n := range flagNames {
		if f&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	return names
}

// String joins the flag names with "|", as the data file writes them.
func (f Flags) String() string { return strings.Join(f.Names(), "|") }

// withImplied adds the flags that others imply, so the data file need not
// repeat them and cannot get them inconsistent.
func (f Flags) withImplied() Flags {
	if f.Has(Pork) {
		f |= Meat
	}
	if f.Any(Meat | Fish | Shellfish | Dairy | Egg) {
		f |= AnimalProduct
	}
	return f
}

// allergenFlags pairs each allergen of the contract, in its order and
// spelling, with the flag that carries it.
var allergenFlags = [...]struct {
	name string
	flag Flags
}{
	{"Peanuts", Peanut}, {"Tree Nuts", TreeNut}, {"Shellfish", Shellfish}, {"Fish", Fish},
	{"Eggs", Egg}, {"Dairy", Dairy}, {"Soy", Soy}, {"Gluten", Gluten}, {"Sesame", Sesame},
}

// Allergens lists the contract's allergens these flags carry, in the
// contract's order and spelling; nil when there are none.
func (f Flags) Allergens() []string {
	var out []string
	for _, a := range allergenFlags {
		if f.Has(a.flag) {
			out = append(out, a.name)
		}
	}
	return out
}

// dietBreakers maps each dietary value of the contract, lower-cased, to the
// flags that rule a food out. Paleo has an extra rule in Breaks.
var dietBreakers = map[string]Flags{
	"vegetarian":  Meat | Fish | Shellfish,
	"vegan":       Meat | Fish | Shellfish | Dairy | Egg | AnimalProduct,
	"pescatarian": Meat,
	"gluten-free": Gluten,
	"dairy-free":  Dairy,
	"nut-free":    Peanut | TreeNut,
	"keto":        HighCarb | Sweetener,
	"low-carb":    HighCarb | Sweetener,
	"paleo":       Gluten | Dairy | Legume,
}

// Breaks reports whether a food with these flags is ruled out by the dietary
// value (one of the contract's, compared case-insensitively). Paleo also
// rules out high-carb foods that are not vegetables or fruit — grains, flours,
// refined sugar — while keeping potatoes, dried fruit, honey and maple syrup.
// An unknown dietary value breaks nothing; validating it is the caller's job.
func (f Flags) Breaks(dietary string) bool {
	d := strings.ToLower(strings.TrimSpace(dietary))
	if f.Any(dietBreakers[d]) {
		return true
	}
	return d == "paleo" && f.Has(HighCarb) && !f.Has(Vegetable)
}
