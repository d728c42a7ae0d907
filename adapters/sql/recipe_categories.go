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

// Categories lists every category of live recipes, as stored, in byte order,
// with its count and the medium image of its best-rated recipe (then lowest
// id). Descriptions are left empty for the application to fill.
func (r *RecipeRepository) Categories(ctx context.Context) ([]recipe.CategoryInfo, error) {
	// one probe of the rating order per category finds the thumbnail
	query := `SELECT c.name, c.count,
		(SELECT t.image_medium FROM recipes AS t WHERE t.category = c.name AND t.deleted_at IS NULL
		 ORDER BY t.rating DESC, t.id ASC LIMIT 1) AS thumbnail
		FROM (SELECT category AS name, count(*) AS count FROM recipes
		      WHERE deleted_at IS NULL AND category <> '' GROUP BY category) AS c
		ORDER BY c.name` + r.byteOrder()
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
	out := []string{}
	// GROUP BY, as DISTINCT would not allow ordering by a collated expression
	query := `SELECT cuisine FROM recipes WHERE deleted_at IS NULL AND cuisine <> ''
		GROUP BY cuisine ORDER BY cuisine` + r.byteOrder()
	if err := r.db.bun.NewRaw(query).Scan(ctx, &out); err != nil {
		return nil, translate(err)
	}
	return out, nil
}

// byteOrder makes PostgreSQL compare text by bytes, as SQLite and the other
// stores do, whatever the database's collation.
func (r *RecipeRepository) byteOrder() string {
	if r.db.isPostgres() {
		return ` COLLATE "C"`
	}
	return ""
}
