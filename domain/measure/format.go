package measure

import (
	"math"
	"strconv"
	"strings"
)

// System is the unit system a person reads quantities in; the contract's
// unitSystem "metric" is Metric and "us" is US.
type System int

const (
	// Metric shows grams, kilograms, millilitres and litres.
	Metric System = iota
	// US shows ounces, pounds, teaspoons, tablespoons, cups, quarts and gallons.
	US
)

// rung is a unit of a ladder and the base quantity from which it is used.
type rung struct {
	unit Unit
	from float64
}

var (
	baseUnits    = map[Dimension]Unit{Mass: Gram, Volume: Milliliter}
	metricMass   = []rung{{Gram, 0}, {Kilogram, Kilogram.ToBase}}
	metricVolume = []rung{{Milliliter, 0}, {Liter, Liter.ToBase}}
	usMass       = []rung{{Ounce, 0}, {Pound, Pound.ToBase}}
	usVolume     = []rung{{Teaspoon, 0}, {Tablespoon, Tablespoon.ToBase}, {Cup, Cup.ToBase / 4},
		{Quart, Quart.ToBase}, {Gallon, Gallon.ToBase}}
)

// snapTolerance is the relative distance from a whole number within which a
// result is taken to be that number: sums of exact conversions leave float
// noise well below it, and no kitchen quantity is that precise.
const snapTolerance = 1e-9

// Friendly picks the unit a person would use for base, a quantity in grams,
// millilitres or items, and returns the quantity in that unit.
//
// Metric: grams below 1000 g, then kilograms; millilitres below 1000 ml, then
// litres. US: ounces below 1 lb, then pounds; teaspoons below 1 tbsp,
// tablespoons below 1/4 cup, cups below 1 quart, quarts below 1 gallon, then
// gallons. Fluid ounces and pints are never chosen: kitchens measure liquids
// with spoons and cups, and a quart is what liquids are sold by.
//
// A result within one part in a billion of a whole number is that number, so
// 48 tsp summed from parts shows as 1 cup and not 0.9999999999. Counts come
// back unchanged with Each (a caller that has a count noun keeps it), and may
// be fractional: rounding up to whole items is the shopping list's rule, as
// nutrition wants the exact count. Unmeasured gives 0 and the zero Unit.
func Friendly(base float64, dim Dimension, system System) (float64, Unit) {
	var ladder []rung
	switch dim {
	case Count:
		return base, Each
	case Mass:
		ladder = metricMass
		if system == US {
			ladder = usMass
		}
	case Volume:
		ladder = metricVolume
		if system == US {
			ladder = usVolume
		}
	default:
		return 0, Unit{}
	}
	u := ladder[0].unit
	for _, r := range ladder[1:] {
		if base >= r.from*(1-snapTolerance) {
			u = r.unit
		}
	}
	base, _ = Convert(base, baseUnits[dim], u)
	return snap(base), u
}

func snap(q float64) float64 {
	if r := math.Round(q); math.Abs(q-r) <= snapTolerance*math.Abs(q) {
		return r
	}
	return q
}

// FormatQuantity writes q as a decimal without float noise: two decimals
// below 10, one below 100 and none from 100 up, trailing zeros dropped
// ("2", "1.5", "0.33", "12.5", "237"). That is within 0.5% of q from 1 up and
// within 0.005 below. Non-finite input gives "".
func FormatQuantity(q float64) string {
	if !finite(q) {
		return ""
	}
	decimals := 2
	if a := math.Abs(q); a >= 100 {
		decimals = 0
	} else if a >= 10 {
		decimals = 1
	}
	s := strconv.FormatFloat(q, 'f', decimals, 64)
	if decimals > 0 {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// kitchenFractions are the fractions measuring cups and spoons come in.
var kitchenFractions = []struct {
	v    float64
	text string
}{
	{0, ""}, {1.0 / 8, "1/8"}, {1.0 / 4, "1/4"}, {1.0 / 3, "1/3"}, {3.0 / 8, "3/8"}, {1.0 / 2, "1/2"},
	{5.0 / 8, "5/8"}, {2.0 / 3, "2/3"}, {3.0 / 4, "3/4"}, {7.0 / 8, "7/8"}, {1, ""},
}

// FormatFraction writes q as a whole number and the nearest kitchen fraction
// (eighths and thirds): "1 1/2", "1/3", "2". It is within 1/16 of q. An
// amount too small for 1/8 falls back to FormatQuantity ("0.05") rather than
// showing "0". Non-finite input gives "".
func FormatFraction(q float64) string {
	if !finite(q) {
		return ""
	}
	if q < 0 {
		return "-" + FormatFraction(-q)
	}
	whole, frac := math.Modf(q)
	best := kitchenFractions[0]
	for _, f := range kitchenFractions[1:] {
		if math.Abs(frac-f.v) < math.Abs(frac-best.v) {
			best = f
		}
	}
	whole += math.Floor(best.v) // 7/8 and more rounds up to the next whole
	switch {
	case whole == 0 && best.text == "":
		return FormatQuantity(q)
	case whole == 0:
		return best.text
	case best.text == "":
		return strconv.FormatFloat(whole, 'f', 0, 64)
	}
	return strconv.FormatFloat(whole, 'f', 0, 64) + " " + best.text
}

// Format writes q for display in u: kitchen fractions for the US spoons and
// cups (tsp, tbsp, cup, pint, quart, gallon), decimals for everything else.
func (u Unit) Format(q float64) string {
	switch u {
	case Teaspoon, Tablespoon, Cup, Pint, Quart, Gallon:
		return FormatFraction(q)
	}
	return FormatQuantity(q)
}
