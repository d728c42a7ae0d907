package food

import "strings"

// Nutrients are the contract's seven nutrition keys: energy in kcal, sodium in
// mg, the rest in grams. In a Food they are per 100 g of the edible portion.
type Nutrients struct {
	Calories     float64
	Protein      float64
	Carbohydrate float64
	Fat          float64
	Fiber        float64
	Sugars       float64
	Sodium       float64
}

// Add returns the sum of n and o, key by key.
func (n Nutrients) Add(o Nutrients) Nutrients {
	return Nutrients{
		Calories:     n.Calories + o.Calories,
		Protein:      n.Protein + o.Protein,
		Carbohydrate: n.Carbohydrate + o.Carbohydrate,
		Fat:          n.Fat + o.Fat,
		Fiber:        n.Fiber + o.Fiber,
		Sugars:       n.Sugars + o.Sugars,
		Sodium:       n.Sodium + o.Sodium,
	}
}

// Scale returns n with every key multiplied by f: Per100g.Scale(grams/100)
// gives the nutrients of an amount.
func (n Nutrients) Scale(f float64) Nutrients {
	return Nutrients{
		Calories:     n.Calories * f,
		Protein:      n.Protein * f,
		Carbohydrate: n.Carbohydrate * f,
		Fat:          n.Fat * f,
		Fiber:        n.Fiber * f,
		Sugars:       n.Sugars * f,
		Sodium:       n.Sodium * f,
	}
}

// Food is one row of the food table. Foods handed out by a Table are shared
// and must be treated as read-only.
type Food struct {
	// Key is the canonical name, lower-case and singular ("chicken thigh").
	Key string
	// Aliases are other names, spellings and UK/US variants ("cilantro").
	Aliases []string
	// Plural is the irregular plural of Key, or "" when the regular rules apply.
	Plural string
	// Section is the shopping section, one of Sections.
	Section string
	// Per100g holds the nutrients of 100 g of the edible portion.
	Per100g Nutrients
	// Alcohol is grams of ethanol per 100 g. It is not one of the contract's
	// keys but carries 7 kcal/g, so energy cannot be checked without it.
	Alcohol float64
	// Density is grams per millilitre for foods measured by volume; 0 unknown.
	Density float64
	// UnitGrams is the edible weight of one item, or of one UnitName; 0 unknown.
	UnitGrams float64
	// UnitName is the count noun when it is not the food itself ("clove" of
	// garlic, "slice" of bread, "can" of tomatoes); "" otherwise.
	UnitName string
	// Flags drive dietary tags, allergens and insights.
	Flags Flags
	// Source says where the values come from.
	Source string
	// FDCID is the USDA FoodData Central identifier; 0 unknown (see the
	// package comment for why it is unknown everywhere for now).
	FDCID int
}

// Has reports whether the food carries every flag in flag.
func (f *Food) Has(flag Flags) bool { return f.Flags.Has(flag) }

// Allergens lists the contract's allergens the food carries, in the
// contract's order and spelling; nil when there are none.
func (f *Food) Allergens() []string { return f.Flags.Allergens() }

// Breaks reports whether the food is ruled out by a dietary value; see
// Flags.Breaks for the rules.
func (f *Food) Breaks(dietary string) bool { return f.Flags.Breaks(dietary) }

// PluralName is the plural of Key for display ("2 tomatoes", "3 bay leaves"):
// the irregular plural when the data gives one, else the regular English form.
func (f *Food) PluralName() string {
	if f.Plural != "" {
		return f.Plural
	}
	return pluralOf(f.Key)
}

// pluralOf applies the regular English rules to the head word of a name: the
// word before " of " when there is one ("cloves of garlic"), else the last.
func pluralOf(name string) string {
	head, tail := name, ""
	if i := strings.Index(name, " of "); i >= 0 {
		head, tail = name[:i], name[i:]
	}
	return regularPlural(head) + tail
}

// regularPlural pluralises the last word of s by the usual spelling rules.
func regularPlural(s string) string {
	switch {
	case hasAnySuffix(s, "leaf", "loaf", "half", "calf"):
		return s[:len(s)-1] + "ves"
	case strings.HasSuffix(s, "knife"):
		return s[:len(s)-2] + "ves"
	case hasAnySuffix(s, "s", "x", "z", "ch", "sh"):
		return s + "es"
	case len(s) > 1 && s[len(s)-1] == 'y' && !isVowel(s[len(s)-2]):
		return s[:len(s)-1] + "ies"
	}
	return s + "s"
}

func hasAnySuffix(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func isVowel(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
