package sql

import (
	"context"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/ports"
)

// FavoriteRepository stores favourites in the favorites table and keeps
// recipes.favorite_count in step, in the same transaction.
type FavoriteRepository struct{ db *DB }

var _ ports.FavoriteRepository = (*FavoriteRepository)(nil)

// NewFavoriteRepository returns the favourite repository of db.
func NewFavoriteRepository(db *DB) *FavoriteRepository { return &FavoriteRepository{db: db} }

type favoriteRow struct {
	bun.BaseModel `bun:"table:favorites,alias:f"`

	UserID    string    `bun:"user_id,pk"`
	RecipeID  int64     `bun:"recipe_id,pk"`
	CreatedAt time.Time `bun:"created_at"`
}

// Lock order on PostgreSQL, here, in ratings and in erasure: whatever adds
// a user's favourite or rating first locks the user's row, which erasure
// holds for update; recipe rows are locked one at a time, or in id order.
// So no two of these transactions can wait for each other in a circle.

// Add marks a favourite and counts it; marking it again changes nothing.
// NOT_FOUND when the user or the recipe is unknown or deleted.
func (r *FavoriteRepository) Add(ctx context.Context, userID string, recipeID int64, at time.Time) error {
	return r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := r.db.liveUser(ctx, tx, userID); err != nil {
			return err
		}
		if _, err := r.db.aggregate(ctx, tx, recipeID, true); err != nil {
			return err
		}
		row := favoriteRow{UserID: userID, RecipeID: recipeID, CreatedAt: utc(at)}
		res, err := tx.NewInsert().Model(&row).On("CONFLICT DO NOTHING").Exec(ctx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return addFavoriteCount(ctx, tx, 1, recipeID)
	})
}

// Remove unmarks a favourite and uncounts it; removing a missing one
// changes nothing.
func (r *FavoriteRepository) Remove(ctx context.Context, userID string, recipeID int64) error {
	return r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		res, err := tx.NewDelete().Model((*favoriteRow)(nil)).
			Where("f.user_id = ?", userID).Where("f.recipe_id = ?", recipeID).Exec(ctx)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return err
		}
		return addFavoriteCount(ctx, tx, -1, recipeID)
	})
}

// List returns a page of the user's favourites of live recipes, newest
// first (ties by recipe id, highest first), and their total. A limit of 0
// means no limit.
func (r *FavoriteRepository) List(ctx context.Context, userID string, offset, limit int) ([]ports.Favorite, int, error) {
	live := func(q *bun.SelectQuery) *bun.SelectQuery {
		return q.Join("JOIN recipes AS r ON r.id = f.recipe_id").
			Where("f.user_id = ?", userID).Where("r.deleted_at IS NULL")
	}
	n, err := r.db.bun.NewSelect().Model((*favoriteRow)(nil)).Apply(live).Count(ctx)
	total := int(n)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := []ports.Favorite{}
	if offset >= total {
		return out, total, nil
	}
	var rows []favoriteRow
	q := r.db.bun.NewSelect().Model(&rows).Apply(live).OrderExpr("f.created_at DESC, f.recipe_id DESC")
	if err := page(q, max(offset, 0), max(limit, 0)).Scan(ctx); err != nil {
		return nil, 0, translate(err)
	}
	for _, row := range rows {
		out = append(out, ports.Favorite{RecipeID: row.RecipeID, At: utc(row.CreatedAt)})
	}
	return out, total, nil
}

func addFavoriteCount(ctx context.Context, tx bun.Tx, delta int, recipeIDs ...int64) error {
	_, err := tx.NewUpdate().Model((*recipeRow)(nil)).Set("favorite_count = favorite_count + ?", delta).
		Where("r.id IN (?)", bun.In(recipeIDs)).Exec(ctx)
	return err
}

// eraseFavorites deletes the user's favourites and takes them off the
// recipes' counts.
func eraseFavorites(ctx context.Context, tx bun.Tx, userID string) error {
	var ids []int64
	err := tx.NewDelete().Model((*favoriteRow)(nil)).Where("f.user_id = ?", userID).
		Returning("recipe_id").Scan(ctx, &ids)
	if err != nil || len(ids) == 0 {
		return err
	}
	return addFavoriteCount(ctx, tx, -1, ids...)
}

// liveUser checks that the user exists and is not erased; on PostgreSQL it
// holds the row against a concurrent erasure until the transaction ends.
func (db *DB) liveUser(ctx context.Context, tx bun.Tx, userID string) error {
	var id string
	q := tx.NewSelect().Model((*userRow)(nil)).Column("u.id").Where("u.id = ?", userID).
		Where("u.deleted_at IS NULL")
	if db.isPostgres() {
		q = q.For("KEY SHARE")
	}
	return notFoundAs(translate(q.Scan(ctx, &id)), errUserNotFound)
}
