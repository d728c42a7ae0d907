package sql

import (
	"context"
	"errors"
	"reflect"
	"slices"
	"time"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/ports"
)

// RecipeRepository stores the catalogue in the recipes table.
type RecipeRepository struct{ db *DB }

var _ ports.RecipeRepository = (*RecipeRepository)(nil)

// NewRecipeRepository returns the recipe repository of db.
func NewRecipeRepository(db *DB) *RecipeRepository { return &RecipeRepository{db: db} }

var (
	errRecipeNotFound = domain.NotFound("recipe not found")
	errRecipeID       = domain.Invalid("recipe id must be a positive integer",
		map[string]string{"id": "must be a positive integer"})
)

// createAttempts bounds the retries of Create with an assigned id: two
// concurrent creates may pick the same max+1, and the loser tries again.
const createAttempts = 8

// Create stores a new recipe; an ID of 0 is assigned the next free id (the
// largest stored one, deleted recipes included, plus one) and written back
// to r. CONFLICT when the id is taken.
func (r *RecipeRepository) Create(ctx context.Context, rec *recipe.Recipe) error {
	if rec.ID < 0 {
		return errRecipeID
	}
	row, err := recipeFromDomain(rec)
	if err != nil {
		return err
	}
	if rec.ID > 0 {
		_, err := r.db.bun.NewInsert().Model(row).Exec(ctx)
		return translate(err)
	}
	for attempt := 1; ; attempt++ {
		err = r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
			if err := tx.NewSelect().Model((*recipeRow)(nil)).ColumnExpr("coalesce(max(r.id), 0) + 1").
				Scan(ctx, &row.ID); err != nil {
				return err
			}
			_, err := tx.NewInsert().Model(row).Exec(ctx)
			return err
		})
		if err == nil {
			rec.ID = row.ID
			return nil
		}
		if !errors.Is(err, domain.ErrConflict) || attempt == createAttempts {
			return err
		}
	}
}

// Save inserts the recipe or replaces the one with its id, keeping the
// stored aggregates, creation and deletion times.
func (r *RecipeRepository) Save(ctx context.Context, rec *recipe.Recipe) error {
	return r.SaveMany(ctx, []*recipe.Recipe{rec})
}

// saveBatch is how many rows one statement of SaveMany writes: PostgreSQL's
// triggers keep the search tables per statement, so larger is cheaper.
const saveBatch = 2000

// SaveMany saves the recipes in order, in statements of up to saveBatch
// rows, all in one transaction. A goroutine renders the next statement
// while the database runs the current one: at 100 000 recipes, encoding
// them takes a fifth of the time.
func (r *RecipeRepository) SaveMany(ctx context.Context, recs []*recipe.Recipe) error {
	for _, rec := range recs {
		if rec.ID <= 0 {
			return errRecipeID
		}
	}
	return r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		ctx, cancel := context.WithCancel(ctx)
		stmts := make(chan rendered, 2)
		go r.render(ctx, recs, stmts)
		defer func() {
			cancel()
			for range stmts { // let the renderer finish
			}
		}()
		for st := range stmts {
			if st.err != nil {
				return st.err
			}
			// the statement is complete SQL: bun must not read its ? as placeholders
			if _, err := tx.Tx.ExecContext(ctx, st.sql); err != nil {
				return err
			}
		}
		return nil
	})
}

// rendered is one statement of SaveMany, or why it could not be made.
type rendered struct {
	sql string
	err error
}

// render sends SaveMany's statements, in order, until done or cancelled.
func (r *RecipeRepository) render(ctx context.Context, recs []*recipe.Recipe, out chan<- rendered) {
	defer close(out)
	for len(recs) > 0 {
		n := batchEnd(recs)
		sql, err := r.renderBatch(recs[:n])
		select {
		case out <- rendered{sql: sql, err: err}:
		case <-ctx.Done():
			return
		}
		if err != nil {
			return
		}
		recs = recs[n:]
	}
}

func (r *RecipeRepository) renderBatch(recs []*recipe.Recipe) (string, error) {
	rows := make([]recipeRow, len(recs))
	for i, rec := range recs {
		row, err := recipeFromDomain(rec)
		if err != nil {
			return "", err
		}
		rows[i] = *row
	}
	b, err := r.upsert(r.db.bun, rows).AppendQuery(r.db.bun.QueryGen(), nil)
	return string(b), err
}

// batchEnd cuts a batch before a repeated id: one statement may not touch a
// row twice, and a later Save of the same id must see the earlier one.
func batchEnd(recs []*recipe.Recipe) int {
	seen := make(map[int64]bool, saveBatch)
	for i := range min(len(recs), saveBatch) {
		if seen[recs[i].ID] {
			return i
		}
		seen[recs[i].ID] = true
	}
	return min(len(recs), saveBatch)
}

// upsert inserts rows, replacing on a taken id every column but the kept ones.
func (r *RecipeRepository) upsert(db bun.IDB, rows []recipeRow) *bun.InsertQuery {
	q := db.NewInsert().Model(&rows).On("CONFLICT (id) DO UPDATE")
	for _, f := range r.db.bun.Table(reflect.TypeFor[recipeRow]()).Fields {
		if !slices.Contains(recipeKept, f.Name) {
			q = q.Set("? = EXCLUDED.?", bun.Ident(f.Name), bun.Ident(f.Name))
		}
	}
	return q
}

// Get returns a live recipe. NOT_FOUND when unknown or deleted.
func (r *RecipeRepository) Get(ctx context.Context, id int64) (*recipe.Recipe, error) {
	var row recipeRow
	err := r.db.bun.NewSelect().Model(&row).Where("r.id = ?", id).Where("r.deleted_at IS NULL").Scan(ctx)
	if err != nil {
		return nil, notFoundAs(translate(err), errRecipeNotFound)
	}
	return row.toDomain()
}

// GetMany returns the live recipes among ids, in the order of ids, once per
// mention; unknown and deleted ids are left out.
func (r *RecipeRepository) GetMany(ctx context.Context, ids []int64) ([]*recipe.Recipe, error) {
	out := make([]*recipe.Recipe, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []recipeRow
	err := r.db.bun.NewSelect().Model(&rows).Where("r.id IN (?)", bun.In(ids)).Where("r.deleted_at IS NULL").
		Scan(ctx)
	if err != nil {
		return nil, translate(err)
	}
	byID := make(map[int64]*recipeRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	for _, id := range ids {
		if row, ok := byID[id]; ok {
			rec, err := row.toDomain()
			if err != nil {
				return nil, err
			}
			out = append(out, rec)
		}
	}
	return out, nil
}

// Update loads a live recipe (locking its row on PostgreSQL), applies fn and
// writes back everything but the kept columns. NOT_FOUND when unknown or
// deleted; an error from fn is returned as is.
func (r *RecipeRepository) Update(ctx context.Context, id int64, fn func(*recipe.Recipe) error) (*recipe.Recipe, error) {
	var saved *recipe.Recipe
	err := r.db.inTx(ctx, func(ctx context.Context, tx bun.Tx) error {
		var cur recipeRow
		q := tx.NewSelect().Model(&cur).Where("r.id = ?", id).Where("r.deleted_at IS NULL")
		if err := r.db.forUpdate(q).Scan(ctx); err != nil {
			return notFoundAs(translate(err), errRecipeNotFound)
		}
		rec, err := cur.toDomain()
		if err != nil {
			return err
		}
		if err := fn(rec); err != nil {
			return aborted{err}
		}
		next, err := recipeFromDomain(rec)
		if err != nil {
			return err
		}
		next.ID, next.Rating, next.ReviewCount, next.FavoriteCount = id, cur.Rating, cur.ReviewCount, cur.FavoriteCount
		next.CreatedAt, next.DeletedAt = cur.CreatedAt, cur.DeletedAt
		if _, err := tx.NewUpdate().Model(next).ExcludeColumn(recipeKept...).WherePK().Exec(ctx); err != nil {
			return err
		}
		saved, err = next.toDomain()
		return err
	})
	return saved, err
}

// Delete soft-deletes a live recipe. NOT_FOUND when unknown or already deleted.
func (r *RecipeRepository) Delete(ctx context.Context, id int64, at time.Time) error {
	res, err := r.db.bun.NewUpdate().Model((*recipeRow)(nil)).Set("deleted_at = ?", utc(at)).
		Where("r.id = ?", id).Where("r.deleted_at IS NULL").Exec(ctx)
	if err != nil {
		return translate(err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return translate(err)
	}
	if n == 0 {
		return errRecipeNotFound
	}
	return nil
}
