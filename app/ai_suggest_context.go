package app

import (
	"context"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

// historyDays is how far back a person's own planned meals are read: their
// taste weight halves every 60 days, so older meals add next to nothing.
const historyDays = 365

// suggestContext is everything known about the caller for one request.
type suggestContext struct {
	userID  string
	today   planning.Date
	hour    int // local hour when suggesting for today, else -1
	plan    *planning.Plan
	inPlan  []int64
	profile recommend.Profile
	rules   recipe.Restrictions
	// blocked are the ids no suggestion may carry (recommend.Blocked).
	blocked map[int64]bool
}

// suggestContext loads the caller, the plan being filled and their history.
func (a *AI) suggestContext(ctx context.Context, userID string, in suggestInput) (*suggestContext, error) {
	u, err := a.Users.Get(ctx, userID)
	if err != nil {
		return nil, err
	}
	sc := &suggestContext{userID: userID, hour: -1, rules: recommend.RestrictionsOf(u.Preferences)}
	now := a.Clock.Now().In(zoneOf(u))
	sc.today = planning.DateOf(now, now.Location())
	if in.hasDate {
		sc.today = in.date
	}
	if sc.today.Equal(planning.DateOf(now, now.Location())) {
		sc.hour = now.Hour()
	}
	ref := in.ref
	if ref.MealPlanID == "" && ref.WeekStart == "" {
		ref.WeekStart = sc.today.String()
	}
	if sc.plan, err = a.weekPlan(ctx, userID, ref); err != nil {
		return nil, err
	}
	sc.inPlan = planIDs(sc.plan)
	if sc.profile, err = a.loadProfile(ctx, u, sc.today); err != nil {
		return nil, err
	}
	sc.blocked = recommend.Blocked(sc.profile, sc.request(in, in.count, in.exclude))
	return sc, nil
}

// zoneOf is the user's time zone, UTC when they set none or an unknown one.
func zoneOf(u *user.User) *time.Location {
	if u.Preferences.Timezone == "" {
		return time.UTC
	}
	loc, err := time.LoadLocation(u.Preferences.Timezone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// loadProfile reads the user's favourites, ratings and planned meals.
func (a *AI) loadProfile(ctx context.Context, u *user.User, today planning.Date) (recommend.Profile, error) {
	prof := recommend.Profile{Prefs: u.Preferences, Ratings: map[int64]int{}}
	favs, _, err := a.Favorites.List(ctx, u.ID, 0, 0)
	if err != nil {
		return prof, err
	}
	for _, f := range favs {
		prof.Favorites = append(prof.Favorites, f.RecipeID)
	}
	ratings, err := a.Ratings.ByUser(ctx, u.ID)
	if err != nil {
		return prof, err
	}
	for _, r := range ratings {
		prof.Ratings[r.RecipeID] = r.Stars
	}
	planned, err := a.Plans.Planned(ctx, u.ID, today.AddDays(-historyDays))
	if err != nil {
		return prof, err
	}
	for _, pl := range planned {
		prof.Planned = append(prof.Planned, recommend.Planned{RecipeID: pl.RecipeID, Date: pl.Date})
	}
	return prof, nil
}

// planIDs lists the distinct recipes of a plan.
func planIDs(p *planning.Plan) []int64 {
	var ids []int64
	for _, day := range p.DaysInOrder() {
		for _, m := range day.Meals {
			ids = append(ids, m.Slot.RecipeID)
		}
	}
	return distinctRecipeIDs(ids)
}

// allows reports whether a recipe may be suggested to the caller.
func (sc *suggestContext) allows(r *recipe.Recipe) bool {
	return !sc.blocked[r.ID] && sc.rules.Allows(r)
}

// request is the local recommender's request.
func (sc *suggestContext) request(in suggestInput, count int, exclude []int64) recommend.Request {
	return recommend.Request{Count: count, MealType: in.meal, Hour: sc.hour, Today: sc.today,
		Exclude: exclude, InPlan: sc.inPlan}
}
