package sql

import (
	"context"
	"math"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/recipe"
)

// Search semantics, the same in every store: every word of the query must
// appear in the name, tags, ingredients or description, the last word also
// as a prefix ("chick" finds chicken). Relevance puts the recipes whose name
// holds every word first, then the others; within each, better rated first
// (rating, review count, id). Ranking by the engines' scores (ts_rank_cd,
// bm25) would have to score every match before the first page, which on
// 100 000 recipes took 170 ms for "chicken"; the two tiers read a page in
// index order and stop, and make all stores agree exactly.

// tier selects part of a query's matches.
type tier int

const (
	tierAll  tier = iota // every match
	tierName             // matches whose name holds every word
	tierRest             // the other matches
)

// Search counts the matches, then reads the ids of one page, then their
// summaries. VALIDATION_ERROR for an unknown sort or negative paging.
func (r *RecipeRepository) Search(ctx context.Context, c recipe.Criteria) ([]recipe.Summary, int, error) {
	if err := c.Runnable(); err != nil {
		return nil, 0, err
	}
	s := &recipeSearch{db: r.db, c: c, words: recipe.QueryWords(c.Query)}
	if err := s.resolveTerms(ctx); err != nil {
		return nil, 0, translate(err)
	}
	total, err := s.count(ctx)
	if err != nil {
		return nil, 0, translate(err)
	}
	if c.Offset >= total {
		return []recipe.Summary{}, total, nil
	}
	ids, err := s.pageIDs(ctx)
	if err != nil {
		return nil, 0, translate(err)
	}
	sums, err := r.summaries(ctx, ids)
	return sums, total, err
}

// recipeSearch turns criteria into SQL for one dialect.
type recipeSearch struct {
	db    *DB
	c     recipe.Criteria
	words []string
	terms termFilter // PostgreSQL only
}

func (s *recipeSearch) ranked() bool {
	return len(s.words) > 0 && (s.c.Sort == "" || s.c.Sort == recipe.SortRelevance)
}

// pageIDs reads the page's ids. A ranked search walks the tiers in order,
// each in rating order, and reads a tier only when the ones before it end
// before the page does.
func (s *recipeSearch) pageIDs(ctx context.Context) ([]int64, error) {
	if !s.ranked() {
		return s.fetch(ctx, tierAll, s.c.Offset, s.c.Limit)
	}
	offset, remaining, unlimited := s.c.Offset, s.c.Limit, s.c.Limit == 0
	page := []int64{}
	for _, t := range []tier{tierName, tierRest} {
		limit := 0
		if !unlimited {
			limit = offset + remaining
		}
		ids, err := s.fetch(ctx, t, 0, limit)
		if err != nil {
			return nil, err
		}
		if len(ids) <= offset {
			offset -= len(ids) // the tier ends before the page starts
			continue
		}
		ids = ids[offset:]
		if !unlimited {
			ids = ids[:min(len(ids), remaining)]
			remaining -= len(ids)
		}
		page, offset = append(page, ids...), 0
		if !unlimited && remaining == 0 {
			break
		}
	}
	return page, nil
}

// fetch reads the ids of part of the matches in the criteria's order.
func (s *recipeSearch) fetch(ctx context.Context, t tier, offset, limit int) ([]int64, error) {
	ids := []int64{}
	q := s.db.bun.NewSelect().ColumnExpr("r.id").Apply(s.from(t)).Apply(s.filter).Apply(s.order)
	err := page(q, offset, limit).Scan(ctx, &ids)
	return ids, err
}

// count counts every match.
func (s *recipeSearch) count(ctx context.Context) (int, error) {
	q := s.db.bun.NewSelect()
	switch {
	case s.db.isPostgres() && len(s.words) > 0 && !s.filtered():
		// the words table alone holds every live recipe: no join needed
		q = q.TableExpr("recipe_words AS w").Where("w.words @@ to_tsquery('english', ?)", tsQuery(s.words))
	case !s.db.isPostgres() && !s.filtered():
		// SQLite would read the wide rows of the table rather than this narrow index (40 times slower)
		q = s.matchSQLite(q.TableExpr("recipes AS r INDEXED BY recipes_live_idx").Where("r.deleted_at IS NULL"),
			tierAll)
	default:
		q = q.Apply(s.from(tierAll)).Apply(s.filter)
	}
	n, err := q.Count(ctx)
	return int(n), err
}

// filtered reports whether any criterion but the query selects.
func (s *recipeSearch) filtered() bool {
	c := s.c
	return c.Category != "" || c.Cuisine != "" || c.Ingredient != "" || c.Difficulty != "" || c.MaxPrepTime > 0 ||
		c.MaxTotalTime > 0 || len(c.Dietary)+len(c.Tags)+len(c.ExcludeAllergens)+len(c.ExcludeIngredients)+
		len(c.ExcludeIDs) > 0
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

// order sorts by the criteria's sort, every order ending in the id so that
// pages never overlap; relevance orders each tier by rating.
func (s *recipeSearch) order(q *bun.SelectQuery) *bun.SelectQuery {
	pg := s.db.isPostgres()
	switch s.c.Sort {
	case recipe.SortName:
		if pg {
			// byte order, as the other stores compare, whatever the database's collation
			return q.OrderExpr(`r.name_key COLLATE "C" ASC, r.id ASC`)
		}
		return q.OrderExpr("lower(r.name) ASC, r.id ASC")
	case recipe.SortNewest:
		return q.OrderExpr("r.created_at DESC, r.id DESC")
	case recipe.SortQuickest:
		if pg {
			return q.OrderExpr("r.total_time ASC, r.id ASC")
		}
		return q.OrderExpr("r.prep_time + r.cook_time ASC, r.id ASC")
	case recipe.SortPopular:
		return q.OrderExpr("r.favorite_count DESC, r.review_count DESC, r.rating DESC, r.id ASC")
	}
	return q.OrderExpr("r.rating DESC, r.review_count DESC, r.id ASC")
}
