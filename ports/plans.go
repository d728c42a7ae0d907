package ports

import (
	"context"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/shopping"
)

// PlanQuery selects a page of one user's plans. A nil bound does not filter.
type PlanQuery struct {
	From, To      *planning.Date // week starts, inclusive
	Offset, Limit int            // a Limit of 0 means no limit
}

// PlannedRecipe is one recipe in one user's plans, for the recommender's
// history and the admin's analytics.
type PlannedRecipe struct {
	UserID   string
	RecipeID int64
	Date     planning.Date
}

// PlanRepository stores meal plans, one per user and week. A plan belongs to
// its user: every read takes the user id and a plan of another user is
// NOT_FOUND, exactly like a missing one.
type PlanRepository interface {
	// Save stores plans atomically, all or none. A plan with Version 0 is
	// inserted; CONFLICT when the user already has a plan for its week. Any
	// other plan is updated only while the stored Version equals its own:
	// CONFLICT when someone saved it meanwhile, NOT_FOUND when it was
	// deleted. On success each plan's Version is incremented.
	Save(ctx context.Context, plans ...*planning.Plan) error
	// Get returns one of the user's plans. NOT_FOUND when unknown or another
	// user's.
	Get(ctx context.Context, userID, id string) (*planning.Plan, error)
	// ForWeek returns the user's plan for the week starting weekStart.
	// NOT_FOUND when there is none.
	ForWeek(ctx context.Context, userID string, weekStart planning.Date) (*planning.Plan, error)
	// List returns a page of the user's plans, newest week first, and the
	// number of plans matching the query.
	List(ctx context.Context, userID string, q PlanQuery) ([]*planning.Plan, int, error)
	// Delete removes one of the user's plans; the shopping lists made from it
	// stay, with MealPlanID cleared. NOT_FOUND when unknown or another user's.
	Delete(ctx context.Context, userID, id string) error
	// Planned returns the recipes planned on dates from since onwards, by
	// every user when userID is "", else by that user only; ordered by date,
	// then user, then recipe.
	Planned(ctx context.Context, userID string, since planning.Date) ([]PlannedRecipe, error)
}

// ShoppingListRepository stores shopping lists. Like plans, a list belongs
// to its user and another user's list is NOT_FOUND; only Shared reads across
// users, by the unguessable share id.
type ShoppingListRepository interface {
	// Save inserts a list with Version 0, or updates one only while the
	// stored Version equals its own (CONFLICT when stale, NOT_FOUND when
	// deleted). A share id already used by another list is CONFLICT, and so
	// is a second list of the same plan: a plan has at most one list, which
	// generating again regenerates. On success the list's Version is
	// incremented.
	Save(ctx context.Context, l *shopping.List) error
	// Get returns one of the user's lists. NOT_FOUND when unknown or another
	// user's.
	Get(ctx context.Context, userID, id string) (*shopping.List, error)
	// ForPlan returns the user's list generated from the plan. NOT_FOUND
	// when there is none.
	ForPlan(ctx context.Context, userID, planID string) (*shopping.List, error)
	// List returns a page of the user's lists, newest first (creation time,
	// then id), with their items, and the user's number of lists. A Limit of
	// 0 means no limit.
	List(ctx context.Context, userID string, offset, limit int) ([]*shopping.List, int, error)
	// Delete removes one of the user's lists. NOT_FOUND when unknown or
	// another user's.
	Delete(ctx context.Context, userID, id string) error
	// Shared returns the list whose share id is shareID, whatever its owner
	// and whether or not the share has expired (the caller decides).
	// NOT_FOUND when no list carries the id.
	Shared(ctx context.Context, shareID string) (*shopping.List, error)
}
