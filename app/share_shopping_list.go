package app

import (
	"context"
	"strings"
	"time"

	"github.com/mealplanner/backend/domain/shopping"
)

// sharedListPath is where the public copy of a list is served, under PublicURL.
const sharedListPath = "/api/v1/shopping-lists/shared/"

// maxShareIDLength bounds the ids looked up: NewSecret's are far shorter, and
// a longer one cannot exist, so it costs no query.
const maxShareIDLength = 128

// ShareLink is the public, read-only address of a list.
type ShareLink struct {
	ShareID   string
	URL       string
	ExpiresAt time.Time
}

// ShareList gives one of the caller's lists a public link valid for days
// days (1–30), under a new unguessable id: sharing again kills the old link.
func (s *Shopping) ShareList(ctx context.Context, p Principal, listID string, days int) (ShareLink, error) {
	var share shopping.Share
	_, err := s.update(ctx, p.UserID, listID, func(l *shopping.List, now time.Time) error {
		var err error
		share, err = l.ShareFor(s.IDs.NewSecret(), days, now)
		return err
	})
	if err != nil {
		return ShareLink{}, err
	}
	url := strings.TrimSuffix(string(s.PublicURL), "/") + sharedListPath + share.ID
	return ShareLink{ShareID: share.ID, URL: url, ExpiresAt: share.ExpiresAt}, nil
}

// UnshareList revokes the public link of one of the caller's lists; a list
// that is not shared stays as it is.
func (s *Shopping) UnshareList(ctx context.Context, p Principal, listID string) error {
	_, err := s.update(ctx, p.UserID, listID, func(l *shopping.List, now time.Time) error {
		l.Unshare(now)
		return nil
	})
	return err
}

// SharedList returns the list a public link opens, for anyone holding it.
// NOT_FOUND "shopping list not found" when the id is unknown, revoked,
// replaced by a newer share or expired: a dead link says no more than that.
func (s *Shopping) SharedList(ctx context.Context, shareID string) (*shopping.List, error) {
	if shareID == "" || len(shareID) > maxShareIDLength {
		return nil, errShoppingListNotFound
	}
	l, err := s.Lists.Shared(ctx, shareID)
	if err != nil {
		return nil, notFoundAs(err, errShoppingListNotFound)
	}
	if !l.SharedAs(shareID, s.Clock.Now()) {
		return nil, errShoppingListNotFound
	}
	return l, nil
}
