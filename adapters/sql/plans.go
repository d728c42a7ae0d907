package sql

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

// PlanRepository stores meal plans in the meal_plans table and their slots in
// meal_plan_slots, one row per planned meal.
type PlanRepository struct{ db *DB }

var _ ports.PlanRepository = (*PlanRepository)(nil)

// NewPlanRepository returns the meal-plan repository of db.
func NewPlanRepository(db *DB) *PlanRepository { return &PlanRepository{db: db} }

var (
	errPlanNotFound  = domain.NotFound("meal plan not found")
	errPlanWeekTaken = domain.Conflict("meal plan already exists for this week")
	errPlanStale     = domain.Conflict("meal plan was changed by another request")
)

// Get returns one of the user's plans. NOT_FOUND when unknown or another
// user's.
func (r *PlanRepository) Get(ctx context.Context, userID, id string) (*planning.Plan, error) {
	return r.one(ctx, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where("p.id = ?", id).Where("p.user_id = ?", userID)
	})
}

// ForWeek returns the user's plan of the week starting weekStart. NOT_FOUND
// when there is none.
func (r *PlanRepository) ForWeek(ctx context.Context, userID string, weekStart planning.Date) (*planning.Plan, error) {
	return r.one(ctx, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where("p.user_id = ?", userID).Where("p.week_start = ?", sqlDate(weekStart))
	})
}

// one reads the single plan that filter selects, with its slots.
func (r *PlanRepository) one(ctx context.Context, filter func(*bun.SelectQuery) *bun.SelectQuery) (*planning.Plan, error) {
	var rows []planRow
	if err := r.db.bun.NewSelect().Model(&rows).Apply(filter).Limit(1).Scan(ctx); err != nil {
		return nil, translate(err)
	}
	if len(rows) == 0 {
		return nil, errPlanNotFound
	}
	plans, err := withSlots(ctx, r.db.bun, rows)
	if err != nil {
		return nil, err
	}
	return plans[0], nil
}

// List returns a page of the user's plans, newest week first, and how many
// match the query.
func (r *PlanRepository) List(ctx context.Context, userID string, q ports.PlanQuery) ([]*planning.Plan, int, error) {
	filter := func(sq *bun.SelectQuery) *bun.SelectQuery {
		sq = sq.Where("p.user_id = ?", userID)
		if q.From != nil {
			sq = sq.Where("p.week_start >= ?", sqlDate(*q.From))
		}
		if q.To != nil {
			sq = sq.Where("p.week_start <= ?", sqlDate(*q.To))
		}
		return sq
	}
	n, err := r.db.bun.NewSelect().Model((*planRow)(nil)).Apply(filter).Count(ctx)
	total := int(n)
	if err != nil {
		return nil, 0, translate(err)
	}
	if q.Offset >= total {
		return []*planning.Plan{}, total, nil
	}
	var rows []planRow
	sel := r.db.bun.NewSelect().Model(&rows).Apply(filter).OrderExpr("p.week_start DESC")
	if err := page(sel, max(q.Offset, 0), max(q.Limit, 0)).Scan(ctx); err != nil {
		return nil, 0, translate(err)
	}
	plans, err := withSlots(ctx, r.db.bun, rows)
	return plans, total, err
}

// Delete removes one of the user's plans with its slots. The foreign key of
// shopping_lists.meal_plan_id clears the plan from its lists (ON DELETE SET
// NULL). NOT_FOUND when unknown or another user's.
func (r *PlanRepository) Delete(ctx context.Context, userID, id string) error {
	res, err := r.db.bun.NewDelete().Model((*planRow)(nil)).
		Where("p.id = ?", id).Where("p.user_id = ?", userID).Exec(ctx)
	if err != nil {
		return translate(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return orNotFound(translate(err), errPlanNotFound)
	}
	return nil
}

// orNotFound returns err, or notFound when there is no error to report.
func orNotFound(err, notFound error) error {
	if err != nil {
		return err
	}
	return notFound
}

// plannedRow is one planned meal as Planned reads it.
type plannedRow struct {
	UserID   string  `bun:"user_id"`
	RecipeID int64   `bun:"recipe_id"`
	Day      sqlDate `bun:"day"`
}

// Planned returns the recipes planned on dates from since onwards, by every
// user when userID is "", else by that user only; ordered by date, user
// (bytewise, as Go compares) and recipe.
func (r *PlanRepository) Planned(ctx context.Context, userID string, since planning.Date) ([]ports.PlannedRecipe, error) {
	// a slot lies within its plan's week, so only weeks starting at most six
	// days before since can hold one: the bound lets a user's plans be found
	// by the (user_id, week_start) index
	q := r.db.bun.NewSelect().TableExpr("meal_plan_slots AS ms").
		Join("JOIN meal_plans AS p ON p.id = ms.plan_id").
		ColumnExpr("p.user_id, ms.recipe_id, ms.day").
		Where("ms.day >= ?", sqlDate(since)).
		Where("p.week_start >= ?", sqlDate(since.AddDays(1-planning.DaysPerWeek)))
	if userID != "" {
		q = q.Where("p.user_id = ?", userID)
	}
	if r.db.isPostgres() {
		q = q.OrderExpr(`ms.day, p.user_id COLLATE "C", ms.recipe_id`)
	} else {
		q = q.OrderExpr("ms.day, p.user_id, ms.recipe_id")
	}
	var rows []plannedRow
	if err := q.Scan(ctx, &rows); err != nil {
		return nil, translate(err)
	}
	out := make([]ports.PlannedRecipe, len(rows))
	for i, row := range rows {
		out[i] = ports.PlannedRecipe{UserID: row.UserID, RecipeID: row.RecipeID, Date: planning.Date(row.Day)}
	}
	return out, nil
}
