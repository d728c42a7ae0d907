package sql

import (
	"encoding/json"
	"strings"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/mealplanner/backend/domain/recipe"
)

// Full-text matching and ranking. The words come from recipe.QueryWords, so
// they are letters and digits only and cannot carry engine syntax; they are
// quoted anyway. Every word must match; the last one also as a prefix, so
// that a query typed letter by letter finds results as it goes.

// pgRankWeights are ts_rank_cd's weights of D, C, B and A: name (A) counts
// five times the description (C), tags and ingredients (B) twice.
const pgRankWeights = "'{0.1, 0.2, 0.4, 1.0}'"

// sqliteRank is bm25 with one weight per column of recipes_fts (name, tags,
// ingredient_text, description), mirroring A > B > C; lower is better.
const sqliteRank = "bm25(recipes_fts, 10.0, 4.0, 4.0, 1.0)"

// tsQuery builds to_tsquery's input: "w1 & w2 & w3:*".
func tsQuery(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = "'" + strings.ReplaceAll(w, "'", "''") + "'"
	}
	return strings.Join(quoted, " & ") + ":*"
}

// ftsQuery builds an FTS5 query: `"w1" "w2" "w3"*`, an implicit AND.
func ftsQuery(words []string) string {
	quoted := make([]string, len(words))
	for i, w := range words {
		quoted[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(quoted, " ") + "*"
}

// match keeps the recipes that contain every word of the query.
func (s recipeSearch) match(q *bun.SelectQuery) *bun.SelectQuery {
	switch {
	case len(s.words) == 0:
		return q
	case s.db.isPostgres():
		return q.Where("r.search @@ to_tsquery('english', ?)", tsQuery(s.words))
	}
	return q.Join("JOIN recipes_fts ON recipes_fts.rowid = r.id").Where("recipes_fts MATCH ?", ftsQuery(s.words))
}

// order sorts by the criteria's sort, every order ending in the id so that
// pages never overlap.
func (s recipeSearch) order(q *bun.SelectQuery) *bun.SelectQuery {
	switch s.c.Sort {
	case recipe.SortName:
		if s.db.isPostgres() {
			// byte order, as the other stores compare, whatever the database's collation
			return q.OrderExpr(`lower(r.name) COLLATE "C" ASC, r.id ASC`)
		}
		return q.OrderExpr("lower(r.name) ASC, r.id ASC")
	case recipe.SortRating:
		return q.OrderExpr("r.rating DESC, r.review_count DESC, r.id ASC")
	case recipe.SortNewest:
		return q.OrderExpr("r.created_at DESC, r.id DESC")
	case recipe.SortQuickest:
		return q.OrderExpr("r.prep_time + r.cook_time ASC, r.id ASC")
	case recipe.SortPopular:
		return q.OrderExpr("r.favorite_count DESC, r.review_count DESC, r.rating DESC, r.id ASC")
	}
	switch {
	case len(s.words) == 0:
		return q.OrderExpr("r.rating DESC, r.review_count DESC, r.id ASC")
	case s.db.isPostgres():
		return q.OrderExpr("ts_rank_cd("+pgRankWeights+", r.search, to_tsquery('english', ?)) DESC, "+
			"r.rating DESC, r.id ASC", tsQuery(s.words))
	}
	return q.OrderExpr(sqliteRank + " ASC, r.rating DESC, r.id ASC")
}

// pgArray passes a list as a PostgreSQL text[].
func pgArray(list []string) any { return pgdialect.Array(list) }

// unmarshalList reads a JSON list of strings, never returning nil.
func unmarshalList(data string, into *[]string) error {
	if err := json.Unmarshal([]byte(data), into); err != nil {
		return err
	}
	*into = list(*into)
	return nil
}
