package sql

import (
	"context"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

// ShoppingListRepository stores shopping lists in the shopping_lists table,
// each list's items as one JSON array.
type ShoppingListRepository struct{ db *DB }

var _ ports.ShoppingListRepository = (*ShoppingListRepository)(nil)

// NewShoppingListRepository returns the shopping-list repository of db.
func NewShoppingListRepository(db *DB) *ShoppingListRepository {
	return &ShoppingListRepository{db: db}
}

var (
	errListNotFound = domain.NotFound("shopping list not found")
	errListStale    = domain.Conflict("shopping list was changed by another request")
)

// Save inserts a list of Version 0 (CONFLICT when its id is taken) or updates
// one only while the stored version is its own (CONFLICT when stale,
// NOT_FOUND when gone). CONFLICT when another list carries the share id;
// NOT_FOUND when the user is unknown or erased, or the list's plan is not one
// of the user's. The list's Version is incremented once committed.
func (r *ShoppingListRepository) Save(ctx context.Context, l *shopping.List) error {
	row, err := listFromDomain(l)
	if err != nil {
		return err
	}
	err = r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := r.db.liveUser(ctx, tx, l.UserID); err != nil {
			return err
		}
		if err := r.ownPlan(ctx, tx, l.UserID, l.MealPlanID); err != nil {
			return err
		}
		if l.Version > 0 {
			return r.update(ctx, tx, row)
		}
		row.Version = 1
		_, err := tx.NewInsert().Model(row).Exec(ctx)
		return err
	})
	if err != nil {
		return err
	}
	l.Version++
	return nil
}

// ownPlan checks that planID, unless "", is one of the user's plans. On
// PostgreSQL it holds the plan until the transaction ends, so that a
// concurrent deletion waits and then detaches the list being saved.
func (r *ShoppingListRepository) ownPlan(ctx context.Context, tx bun.Tx, userID, planID string) error {
	if planID == "" {
		return nil
	}
	var id string
	q := tx.NewSelect().Model((*planRow)(nil)).Column("p.id").Where("p.id = ?", planID).Where("p.user_id = ?", userID)
	if r.db.isPostgres() {
		q = q.For("KEY SHARE")
	}
	return notFoundAs(translate(q.Scan(ctx, &id)), errPlanNotFound)
}

// update writes the list while the stored version is row.Version, then tells
// a stale list from a missing one.
func (r *ShoppingListRepository) update(ctx context.Context, tx bun.Tx, row *listRow) error {
	res, err := tx.NewUpdate().Model(row).
		Column("meal_plan_id", "week_start", "name", "items", "share_id", "share_expires_at", "created_at", "updated_at").
		Set("version = version + 1").
		Where("l.id = ?", row.ID).Where("l.user_id = ?", row.UserID).Where("l.version = ?", row.Version).
		Exec(ctx)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n > 0 {
		return err
	}
	n, err := tx.NewSelect().Model((*listRow)(nil)).
		Where("l.id = ?", row.ID).Where("l.user_id = ?", row.UserID).Count(ctx)
	switch {
	case err != nil:
		return err
	case n > 0:
		return errListStale
	}
	return errListNotFound
}

// Get returns one of the user's lists. NOT_FOUND when unknown or another
// user's.
func (r *ShoppingListRepository) Get(ctx context.Context, userID, id string) (*shopping.List, error) {
	return r.one(ctx, func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Where("l.id = ?", id).Where("l.user_id = ?", userID)
	})
}

// ForPlan returns the user's newest list generated from the plan. NOT_FOUND
// when there is none.
func (r *ShoppingListRepository) ForPlan(ctx context.Context, userID, planID string) (*shopping.List, error) {
	return r.one(ctx, func(q *bun.SelectQuery) *bun.SelectQuery {
		return r.newestFirst(q.Where("l.user_id = ?", userID).Where("l.meal_plan_id = ?", planID))
	})
}

// Shared returns the list carrying the share id, whoever owns it and whether
// or not the share has expired. NOT_FOUND when none does.
func (r *ShoppingListRepository) Shared(ctx context.Context, shareID string) (*shopping.List, error) {
	if shareID == "" {
		return nil, errListNotFound
	}
	return r.one(ctx, func(q *bun.SelectQuery) *bun.SelectQuery { return q.Where("l.share_id = ?", shareID) })
}

// one reads the first list that filter selects.
func (r *ShoppingListRepository) one(ctx context.Context, filter func(*bun.SelectQuery) *bun.SelectQuery) (*shopping.List, error) {
	var row listRow
	if err := r.db.bun.NewSelect().Model(&row).Apply(filter).Limit(1).Scan(ctx); err != nil {
		return nil, notFoundAs(translate(err), errListNotFound)
	}
	return row.toDomain()
}

// List returns a page of the user's lists, newest first, and how many the
// user has. A limit of 0 means no limit.
func (r *ShoppingListRepository) List(ctx context.Context, userID string, offset, limit int) ([]*shopping.List, int, error) {
	n, err := r.db.bun.NewSelect().Model((*listRow)(nil)).Where("l.user_id = ?", userID).Count(ctx)
	total := int(n)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := []*shopping.List{}
	if offset >= total {
		return out, total, nil
	}
	var rows []listRow
	q := r.newestFirst(r.db.bun.NewSelect().Model(&rows).Where("l.user_id = ?", userID))
	if err := page(q, max(offset, 0), max(limit, 0)).Scan(ctx); err != nil {
		return nil, 0, translate(err)
	}
	for i := range rows {
		l, err := rows[i].toDomain()
		if err != nil {
			return nil, 0, err
		}
		out = append(out, l)
	}
	return out, total, nil
}

// newestFirst orders lists by creation time, then id, both descending; ids
// compare bytewise, as Go compares them, whatever the database's collation.
func (r *ShoppingListRepository) newestFirst(q *bun.SelectQuery) *bun.SelectQuery {
	if r.db.isPostgres() {
		return q.OrderExpr(`l.created_at DESC, l.id COLLATE "C" DESC`)
	}
	return q.OrderExpr("l.created_at DESC, l.id DESC")
}

// Delete removes one of the user's lists. NOT_FOUND when unknown or another
// user's.
func (r *ShoppingListRepository) Delete(ctx context.Context, userID, id string) error {
	res, err := r.db.bun.NewDelete().Model((*listRow)(nil)).
		Where("l.id = ?", id).Where("l.user_id = ?", userID).Exec(ctx)
	if err != nil {
		return translate(err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return orNotFound(translate(err), errListNotFound)
	}
	return nil
}
