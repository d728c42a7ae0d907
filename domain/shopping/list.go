package shopping

import (
	"time"

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
