package app

import (
	"context"
	"fmt"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/shopping"
)

// maxListSaves bounds the load-edit-save rounds of one request: a round is
// lost only when another request saved the same list in between.
const maxListSaves = 3

var errShoppingListNotFound = domain.NotFound("shopping list not found")

// ListPage returns a page of the caller's lists, newest first, items included.
func (s *Shopping) ListPage(ctx context.Context, p Principal, page PageRequest) (Page[*shopping.List], error) {
	lists, total, err := s.Lists.List(ctx, p.UserID, page.offset(), page.Limit)
	if err != nil {
		return Page[*shopping.List]{}, err
	}
	return Page[*shopping.List]{Items: lists, Total: total, Page: page.Page, Limit: page.Limit}, nil
}

// AllLists returns every list of the user, newest first, for the personal
// data export. The caller has already checked that it may read them.
func (s *Shopping) AllLists(ctx context.Context, userID string) ([]*shopping.List, error) {
	lists, _, err := s.Lists.List(ctx, userID, 0, 0)
	return lists, err
}

// List returns one of the caller's lists. NOT_FOUND "shopping list not
// found" when it is unknown or another user's.
func (s *Shopping) List(ctx context.Context, p Principal, id string) (*shopping.List, error) {
	return s.load(ctx, p.UserID, id)
}

// RenameList gives one of the caller's lists a new name (1–200 characters).
func (s *Shopping) RenameList(ctx context.Context, p Principal, id, name string) (*shopping.List, error) {
	if err := shopping.ValidateName(name); err != nil {
		return nil, err
	}
	return s.update(ctx, p.UserID, id, func(l *shopping.List, now time.Time) error { return l.Rename(name, now) })
}

// DeleteList removes one of the caller's lists, and with it any share link.
func (s *Shopping) DeleteList(ctx context.Context, p Principal, id string) error {
	if id == "" {
		return errShoppingListNotFound
	}
	return notFoundAs(s.Lists.Delete(ctx, p.UserID, id), errShoppingListNotFound)
}

func (s *Shopping) load(ctx context.Context, userID, id string) (*shopping.List, error) {
	if id == "" {
		return nil, errShoppingListNotFound
	}
	l, err := s.Lists.Get(ctx, userID, id)
	if err != nil {
		return nil, notFoundAs(err, errShoppingListNotFound)
	}
	return l, nil
}

// update loads one of the user's lists, applies edit and saves the result,
// starting again from a fresh copy when another request saved the list in
// between. An edit that checks off the last unchecked item records
// complete_shopping_list, once per time the list becomes complete.
func (s *Shopping) update(ctx context.Context, userID, id string, edit func(*shopping.List, time.Time) error) (*shopping.List, error) {
	for attempt := 1; ; attempt++ {
		l, err := s.load(ctx, userID, id)
		if err != nil {
			return nil, err
		}
		wasComplete := l.Complete()
		if err := edit(l, s.Clock.Now()); err != nil {
			return nil, err
		}
		err = s.Lists.Save(ctx, l)
		if err == nil {
			if !wasComplete && l.Complete() {
				s.log.record(userID, activity.CompleteShoppingList,
					fmt.Sprintf("Completed a shopping list of %d items", len(l.Items)), l.ID, nil)
			}
			return l, nil
		}
		if !listSaveRetryable(err, attempt) {
			// A list deleted between load and save is as gone as one never stored.
			return nil, notFoundAs(err, errShoppingListNotFound)
		}
	}
}

// listSaveRetryable reports whether a failed save is worth another round: a
// stale version, while rounds remain.
func listSaveRetryable(err error, attempt int) bool {
	return domain.IsCode(err, domain.CodeConflict) && attempt < maxListSaves
}
