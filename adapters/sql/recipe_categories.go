package sql

import (
	"context"

	"github.com/mealplanner/backend/domain/recipe"
)

type categoryRow struct {
	Name      string `bun:"name"`
	Count     int    `bun:"count"`
	Thumbnail string `bun:"thumbnail"`
}

// The listings read the live recipes: recipe_search on PostgreSQL, which
// holds only those, and recipes on SQLite. Each category's thumbnail comes
// from one probe in rating order; PostgreSQL orders text by bytes, as the
// other stores do, whatever the database's collation.
const (
	categoriesPostgres = `SELECT c.name, c.count, r.image_medium AS thumbnail FROM (
		SELECT g.category AS name, count(*) AS count, (SELECT t.id FROM recipe_search AS t
			WHERE t.category = g.category ORDER BY t.rating DESC, t.id ASC LIMIT 1) AS best
		FROM recipe_search AS g WHERE g.category <> '' GROUP BY g.category) AS c
		JOIN recipes AS r ON r.id = c.best ORDER BY c.name COLLATE "C"`
	categoriesSQLite = `SELECT c.name, c.count, r.image_medium AS thumbnail FROM (
		SELECT g.category AS name, count(*) AS count, (SELECT t.id FROM recipes AS t
			WHERE t.category = g.category AND t.deleted_at IS NULL ORDER BY t.rating DESC, t.id ASC LIMIT 1) AS best
		FROM recipes AS g WHERE g.deleted_at IS NULL AND g.category <> '' GROUP BY g.category) AS c
		JOIN recipes AS r ON r.id = c.best ORDER BY c.name`
	cuisinesPostgres = `SELECT cuisine FROM recipe_search WHERE cuisine <> '' GROUP BY cuisine
		ORDER BY cuisine COLLATE "C"`
	cuisinesSQLite = `SELECT cuisine FROM recipes WHERE deleted_at IS NULL AND cuisine <> '' GROUP BY cuisine
		ORDER BY cuisine`
)

// Categories lists every category of live recipes, as stored, in byte order,
// with its count and the medium image of its best-rated recipe (then lowest
// id). Descriptions are left empty for the application to fill.
func (r *RecipeRepository) Categories(ctx context.Context) ([]recipe.CategoryInfo, error) {
	query := categoriesSQLite
	if r.db.isPostgres() {
		query = categoriesPostgres
	}
	var rows []categoryRow
	if err := r.db.bun.NewRaw(query).Scan(ctx, &rows); err != nil {
		return nil, translate(err)
	}
	out := make([]recipe.CategoryInfo, len(rows))
	for i, row := range rows {
		out[i] = recipe.CategoryInfo{Name: row.Name, Count: row.Count, Thumbnail: row.Thumbnail}
	}
	return out, nil
}

// Cuisines lists the distinct cuisines of live recipes in byte order.
func (r *RecipeRepository) Cuisines(ctx context.Context) ([]string, error) {
	query := cuisinesSQLite
	if r.db.isPostgres() {
		query = cuisinesPostgres
	}
	out := []string{}
	if err := r.db.bun.NewRaw(query).Scan(ctx, &out); err != nil {
		return nil, translate(err)
	}
	return out, nil
}
