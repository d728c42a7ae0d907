package planning

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
)

// Limits on a slot.
const (
	MinServings   = 1
	MaxServings   = 50
	MaxNoteLength = 200
	// DefaultHouseholdSize is used when a user's household size is unknown.
	DefaultHouseholdSize = 2
)

// Slot is one planned meal: a recipe (with the few fields the calendar shows,
// copied when the meal is planned), how many servings, and an optional note.
type Slot struct {
	RecipeID   int64
	RecipeName string
	Thumbnail  string
	Category   string
	Servings   int
	AddedAt    time.Time
	Note       string
}

// NewSlot builds a validated slot added at now.
func NewSlot(recipeID int64, recipeName, thumbnail, category string, servings int, note string, now time.Time) (Slot, error) {
	s := Slot{RecipeID: recipeID, RecipeName: recipeName, Thumbnail: thumbnail, Category: category,
		Servings: servings, AddedAt: now, Note: note}
	if err := s.Validate(); err != nil {
		return Slot{}, err
	}
	return s, nil
}

// Validate checks the recipe id, servings and note; details name the fields
// recipeId, servings and note.
func (s Slot) Validate() error {
	var fe domain.FieldErrors
	s.check(&fe, "")
	return fe.Err()
}

// check adds s's problems to fe, each field name prefixed by prefix.
func (s Slot) check(fe *domain.FieldErrors, prefix string) {
	if s.RecipeID <= 0 {
		fe.Add(prefix+"recipeId", "recipeId must be a positive integer")
	}
	if err := ValidateServings(s.Servings); err != nil {
		fe.Add(prefix+"servings", messageOf(err))
	}
	if err := ValidateNote(s.Note); err != nil {
		fe.Add(prefix+"note", messageOf(err))
	}
}

// ValidateServings accepts MinServings–MaxServings servings.
func ValidateServings(n int) error {
	if n < MinServings || n > MaxServings {
		msg := fmt.Sprintf("servings must be between %d and %d", MinServings, MaxServings)
		return domain.Invalid(msg, map[string]string{"servings": msg})
	}
	return nil
}

// ValidateNote accepts a slot note of at most MaxNoteLength characters.
func ValidateNote(note string) error {
	if utf8.RuneCountInString(note) > MaxNoteLength {
		msg := fmt.Sprintf("note must be at most %d characters", MaxNoteLength)
		return domain.Invalid(msg, map[string]string{"note": msg})
	}
	return nil
}

// DefaultServings is the servings a new slot gets when the client names none:
// the household size, DefaultHouseholdSize when that is unknown (≤ 0), and
// never more than MaxServings.
func DefaultServings(householdSize int) int {
	switch {
	case householdSize < MinServings:
		return DefaultHouseholdSize
	case householdSize > MaxServings:
		return MaxServings
	}
	return householdSize
}

// messageOf returns the client message of a domain error.
func messageOf(err error) string {
	if e, ok := err.(*domain.Error); ok {
		return e.Message
	}
	return err.Error()
}
