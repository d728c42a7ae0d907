package memory

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/recipe"
)

// hit is a matching recipe and its relevance tier.
type hit struct {
	r    *recipe.Recipe
	tier int
}

// Search returns a page of the live recipes matching c, and their total.
// VALIDATION_ERROR for an unknown sort or a negative offset or limit.
func (r *RecipeRepository) Search(_ context.Context, c recipe.Criteria) ([]recipe.Summary, int, error) {
	if err := c.Runnable(); err != nil {
		return nil, 0, err
	}
	words := recipe.QueryWords(c.Query)
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	hits := []hit{}
	for _, rec := range r.s.recipes {
		if rec.DeletedAt != nil || !matchesCriteria(rec, c) {
			continue
		}
		if tier, ok := relevance(rec, words); ok {
			hits = append(hits, hit{r: rec, tier: tier})
		}
	}
	slices.SortFunc(hits, ordering(c.Sort, len(words) > 0))
	total := len(hits)
	hits = hits[min(c.Offset, total):]
	if c.Limit > 0 && c.Limit < len(hits) {
		hits = hits[:c.Limit]
	}
	out := make([]recipe.Summary, len(hits))
	for i, h := range hits {
		out[i] = h.r.Summarise()
		out[i].DietaryTags = copyList(h.r.DietaryTags)
	}
	return out, total, nil
}

// ordering compares hits by the sort, every order ending in the id.
func ordering(sort recipe.Sort, ranked bool) func(a, b hit) int {
	return func(a, b hit) int {
		x, y := a.r, b.r
		switch sort {
		case recipe.SortName:
			return cmpThen(strings.ToLower(x.Name), strings.ToLower(y.Name), x.ID, y.ID)
		case recipe.SortNewest:
			return cmp.Or(y.CreatedAt.Compare(x.CreatedAt), cmp.Compare(y.ID, x.ID))
		case recipe.SortQuickest:
			return cmpThen(x.TotalTime(), y.TotalTime(), x.ID, y.ID)
		case recipe.SortPopular:
			return cmp.Or(cmp.Compare(y.FavoriteCount, x.FavoriteCount), cmp.Compare(y.ReviewCount, x.ReviewCount),
				cmp.Compare(y.Rating, x.Rating), cmp.Compare(x.ID, y.ID))
		case recipe.SortRelevance, "":
			if ranked && a.tier != b.tier {
				return cmp.Compare(b.tier, a.tier)
			}
		}
		// by rating: also relevance within a tier
		return cmp.Or(cmp.Compare(y.Rating, x.Rating), cmp.Compare(y.ReviewCount, x.ReviewCount),
			cmp.Compare(x.ID, y.ID))
	}
}

func cmpThen[T cmp.Ordered](a, b T, idA, idB int64) int {
	return cmp.Or(cmp.Compare(a, b), cmp.Compare(idA, idB))
}

// Categories lists every category of live recipes, as stored, in byte
// order, with its count and the medium image of its best-rated recipe (then
// lowest id). Descriptions are left empty for the application to fill.
func (r *RecipeRepository) Categories(context.Context) ([]recipe.CategoryInfo, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	byName := map[string]*recipe.CategoryInfo{}
	best := map[string]*recipe.Recipe{}
	for _, rec := range r.s.recipes {
		if rec.DeletedAt != nil || rec.Category == "" {
			continue
		}
		info, ok := byName[rec.Category]
		if !ok {
			info = &recipe.CategoryInfo{Name: rec.Category}
			byName[rec.Category] = info
		}
		info.Count++
		if b := best[rec.Category]; b == nil || rec.Rating > b.Rating || (rec.Rating == b.Rating && rec.ID < b.ID) {
			best[rec.Category] = rec
			info.Thumbnail = rec.Images.Medium
		}
	}
	out := make([]recipe.CategoryInfo, 0, len(byName))
	for _, info := range byName {
		out = append(out, *info)
	}
	slices.SortFunc(out, func(a, b recipe.CategoryInfo) int { return strings.Compare(a.Name, b.Name) })
	return out, nil
}

// Cuisines lists the distinct cuisines of live recipes in byte order.
func (r *RecipeRepository) Cuisines(context.Context) ([]string, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	out := []string{}
	for _, rec := range r.s.recipes {
		if rec.DeletedAt == nil && rec.Cuisine != "" && !slices.Contains(out, rec.Cuisine) {
			out = append(out, rec.Cuisine)
		}
	}
	slices.Sort(out)
	return out, nil
}
