package shopping

import (
	"fmt"
	"time"

	"github.com/mealplanner/backend/domain"
)

// Bounds of a share's lifetime, in days.
const (
	DefaultShareDays = 7
	MaxShareDays     = 30
)

// ShareFor gives the list a public link under id, valid for days days from
// now. A list has one link at a time: sharing again replaces the old id, so
// the old link stops working.
func (l *List) ShareFor(id string, days int, now time.Time) (Share, error) {
	if days < 1 || days > MaxShareDays {
		msg := fmt.Sprintf("expiresInDays must be between 1 and %d", MaxShareDays)
		return Share{}, domain.Invalid(msg, map[string]string{"expiresInDays": msg})
	}
	if id == "" {
		return Share{}, fmt.Errorf("shopping: a share needs an id")
	}
	s := Share{ID: id, ExpiresAt: now.Add(time.Duration(days) * 24 * time.Hour)}
	l.Share, l.UpdatedAt = &s, now
	return s, nil
}

// Unshare revokes the list's link, if it has one.
func (l *List) Unshare(now time.Time) {
	if l.Share != nil {
		l.Share, l.UpdatedAt = nil, now
	}
}

// SharedAs reports whether the link shareID opens the list at now: it is the
// list's current id and has not expired (a link is dead from ExpiresAt on).
func (l *List) SharedAs(shareID string, now time.Time) bool {
	return shareID != "" && l.Share != nil && l.Share.ID == shareID && now.Before(l.Share.ExpiresAt)
}
