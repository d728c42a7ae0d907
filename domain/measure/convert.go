package measure

import (
	"errors"
	"fmt"
)

// ErrIncompatible is returned, wrapped, by Convert for units that cannot be
// converted without knowing the food: different dimensions, different count
// nouns, or an unmeasured unit.
var ErrIncompatible = errors.New("measure: incompatible units")

// Convert returns q from-units in to-units. Masses convert to masses and
// volumes to volumes; a count converts only to the same count noun. Between
// canonical units the factor is the ratio of their exact integer sizes in
// lowest terms, so a conversion rounds once for whole factors and
// denominators ("1 cup" is exactly 236.5882365 ml, "3 tsp" exactly 1 tbsp,
// "16 oz" exactly 1 lb) and at most twice otherwise. Volume to mass needs a
// density, which lives with the food, not here.
func Convert(q float64, from, to Unit) (float64, error) {
	if from.Dimension != to.Dimension || from.Dimension == Unmeasured {
		return 0, fmt.Errorf("%w: %s (%s) to %s (%s)", ErrIncompatible, from.Symbol, from.Dimension, to.Symbol, to.Dimension)
	}
	if from.Dimension == Count {
		if from.Symbol != to.Symbol {
			return 0, fmt.Errorf("%w: %q to %q", ErrIncompatible, from.Symbol, to.Symbol)
		}
		return q, nil
	}
	if from == to {
		return q, nil
	}
	a, okFrom := exactSize(from)
	b, okTo := exactSize(to)
	if !okFrom || !okTo {
		return q * from.ToBase / to.ToBase, nil
	}
	g := gcd(a, b)
	return q * float64(a/g) / float64(b/g), nil
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}
