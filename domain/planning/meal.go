package planning

import (
	"strings"

	"github.com/mealplanner/backend/domain"
)

// MealType names one of the four slots of a day.
type MealType string

// The meal types of the contract, in display order.
const (
	Breakfast MealType = "breakfast"
	Lunch     MealType = "lunch"
	Dinner    MealType = "dinner"
	Snacks    MealType = "snacks"
)

var mealTypes = [...]MealType{Breakfast, Lunch, Dinner, Snacks}

// MealTypes returns the meal types in display order; the slice is the caller's.
func MealTypes() []MealType {
	out := make([]MealType, len(mealTypes))
	copy(out, mealTypes[:])
	return out
}

// ParseMealType accepts a meal type in any letter case, surrounding spaces
// ignored; an unknown name is a validation error.
func ParseMealType(s string) (MealType, error) {
	m := MealType(strings.ToLower(strings.TrimSpace(s)))
	if !m.Valid() {
		return "", invalidMealType("mealType")
	}
	return m, nil
}

// Valid reports whether m is one of the contract's meal types.
func (m MealType) Valid() bool { return m.order() >= 0 }

// order is m's position in display order, -1 when m is unknown.
func (m MealType) order() int {
	for i, t := range mealTypes {
		if t == m {
			return i
		}
	}
	return -1
}

// String returns the meal type's name.
func (m MealType) String() string { return string(m) }

const (
	mealTypeMessage    = "must be one of breakfast, lunch, dinner, snacks"
	unknownMealMessage = "unknown meal type: " + mealTypeMessage
)

func invalidMealType(field string) error {
	return domain.Invalid("invalid meal type", map[string]string{field: mealTypeMessage})
}
