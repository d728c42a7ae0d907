package app

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain/shopping"
)

// AddItem adds what the caller typed to one of their lists and returns the
// list. An unchecked item of the same food in a compatible unit absorbs the
// quantity; otherwise a manual item joins, in the section given or the one
// the food table infers.
func (s *Shopping) AddItem(ctx context.Context, p Principal, listID string, in shopping.NewItem) (*shopping.List, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	return s.update(ctx, p.UserID, listID, func(l *shopping.List, now time.Time) error {
		_, err := l.AddItem(in, s.foods, s.IDs.NewID, now)
		return err
	})
}

// EditItem changes one item of one of the caller's lists and returns the
// list. NOT_FOUND "item not found" when the list has no such item.
func (s *Shopping) EditItem(ctx context.Context, p Principal, listID, itemID string, e shopping.ItemEdit) (*shopping.List, error) {
	if err := e.Validate(); err != nil {
		return nil, err
	}
	return s.update(ctx, p.UserID, listID, func(l *shopping.List, now time.Time) error {
		_, err := l.EditItem(itemID, e, s.foods, now)
		return err
	})
}

// RemoveItem deletes one item of one of the caller's lists and returns the list.
func (s *Shopping) RemoveItem(ctx context.Context, p Principal, listID, itemID string) (*shopping.List, error) {
	return s.update(ctx, p.UserID, listID, func(l *shopping.List, now time.Time) error {
		return l.RemoveItem(itemID, now)
	})
}

// UncheckAll clears the checks of one of the caller's lists, to shop again.
func (s *Shopping) UncheckAll(ctx context.Context, p Principal, listID string) (*shopping.List, error) {
	return s.update(ctx, p.UserID, listID, func(l *shopping.List, now time.Time) error {
		l.UncheckAll(now)
		return nil
	})
}
