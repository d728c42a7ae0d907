package measure

import (
	"math"
	"strings"
)

// Exact sizes, as integers so that conversions do not inherit rounding from
// a decimal constant: masses in nanograms and volumes in 1e-11 ml, the
// resolution of the US teaspoon. Every size is below 2^53 and therefore exact
// as a float64 too, and ToBase is the size divided by its scale, correctly
// rounded.
const (
	sizePerGram = 1_000_000_000
	sizePerMl   = 100_000_000_000
	// The avoirdupois ounce is 28.349523125 g by definition (1959 agreement).
	sizeOunce = 28_349_523_125
	// The US teaspoon is 1/6 US fl oz = 4.92892159375 ml exactly.
	sizeTeaspoon = 492_892_159_375
)

// The canonical units. Count nouns ("clove", "can", "pinch"…) are found with
// LookupUnit. These are values: do not assign to them.
var (
	Each       = Unit{Symbol: "", Dimension: Count, ToBase: 1}
	Milligram  = massUnit("mg", sizePerGram/1000)
	Gram       = massUnit("g", sizePerGram)
	Kilogram   = massUnit("kg", 1000*sizePerGram)
	Ounce      = massUnit("oz", sizeOunce)
	Pound      = massUnit("lb", 16*sizeOunce)
	Milliliter = volumeUnit("ml", sizePerMl)
	Centiliter = volumeUnit("cl", 10*sizePerMl)
	Deciliter  = volumeUnit("dl", 100*sizePerMl)
	Liter      = volumeUnit("l", 1000*sizePerMl)
	Teaspoon   = volumeUnit("tsp", sizeTeaspoon)
	Tablespoon = volumeUnit("tbsp", 3*sizeTeaspoon)
	FluidOunce = volumeUnit("fl oz", 6*sizeTeaspoon)
	Cup        = volumeUnit("cup", 48*sizeTeaspoon)
	Pint       = volumeUnit("pint", 96*sizeTeaspoon)
	Quart      = volumeUnit("quart", 192*sizeTeaspoon)
	Gallon     = volumeUnit("gallon", 768*sizeTeaspoon)
)

func massUnit(symbol string, size int64) Unit {
	return Unit{Symbol: symbol, Dimension: Mass, ToBase: float64(size) / sizePerGram}
}

func volumeUnit(symbol string, size int64) Unit {
	return Unit{Symbol: symbol, Dimension: Volume, ToBase: float64(size) / sizePerMl}
}

// exactSize recovers the integer size of a mass or volume unit from ToBase.
// It succeeds for every canonical unit, since ToBase is its size correctly
// rounded, and for any other unit that is a whole number of nanograms or
// 1e-11 ml (a 250 ml metric cup); it fails for the rest (counts, a third of
// a gram), which convert through ToBase instead.
func exactSize(u Unit) (int64, bool) {
	var scale float64
	switch u.Dimension {
	case Mass:
		scale = sizePerGram
	case Volume:
		scale = sizePerMl
	default:
		return 0, false
	}
	size := math.Round(u.ToBase * scale)
	if !(size > 0 && size < 1<<53) {
		return 0, false
	}
	return int64(size), size/scale == u.ToBase
}

// LookupUnit finds the canonical unit for a spelling: a symbol, a plural, an
// abbreviation, with or without a trailing dot, in any case except that "T"
// is a tablespoon and "t" a teaspoon. "" is a plain count, so the unit stored
// for an ingredient always looks up.
func LookupUnit(s string) (Unit, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSpace(strings.TrimSuffix(s, "."))
	if s == "" {
		return Each, true
	}
	if strings.ContainsAny(s, " .\t") {
		// Only the fluid ounce is spelt in two words ("fl oz", "fl. oz").
		u, ok := multiWordUnits[strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(s, ".", " "))), " ")]
		return u, ok
	}
	if w := lookup(s); w != nil && w.kind == wUnit {
		return w.unit, true
	}
	return Unit{}, false
}

// multiWordUnits are the spellings with a space; the parser reads them as
// "fl"/"fluid" followed by an ounce word.
var multiWordUnits = map[string]Unit{
	"fl oz": FluidOunce, "fl ozs": FluidOunce, "fluid oz": FluidOunce, "fluid ozs": FluidOunce,
	"fluid ounce": FluidOunce, "fluid ounces": FluidOunce,
}

// unitSpellings lists each measured unit with every spelling the parser
// accepts (lower case; a trailing dot is ignored).
var unitSpellings = []struct {
	unit      Unit
	spellings []string
}{
	{Milligram, []string{"mg", "mgs", "milligram", "milligrams", "milligramme", "milligrammes"}},
	{Gram, []string{"g", "gs", "gr", "grm", "grms", "gram", "grams", "gramme", "grammes"}},
	{Kilogram, []string{"kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"}},
	{Ounce, []string{"oz", "ozs", "ounce", "ounces"}},
	{Pound, []string{"lb", "lbs", "pound", "pounds"}},
	{Milliliter, []string{"ml", "mls", "cc", "millilitre", "millilitres", "milliliter", "milliliters"}},
	{Centiliter, []string{"cl", "centilitre", "centilitres", "centiliter", "centiliters"}},
	{Deciliter, []string{"dl", "decilitre", "decilitres", "deciliter", "deciliters"}},
	{Liter, []string{"l", "lt", "ltr", "ltrs", "litre", "litres", "liter", "liters"}},
	{Teaspoon, []string{"tsp", "tsps", "tspn", "tspns", "teasp", "teaspoon", "teaspoons", "teaspoonful", "teaspoonfuls"}},
	{Tablespoon, []string{"tbsp", "tbsps", "tbs", "tbls", "tbl", "tblsp", "tblsps", "tblspn", "tbspn", "tablesp",
		"tablespoon", "tablespoons", "tablespoonful", "tablespoonfuls"}},
	{FluidOunce, []string{"floz"}},
	{Cup, []string{"c", "cup", "cups", "cupful", "cupfuls"}},
	{Pint, []string{"pt", "pts", "pint", "pints"}},
	{Quart, []string{"qt", "qts", "quart", "quarts"}},
	{Gallon, []string{"gal", "gals", "gallon", "gallons"}},
	{Each, []string{"each", "ea"}},
}

// Count noun flags: a bare noun means one of it ("Pinch"); a container's
// parenthesised size is per item ("2 cans (400g)").
const (
	bare = 1 << iota
	container
)

// countNouns are the counted units with their own name: the singular symbol
// first, then the other spellings.
var countNouns = []struct {
	flags     int
	spellings []string
}{
	{bare, []string{"pinch", "pinches"}},
	{bare, []string{"dash", "dashes"}},
	{bare, []string{"splash", "splashes"}},
	{bare, []string{"handful", "handfuls"}},
	{bare, []string{"knob", "knobs"}},
	{bare, []string{"sprig", "sprigs"}},
	{bare, []string{"bunch", "bunches", "bnch"}},
	{container, []string{"can", "cans", "tin", "tins"}},
	{container, []string{"jar", "jars"}},
	{container, []string{"package", "packages", "packet", "packets", "pack", "packs", "pkg", "pkgs", "pkt", "pkts"}},
	{container, []string{"bag", "bags"}},
	{container, []string{"bottle", "bottles"}},
	{container, []string{"box", "boxes"}},
	{container, []string{"carton", "cartons"}},
	{container, []string{"tub", "tubs"}},
	{container, []string{"sachet", "sachets"}},
	{container, []string{"envelope", "envelopes"}},
	{container, []string{"stick", "sticks"}},
	{container, []string{"block", "blocks"}},
	{0, []string{"clove", "cloves"}},
	{0, []string{"slice", "slices"}},
	{0, []string{"head", "heads"}},
	{0, []string{"stalk", "stalks", "rib", "ribs"}},
	{0, []string{"piece", "pieces", "pc", "pcs"}},
	{0, []string{"fillet", "fillets", "filet", "filets"}},
	{0, []string{"leaf", "leaves"}},
	{0, []string{"cube", "cubes"}},
	{0, []string{"sheet", "sheets"}},
	{0, []string{"strip", "strips"}},
	{0, []string{"rasher", "rashers"}},
	{0, []string{"bulb", "bulbs"}},
	{0, []string{"ear", "ears"}},
	{0, []string{"loaf", "loaves"}},
	{0, []string{"wedge", "wedges"}},
	{0, []string{"drop", "drops"}},
	{0, []string{"scoop", "scoops"}},
	{0, []string{"ball", "balls"}},
	{0, []string{"spear", "spears"}},
	{0, []string{"pod", "pods"}},
}
