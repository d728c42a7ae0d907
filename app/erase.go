package app

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

// Export is everything stored about one user, for a GDPR access request.
type Export struct {
	ExportDate    time.Time
	User          *user.User
	Favorites     []ports.Favorite
	Ratings       []ports.Rating
	MealPlans     []*planning.Plan
	ShoppingLists []*shopping.List
	Activities    []activity.Activity
}

// ExportData gathers a user's data; it never includes anyone else's.
func (a *Accounts) ExportData(ctx context.Context, p Principal, userID string) (Export, error) {
	u, err := a.GetUser(ctx, p, userID)
	if err != nil {
		return Export{}, err
	}
	ex := Export{ExportDate: a.Clock.Now().UTC(), User: u}
	if ex.Activities, err = a.Activities.All(ctx, u.ID); err != nil {
		return Export{}, err
	}
	if ex.Favorites, err = a.allFavorites(ctx, u.ID); err != nil {
		return Export{}, err
	}
	if ex.Ratings, err = a.Ratings.ByUser(ctx, u.ID); err != nil {
		return Export{}, err
	}
	// A Limit of 0 reads every plan and list: a person's history is small
	// (a plan a week), and an export must be complete.
	if ex.MealPlans, _, err = a.Plans.List(ctx, u.ID, ports.PlanQuery{}); err != nil {
		return Export{}, err
	}
	if ex.ShoppingLists, _, err = a.Lists.List(ctx, u.ID, 0, 0); err != nil {
		return Export{}, err
	}
	a.Logger.Info("personal data exported", "user_id", u.ID, "by", p.UserID)
	return ex, nil
}

// allFavorites pages through every favourite of the user.
func (a *Accounts) allFavorites(ctx context.Context, userID string) ([]ports.Favorite, error) {
	const page = 500
	all := []ports.Favorite{}
	for {
		favs, total, err := a.Favorites.List(ctx, userID, len(all), page)
		if err != nil {
			return nil, err
		}
		all = append(all, favs...)
		if len(favs) < page || len(all) >= total {
			return all, nil
		}
	}
}

// Erase deletes a user's personal data and anonymises the account so the
// email can register again. Users confirm with their password; an admin
// erasing someone else needs none.
func (a *Accounts) Erase(ctx context.Context, p Principal, userID, password string) error {
	u, err := a.GetUser(ctx, p, userID)
	if err != nil {
		return err
	}
	if u.ID == p.UserID && !a.Hasher.Matches(u.PasswordHash, password) {
		return domain.Invalid("password is incorrect", map[string]string{"password": "is incorrect"})
	}
	if err := a.revokeUser(ctx, u.ID, ""); err != nil {
		return err
	}
	now := a.Clock.Now()
	err = a.Users.Erase(ctx, u.ID, func(u *user.User) error {
		u.Anonymise(now)
		return nil
	})
	if err != nil {
		return notFoundAs(err, errUserNotFound)
	}
	a.Logger.Info("user erased", "user_id", u.ID, "by", p.UserID)
	return nil
}
