package sql

import (
	"context"
	"encoding/json"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/recipe"
)

// summaryRow is what a list shows of a recipe.
type summaryRow struct {
	ID          int64   `bun:"id"`
	Name        string  `bun:"name"`
	ImageMedium string  `bun:"image_medium"`
	Category    string  `bun:"category"`
	Cuisine     string  `bun:"cuisine"`
	PrepTime    int     `bun:"prep_time"`
	CookTime    int     `bun:"cook_time"`
	Difficulty  string  `bun:"difficulty"`
	DietaryTags string  `bun:"dietary_tags"`
	Rating      float64 `bun:"rating"`
	Calories    float64 `bun:"calories"`
}

const summaryColumns = "r.id, r.name, r.image_medium, r.category, r.cuisine, r.prep_time, r.cook_time, " +
	"r.difficulty, r.dietary_tags, r.rating, r.calories"

func (row *summaryRow) toDomain() (recipe.Summary, error) {
	var diet []string
	if err := unmarshalList(row.DietaryTags, &diet); err != nil {
		return recipe.Summary{}, err
	}
	return recipe.Summary{ID: row.ID, Name: row.Name, Thumbnail: row.ImageMedium, Category: row.Category,
		Cuisine: row.Cuisine, TotalTime: row.PrepTime + row.CookTime, Difficulty: recipe.Difficulty(row.Difficulty),
		DietaryTags: diet, Rating: row.Rating, Calories: row.Calories}, nil
}

// summaries reads the summaries of the recipes, in the order of ids; a
// recipe deleted since its id was read is left out.
func (r *RecipeRepository) summaries(ctx context.Context, ids []int64) ([]recipe.Summary, error) {
	out := make([]recipe.Summary, 0, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	var rows []summaryRow
	err := r.db.bun.NewSelect().TableExpr("recipes AS r").ColumnExpr(summaryColumns).
		Where("r.id IN (?)", bun.In(ids)).Where("r.deleted_at IS NULL").Scan(ctx, &rows)
	if err != nil {
		return nil, translate(err)
	}
	byID := make(map[int64]*summaryRow, len(rows))
	for i := range rows {
		byID[rows[i].ID] = &rows[i]
	}
	for _, id := range ids {
		if row, ok := byID[id]; ok {
			sum, err := row.toDomain()
			if err != nil {
				return nil, err
			}
			out = append(out, sum)
		}
	}
	return out, nil
}

// unmarshalList reads a JSON list of strings, never returning nil.
func unmarshalList(data string, into *[]string) error {
	if err := json.Unmarshal([]byte(data), into); err != nil {
		return err
	}
	*into = list(*into)
	return nil
}
