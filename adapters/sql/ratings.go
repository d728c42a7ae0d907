package sql

import (
	"cmp"
	"context"
	"slices"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// RatingRepository stores ratings in the ratings table and keeps each
// recipe's rating (the mean) and review_count in step, in the same
// transaction.
type RatingRepository struct{ db *DB }

var _ ports.RatingRepository = (*RatingRepository)(nil)

// NewRatingRepository returns the rating repository of db.
func NewRatingRepository(db *DB) *RatingRepository { return &RatingRepository{db: db} }

var errStars = domain.Invalid("stars must be between 1 and 5", map[string]string{"stars": "must be between 1 and 5"})

type ratingRow struct {
	bun.BaseModel `bun:"table:ratings,alias:g"`

	UserID    string    `bun:"user_id,pk"`
	RecipeID  int64     `bun:"recipe_id,pk"`
	Stars     int       `bun:"stars"`
	CreatedAt time.Time `bun:"created_at"`
	UpdatedAt time.Time `bun:"updated_at"`
}

// ratingAggregate is a recipe's mean stars and how many ratings make it.
// The mean moves by arithmetic rather than being recomputed from the
// ratings table, so that counts imported with the catalogue survive the
// first rating of a user.
type ratingAggregate struct {
	Mean  float64
	Count int
}

// with replaces old stars (0 for none) by stars.
func (a ratingAggregate) with(old, stars int) ratingAggregate {
	if old == 0 || a.Count == 0 {
		return ratingAggregate{Mean: (a.Mean*float64(a.Count) + float64(stars)) / float64(a.Count+1), Count: a.Count + 1}
	}
	return ratingAggregate{Mean: (a.Mean*float64(a.Count) - float64(old) + float64(stars)) / float64(a.Count),
		Count: a.Count}
}

// without takes old stars away.
func (a ratingAggregate) without(old int) ratingAggregate {
	if a.Count <= 1 {
		return ratingAggregate{}
	}
	return ratingAggregate{Mean: (a.Mean*float64(a.Count) - float64(old)) / float64(a.Count-1), Count: a.Count - 1}
}

// Rate sets or replaces the user's stars for a live recipe and returns the
// recipe's new mean and count. NOT_FOUND when the user or the recipe is
// unknown or deleted; VALIDATION_ERROR when stars is not 1 to 5.
func (r *RatingRepository) Rate(ctx context.Context, userID string, recipeID int64, stars int, at time.Time) (float64, int, error) {
	if stars < 1 || stars > 5 {
		return 0, 0, errStars
	}
	var next ratingAggregate
	err := r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		if err := r.db.liveUser(ctx, tx, userID); err != nil {
			return err
		}
		agg, err := r.db.aggregate(ctx, tx, recipeID, true)
		if err != nil {
			return err
		}
		old, err := starsOf(ctx, tx, userID, recipeID)
		if err != nil {
			return err
		}
		row := ratingRow{UserID: userID, RecipeID: recipeID, Stars: stars, CreatedAt: utc(at), UpdatedAt: utc(at)}
		if old == 0 {
			_, err = tx.NewInsert().Model(&row).Exec(ctx)
		} else {
			_, err = tx.NewUpdate().Model(&row).Column("stars", "updated_at").WherePK().Exec(ctx)
		}
		if err != nil {
			return err
		}
		next = agg.with(old, stars)
		return setRating(ctx, tx, recipeID, next)
	})
	return next.Mean, next.Count, err
}

func starsOf(ctx context.Context, db bun.IDB, userID string, recipeID int64) (int, error) {
	var stars int
	err := db.NewSelect().Model((*ratingRow)(nil)).Column("g.stars").
		Where("g.user_id = ?", userID).Where("g.recipe_id = ?", recipeID).Scan(ctx, &stars)
	if err = translate(err); err == errNotFound {
		return 0, nil
	}
	return stars, err
}

func setRating(ctx context.Context, tx bun.Tx, recipeID int64, a ratingAggregate) error {
	_, err := tx.NewUpdate().Model((*recipeRow)(nil)).Set("rating = ?", a.Mean).Set("review_count = ?", a.Count).
		Where("r.id = ?", recipeID).Exec(ctx)
	return err
}

// Mine returns the user's stars for a recipe, or 0 when they gave none.
func (r *RatingRepository) Mine(ctx context.Context, userID string, recipeID int64) (int, error) {
	return starsOf(ctx, r.db.bun, userID, recipeID)
}

// ByUser returns every rating of the user, deleted recipes' included,
// newest first (ties by recipe id, highest first).
func (r *RatingRepository) ByUser(ctx context.Context, userID string) ([]ports.Rating, error) {
	var rows []ratingRow
	err := r.db.bun.NewSelect().Model(&rows).Where("g.user_id = ?", userID).
		OrderExpr("g.updated_at DESC, g.recipe_id DESC").Scan(ctx)
	if err != nil {
		return nil, translate(err)
	}
	out := make([]ports.Rating, len(rows))
	for i, row := range rows {
		out[i] = ports.Rating{RecipeID: row.RecipeID, Stars: row.Stars, At: utc(row.UpdatedAt)}
	}
	return out, nil
}

// eraseRatings deletes the user's ratings and takes them out of the
// recipes' means and counts, deleted recipes included.
func eraseRatings(ctx context.Context, db *DB, tx bun.Tx, userID string) error {
	var rows []ratingRow
	err := tx.NewDelete().Model((*ratingRow)(nil)).Where("g.user_id = ?", userID).
		Returning("recipe_id, stars").Scan(ctx, &rows)
	if err != nil {
		return err
	}
	slices.SortFunc(rows, func(a, b ratingRow) int { return cmp.Compare(a.RecipeID, b.RecipeID) })
	for _, row := range rows {
		agg, err := db.aggregate(ctx, tx, row.RecipeID, false)
		if err != nil {
			return err
		}
		if err := setRating(ctx, tx, row.RecipeID, agg.without(row.Stars)); err != nil {
			return err
		}
	}
	return nil
}

// aggregate reads a recipe's rating aggregate, of a live recipe only when
// live is set, locking the row on PostgreSQL the way the update that follows
// would. NOT_FOUND when there is no such recipe.
func (db *DB) aggregate(ctx context.Context, tx bun.Tx, id int64, live bool) (ratingAggregate, error) {
	var agg ratingAggregate
	q := tx.NewSelect().Model((*recipeRow)(nil)).Column("r.rating", "r.review_count").Where("r.id = ?", id)
	if live {
		q = q.Where("r.deleted_at IS NULL")
	}
	if db.isPostgres() {
		q = q.For("NO KEY UPDATE")
	}
	err := q.Scan(ctx, &agg.Mean, &agg.Count)
	return agg, notFoundAs(translate(err), errRecipeNotFound)
}
