// Package measure reads the free-text measure of a recipe ingredient ("1 1/2
// cups", "200g", "2-3", "½", "to taste") into a quantity, a unit and a
// dimension, converts between units of one dimension, and picks friendly units
// and numbers for display. It is pure: no I/O, no clock, no randomness.
//
// Decisions that consumers rely on:
//
//   - US customary volumes. "cup", "pint", "quart", "gallon", "fl oz" and the
//     spoons are the US customary units (1 cup = 236.5882365 ml), not the
//     imperial (284 ml) or metric (250 ml) cup. Most English-language recipe
//     text, TheMealDB's included, is written against US measuring cups and
//     spoons, and British recipes give metric masses for anything that matters;
//     one fixed convention keeps every conversion exact and reproducible.
//   - Pinch, dash, splash, handful and knob are counts with their own noun, not
//     volumes. Their size depends on the hand and on the ingredient (a dash of
//     hot sauce is not a dash of salt), so turning them into millilitres would
//     invent nutrition; a food table may still give a per-pinch weight.
//     "Sprinkling", "drizzle", "garnish" and "top" carry no amount at all.
//   - Ranges ("2-3", "2 to 3", "2–3", "2 or 3") take the upper bound and set
//     Amount.Ranged: a shopping list should not come up short.
//   - "a few" reads as the range 2–3 (Quantity 3, Ranged); "a couple" is 2.
//     "some", "several", "a little" and other vague words are unmeasurable.
//   - A bare unit word means one of it only for the trace and bundle nouns
//     (pinch, dash, splash, handful, knob, sprig, bunch): "Pinch" is one pinch.
//   - "T" is a tablespoon and "t" a teaspoon (the cookbook convention); every
//     other unit spelling is case-insensitive.
//   - Commas are never decimal marks: "1,5" is 1 with the note "5". A comma
//     followed by exactly three digits groups thousands ("1,000 ml").
//   - "1-1/2" and "2-3/4" are mixed numbers (a whole number, a hyphen, a
//     proper fraction), not ranges.
//   - Display: Friendly picks g/kg and ml/l, or oz/lb and tsp/tbsp/cup/quart/
//     gallon; FormatQuantity writes decimals ("1.5", "0.33") and
//     FormatFraction kitchen fractions ("1 1/2", "1/3"); Unit.Format uses
//     fractions for the US spoons and cups and decimals for the rest.
package measure

// Dimension is what a unit measures. Quantities of different dimensions are
// never converted here: that needs a food's density or unit weight.
type Dimension int

// The dimensions, Unmeasured first so that the zero Unit measures nothing.
const (
	// Unmeasured is the dimension of an amount without a quantity ("to taste").
	Unmeasured Dimension = iota
	// Count is a number of items: plain ("2 eggs") or of a noun ("3 cloves").
	Count
	// Mass has its base in grams.
	Mass
	// Volume has its base in millilitres.
	Volume
)

// String names the dimension in lower case.
func (d Dimension) String() string {
	switch d {
	case Count:
		return "count"
	case Mass:
		return "mass"
	case Volume:
		return "volume"
	default:
		return "unmeasured"
	}
}

// Unit is a canonical unit. Symbol is what the contract stores as an
// ingredient's unit: "g", "kg", "mg", "oz", "lb", "ml", "cl", "dl", "l",
// "tsp", "tbsp", "fl oz", "cup", "pint", "quart", "gallon"; "" for a plain
// count; or a singular count noun such as "clove", "can" or "pinch".
type Unit struct {
	Symbol    string
	Dimension Dimension
	// ToBase is grams or millilitres per unit, and 1 for counts.
	ToBase float64
}

// Amount is a parsed measure.
type Amount struct {
	// Quantity is the number of Units; 0 when HasQuantity is false.
	Quantity float64
	// HasQuantity is false for unmeasurable text ("to taste", "", "some"),
	// and then Unit is the zero Unit. When true, Unit.Dimension is Count,
	// Mass or Volume, never Unmeasured.
	HasQuantity bool
	Unit        Unit
	// Ranged reports that the text gave a range; Quantity is its upper bound.
	Ranged bool
	// Size is "small", "medium", "large", "extra large" or "jumbo" when given.
	Size string
	// Note is the rest of the text as written: preparation ("chopped"),
	// modifiers ("heaped", "Juice of"), parentheses without their brackets
	// and whatever followed a comma. For unmeasurable text it is the whole
	// text, trimmed.
	Note string
	// Alt is a mass or volume that parentheses or an "N x M" form gave for
	// the whole amount: "1 can (400g)" and "2 x 200g tins" have Alt 400 g.
	// A size given for a container ("2 (15 oz) cans", "2 cans (400g)") or
	// marked "each" is multiplied by Quantity; otherwise it is taken as the
	// total ("2 (about 300g)" is 300 g). Weighing consumers should prefer it.
	Alt *Amount
}

// Base returns the quantity in the base unit of its dimension: grams for
// mass, millilitres for volume, and items for counts. Counts of different
// nouns share the Count dimension but are not comparable: compare
// Unit.Symbol before adding two of them. Unmeasurable amounts give 0,
// Unmeasured.
func (a Amount) Base() (float64, Dimension) {
	if !a.HasQuantity {
		return 0, Unmeasured
	}
	return a.Quantity * a.Unit.ToBase, a.Unit.Dimension
}
