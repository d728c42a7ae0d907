package shopping

import (
	"strings"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
)

// List is a stored shopping list: the items of one week, usually generated
// from that week's meal plan, with the checked state a shopper keeps.
type List struct {
	ID     string
	UserID string
	// MealPlanID is the plan the list was generated from; "" when it was
	// deleted (the list outlives its plan).
	MealPlanID string
	WeekStart  planning.Date
	Name       string
	Items      []Item
	// Share is the public read-only link; nil when the list is not shared.
	Share     *Share
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts stored revisions; 0 means never stored. Repositories
	// refuse a save from a stale Version.
	Version int
}

// Share is a public, read-only link to a list.
type Share struct {
	// ID is the unguessable token in the link (at least 128 random bits).
	ID        string
	ExpiresAt time.Time
}

// Clone returns a deep copy of l.
func (l *List) Clone() *List {
	c := *l
	c.Items = make([]Item, len(l.Items))
	for i, it := range l.Items {
		it.RecipeIDs = append([]int64(nil), it.RecipeIDs...)
		it.Sources = append([]Source(nil), it.Sources...)
		c.Items[i] = it
	}
	if l.Share != nil {
		s := *l.Share
		c.Share = &s
	}
	return &c
}

// MaxNameLength bounds a list's name, in characters.
const MaxNameLength = 200

// NewList starts an empty list of userID for the week of weekStart, named
// name or, when name is blank, DefaultName(weekStart). Items come with
// Regenerate or AddItem.
func NewList(id, userID string, weekStart planning.Date, name string, now time.Time) (*List, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		name = DefaultName(weekStart)
	}
	if err := ValidateName(name); err != nil {
		return nil, err
	}
	return &List{ID: id, UserID: userID, WeekStart: weekStart.WeekStart(), Name: name, Items: []Item{},
		CreatedAt: now, UpdatedAt: now}, nil
}

// DefaultName is the name of a list nobody named: "Week of Nov 22, 2026".
func DefaultName(weekStart planning.Date) string {
	return "Week of " + weekStart.WeekStart().Time().Format("Jan 2, 2006")
}

// ValidateName accepts 1–MaxNameLength characters that are not all spaces.
func ValidateName(name string) error {
	var fe domain.FieldErrors
	checkText(&fe, "name", name, true, MaxNameLength)
	return fe.Err()
}

// Rename gives the list a new name (trimmed); see ValidateName.
func (l *List) Rename(name string, now time.Time) error {
	if err := ValidateName(name); err != nil {
		return err
	}
	l.Name, l.UpdatedAt = strings.TrimSpace(name), now
	return nil
}

// Regenerate meets the list's items with freshly generated ones in mode (see
// the package function Regenerate) and gives every item still without an ID
// one from newID, so a surviving item keeps the ID clients know it by.
func (l *List) Regenerate(generated []Item, mode Mode, newID func() string, now time.Time) {
	l.Items = Regenerate(l.Items, generated, mode)
	if l.Items == nil {
		l.Items = []Item{}
	}
	AssignIDs(l.Items, newID)
	l.UpdatedAt = now
}

// AssignIDs gives every item without an ID one from newID.
func AssignIDs(items []Item, newID func() string) {
	for i := range items {
		if items[i].ID == "" {
			items[i].ID = newID()
		}
	}
}

// Progress counts the list's items by section; see the package function.
func (l *List) Progress() (sections []SectionCount, checked, total int) { return Progress(l.Items) }

// Complete reports whether the list has items and every one is checked.
func (l *List) Complete() bool {
	_, checked, total := Progress(l.Items)
	return total > 0 && checked == total
}

// ParseMode reads the contract's generation mode: "replace" (also "") or
// "merge", in any case.
func ParseMode(s string) (Mode, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "replace":
		return Replace, nil
	case "merge":
		return Merge, nil
	}
	return Replace, domain.Invalid("mode must be replace or merge", map[string]string{"mode": "must be replace or merge"})
}

// String is the contract's name of the mode.
func (m Mode) String() string {
	if m == Merge {
		return "merge"
	}
	return "replace"
}
