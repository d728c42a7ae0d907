package sql

import (
	"context"
	"math"
	"strings"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/recipe"
)

// summaryRow is what a search reads of a recipe: no more than a list shows.
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

// Search counts the matches, then reads the page, in two statements: a page
// in index order then stops early, where a window count would read them all.
func (r *RecipeRepository) Search(ctx context.Context, c recipe.Criteria) ([]recipe.Summary, int, error) {
	if err := c.Runnable(); err != nil {
		return nil, 0, err
	}
	s := recipeSearch{db: r.db, c: c, words: recipe.QueryWords(c.Query)}
	n, err := r.db.bun.NewSelect().TableExpr("recipes AS r").Apply(s.where).Count(ctx)
	total := int(n)
	if err != nil {
		return nil, 0, translate(err)
	}
	out := []recipe.Summary{}
	if c.Offset >= total {
		return out, total, nil
	}
	var rows []summaryRow
	q := r.db.bun.NewSelect().TableExpr("recipes AS r").ColumnExpr(summaryColumns).Apply(s.where).Apply(s.order)
	if err := page(q, c.Offset, c.Limit).Scan(ctx, &rows); err != nil {
		return nil, 0, translate(err)
	}
	for i := range rows {
		sum, err := rows[i].toDomain()
		if err != nil {
			return nil, 0, err
		}
		out = append(out, sum)
	}
	return out, total, nil
}

// page applies offset and limit; a limit of 0 means none. SQLite accepts
// OFFSET only after a LIMIT, so "no limit" is spelt as the largest one.
func page(q *bun.SelectQuery, offset, limit int) *bun.SelectQuery {
	if limit > 0 {
		q = q.Limit(int64(limit))
	} else if offset > 0 {
		q = q.Limit(math.MaxInt64)
	}
	if offset > 0 {
		q = q.Offset(int64(offset))
	}
	return q
}

// recipeSearch turns criteria into SQL for one dialect.
type recipeSearch struct {
	db    *DB
	c     recipe.Criteria
	words []string
}

// where selects the live recipes that match the query and every filter.
func (s recipeSearch) where(q *bun.SelectQuery) *bun.SelectQuery {
	q = s.match(q).Where("r.deleted_at IS NULL")
	c := s.c
	if v := strings.TrimSpace(c.Category); v != "" {
		q = whereText(q, "lower(r.category) = lower(?)", v)
	}
	if v := strings.TrimSpace(c.Cuisine); v != "" {
		q = whereText(q, "lower(r.cuisine) = lower(?)", v)
	}
	if v := needle(c.Ingredient); v != "" {
		q = whereText(q, "r.ingredient_text LIKE ? ESCAPE '!'", likeContains(v))
	}
	if c.Difficulty != "" {
		q = q.Where("r.difficulty = ?", string(c.Difficulty))
	}
	if c.MaxPrepTime > 0 {
		q = q.Where("r.prep_time <= ?", c.MaxPrepTime)
	}
	if c.MaxTotalTime > 0 {
		q = q.Where("r.prep_time + r.cook_time <= ?", c.MaxTotalTime)
	}
	if len(c.ExcludeIDs) > 0 {
		q = q.Where("r.id NOT IN (?)", bun.In(c.ExcludeIDs))
	}
	return s.exclude(s.require(q))
}

// require keeps recipes that have every dietary tag and tag asked for.
func (s recipeSearch) require(q *bun.SelectQuery) *bun.SelectQuery {
	if hasNUL(s.c.Dietary) || hasNUL(s.c.Tags) {
		return q.Where("1 = 0")
	}
	want := facetList(facetDiet, s.c.Dietary, facetList(facetTag, s.c.Tags, nil))
	if len(want) == 0 {
		return q
	}
	if s.db.isPostgres() {
		text, _ := jsonText(want) // a list of strings always encodes
		return q.Where("r.facets @> CAST(? AS jsonb)", text)
	}
	return q.Where("(SELECT count(*) FROM json_each(r.facets) WHERE value IN (?)) = ?", bun.In(want), len(want))
}

// exclude drops recipes with a listed allergen, or whose ingredients mention
// an allergy or a dislike.
func (s recipeSearch) exclude(q *bun.SelectQuery) *bun.SelectQuery {
	if avoid := facetList(facetAllergen, s.c.ExcludeAllergens, nil); len(avoid) > 0 {
		if s.db.isPostgres() {
			q = q.Where("NOT jsonb_exists_any(r.facets, ?)", pgArray(avoid))
		} else {
			q = q.Where("NOT EXISTS (SELECT 1 FROM json_each(r.facets) WHERE value IN (?))", bun.In(avoid))
		}
	}
	for _, text := range append(append([]string{}, s.c.ExcludeAllergens...), s.c.ExcludeIngredients...) {
		if v := needle(text); v != "" && !hasNUL([]string{v}) {
			q = q.Where("r.ingredient_text NOT LIKE ? ESCAPE '!'", likeContains(v))
		}
	}
	return q
}

// A NUL cannot be stored (PostgreSQL refuses it in text), so a filter on a
// text holding one matches nothing, and an exclusion of it excludes nothing;
// the database never sees it.
func hasNUL(values []string) bool {
	for _, v := range values {
		if strings.ContainsRune(v, 0) {
			return true
		}
	}
	return false
}

func whereText(q *bun.SelectQuery, cond, text string) *bun.SelectQuery {
	if hasNUL([]string{text}) {
		return q.Where("1 = 0")
	}
	return q.Where(cond, text)
}

// facetList appends the distinct facets of values to out, leaving out blank
// values and those with a NUL.
func facetList(prefix string, values, out []string) []string {
	for _, v := range values {
		if strings.TrimSpace(v) == "" || hasNUL([]string{v}) {
			continue
		}
		if f := facet(prefix, v); !contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// needle is a text filter as compared with ingredient_text.
func needle(s string) string { return strings.TrimSpace(foldText(s)) }

func likeContains(s string) string { return "%" + escapeLike(s) + "%" }
