package memory

import (
	"cmp"
	"context"
	"slices"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

var (
	errListNotFound = domain.NotFound("shopping list not found")
	errListStale    = domain.Conflict("shopping list was changed by another request")
	errShareTaken   = domain.Conflict("record already exists")
	errPlanHasList  = domain.Conflict("record already exists")
)

// ShoppingListRepository is the in-memory ports.ShoppingListRepository of a Store.
type ShoppingListRepository struct{ s *Store }

var _ ports.ShoppingListRepository = (*ShoppingListRepository)(nil)

// Save inserts or updates a list, refusing a stale version.
func (r *ShoppingListRepository) Save(_ context.Context, l *shopping.List) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	if _, err := r.s.live(l.UserID); err != nil {
		return err
	}
	cur, exists := r.s.lists[l.ID]
	switch {
	case l.Version == 0 && exists:
		return errShareTaken
	case l.Version != 0 && (!exists || cur.UserID != l.UserID):
		return errListNotFound
	case l.Version != 0 && cur.Version != l.Version:
		return errListStale
	}
	if l.Share != nil {
		for id, other := range r.s.lists {
			if id != l.ID && other.Share != nil && other.Share.ID == l.Share.ID {
				return errShareTaken
			}
		}
	}
	if l.MealPlanID != "" {
		if p, ok := r.s.plans[l.MealPlanID]; !ok || p.UserID != l.UserID {
			return errPlanNotFound
		}
		for id, other := range r.s.lists {
			if id != l.ID && other.MealPlanID == l.MealPlanID {
				return errPlanHasList
			}
		}
	}
	l.Version++
	r.s.lists[l.ID] = copyShoppingList(l)
	return nil
}

// Get returns one of the user's lists.
func (r *ShoppingListRepository) Get(_ context.Context, userID, id string) (*shopping.List, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	l, ok := r.s.lists[id]
	if !ok || l.UserID != userID {
		return nil, errListNotFound
	}
	return copyShoppingList(l), nil
}

// ForPlan returns the user's newest list generated from the plan.
func (r *ShoppingListRepository) ForPlan(_ context.Context, userID, planID string) (*shopping.List, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	var found *shopping.List
	for _, l := range r.s.lists {
		if l.UserID == userID && planID != "" && l.MealPlanID == planID && (found == nil || newerList(l, found) < 0) {
			found = l
		}
	}
	if found == nil {
		return nil, errListNotFound
	}
	return copyShoppingList(found), nil
}

// List returns a page of the user's lists, newest first.
func (r *ShoppingListRepository) List(_ context.Context, userID string, offset, limit int) ([]*shopping.List, int, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	var all []*shopping.List
	for _, l := range r.s.lists {
		if l.UserID == userID {
			all = append(all, l)
		}
	}
	slices.SortFunc(all, newerList)
	out := []*shopping.List{}
	for _, l := range window(all, offset, limit) {
		out = append(out, copyShoppingList(l))
	}
	return out, len(all), nil
}

// newerList orders lists newest first: by creation time, then id.
func newerList(a, b *shopping.List) int {
	return cmp.Or(b.CreatedAt.Compare(a.CreatedAt), cmp.Compare(b.ID, a.ID))
}

// Delete removes one of the user's lists.
func (r *ShoppingListRepository) Delete(_ context.Context, userID, id string) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	l, ok := r.s.lists[id]
	if !ok || l.UserID != userID {
		return errListNotFound
	}
	delete(r.s.lists, id)
	return nil
}

// Shared returns the list carrying the share id.
func (r *ShoppingListRepository) Shared(_ context.Context, shareID string) (*shopping.List, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	for _, l := range r.s.lists {
		if shareID != "" && l.Share != nil && l.Share.ID == shareID {
			return copyShoppingList(l), nil
		}
	}
	return nil, errListNotFound
}

// copyShoppingList copies a list with times as the SQL adapter stores them
// and empty collections rather than nil ones.
func copyShoppingList(l *shopping.List) *shopping.List {
	c := l.Clone()
	c.CreatedAt, c.UpdatedAt = utc(l.CreatedAt), utc(l.UpdatedAt)
	if c.Share != nil {
		c.Share.ExpiresAt = utc(c.Share.ExpiresAt)
	}
	for i := range c.Items {
		if c.Items[i].RecipeIDs == nil {
			c.Items[i].RecipeIDs = []int64{}
		}
		if c.Items[i].Sources == nil {
			c.Items[i].Sources = []shopping.Source{}
		}
	}
	return c
}
