package sql

import (
	"strings"

	"github.com/uptrace/bun"

	"github.com/mealplanner/backend/domain/recipe"
)

// Full-text matching. The words come from recipe.QueryWords, so they are
// letters and digits only and cannot carry engine syntax; they are quoted
// anyway. Every word must match; the last one also as a prefix, so that a
// query typed letter by letter finds results as it goes.

// tsQuery builds to_tsquery's input: "'w1' & 'w2' & 'w3':*".
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

// ftsNameQuery is ftsQuery within the name column only.
func ftsNameQuery(words []string) string { return "name : (" + ftsQuery(words) + ")" }

// from names the table the tier reads and keeps the tier's part of the
// query's matches. On PostgreSQL that is recipe_search, holding live
// recipes only; on SQLite the recipes themselves.
func (s *recipeSearch) from(t tier) func(*bun.SelectQuery) *bun.SelectQuery {
	return func(q *bun.SelectQuery) *bun.SelectQuery {
		if s.db.isPostgres() {
			return s.fromPostgres(q, t)
		}
		return s.fromSQLite(q, t)
	}
}

func (s *recipeSearch) fromPostgres(q *bun.SelectQuery, t tier) *bun.SelectQuery {
	q = q.TableExpr("recipe_search AS r")
	if len(s.words) == 0 {
		return q
	}
	tsq := tsQuery(s.words)
	switch t {
	case tierName:
		// the name's words are among the recipe's words: no join needed
		return q.Where("r.name_words @@ to_tsquery('english', ?)", tsq)
	case tierRest:
		q = q.Where("NOT (r.name_words @@ to_tsquery('english', ?))", tsq)
	}
	return q.Join("JOIN recipe_words AS w ON w.id = r.id").Where("w.words @@ to_tsquery('english', ?)", tsq)
}

func (s *recipeSearch) fromSQLite(q *bun.SelectQuery, t tier) *bun.SelectQuery {
	return s.matchSQLite(q.TableExpr("recipes AS r").Where("r.deleted_at IS NULL"), t)
}

func (s *recipeSearch) matchSQLite(q *bun.SelectQuery, t tier) *bun.SelectQuery {
	if len(s.words) == 0 {
		return q
	}
	const in = "r.id IN (SELECT rowid FROM recipes_fts WHERE recipes_fts MATCH ?)"
	switch t {
	case tierName:
		return q.Where(in, ftsNameQuery(s.words))
	case tierRest:
		q = q.Where("NOT "+in, ftsNameQuery(s.words))
	}
	return q.Where(in, ftsQuery(s.words))
}

// filter applies every criterion but the query.
func (s *recipeSearch) filter(q *bun.SelectQuery) *bun.SelectQuery {
	c := s.c
	if v := strings.TrimSpace(c.Category); v != "" {
		q = whereText(q, "lower(r.category) = lower(?)", v)
	}
	if v := strings.TrimSpace(c.Cuisine); v != "" {
		q = whereText(q, "lower(r.cuisine) = lower(?)", v)
	}
	if c.Difficulty != "" {
		q = q.Where("r.difficulty = ?", string(c.Difficulty))
	}
	if c.MaxPrepTime > 0 {
		q = q.Where("r.prep_time <= ?", c.MaxPrepTime)
	}
	if c.MaxTotalTime > 0 && s.db.isPostgres() {
		q = q.Where("r.total_time <= ?", c.MaxTotalTime)
	} else if c.MaxTotalTime > 0 {
		q = q.Where("r.prep_time + r.cook_time <= ?", c.MaxTotalTime)
	}
	if len(c.ExcludeIDs) > 0 {
		q = q.Where("r.id NOT IN (?)", bun.In(c.ExcludeIDs))
	}
	if s.db.isPostgres() {
		return s.terms.apply(q)
	}
	return s.facetsSQLite(q)
}

// facetsSQLite applies the facet and ingredient criteria to the JSON facets
// and the ingredient text of SQLite's recipes.
func (s *recipeSearch) facetsSQLite(q *bun.SelectQuery) *bun.SelectQuery {
	c := s.c
	if v := needle(c.Ingredient); v != "" {
		q = whereText(q, "r.ingredient_text LIKE ? ESCAPE '!'", likeContains(v))
	}
	if hasNUL(c.Dietary) || hasNUL(c.Tags) {
		return q.Where("1 = 0")
	}
	// A facet is in the JSON text only if its JSON form is: instr rules most
	// rows out cheaply, and json_each decides exactly for the rest.
	if want := requiredFacets(c.Dietary, c.Tags); len(want) > 0 {
		for _, f := range want {
			q = q.Where("instr(r.facets, ?) > 0", jsonString(f))
		}
		q = q.Where("(SELECT count(*) FROM json_each(r.facets) WHERE value IN (?)) = ?", bun.In(want), len(want))
	}
	allergens, allergies := splitAllergens(c.ExcludeAllergens)
	if avoid := facetList(facetAllergen, allergens, nil); len(avoid) > 0 {
		mentions, args := make([]string, len(avoid)), make([]any, 0, len(avoid)+1)
		for i, f := range avoid {
			mentions[i] = "instr(r.facets, ?) > 0"
			args = append(args, jsonString(f))
		}
		q = q.Where("NOT (("+strings.Join(mentions, " OR ")+
			") AND EXISTS (SELECT 1 FROM json_each(r.facets) WHERE value IN (?)))", append(args, bun.In(avoid))...)
	}
	for _, v := range exclusionNeedles(allergies, c.ExcludeIngredients) {
		q = q.Where("r.ingredient_text NOT LIKE ? ESCAPE '!'", likeContains(v))
	}
	return q
}

// jsonString is s as it appears in JSON text.
func jsonString(s string) string {
	text, _ := jsonText(s) // a string always encodes
	return text
}

func requiredFacets(dietary, tags []string) []string {
	return facetList(facetDiet, dietary, facetList(facetTag, tags, nil))
}

// splitAllergens separates the contract's allergens, excluded by the
// recipes' allergens, from other allergies, excluded as ingredient text.
func splitAllergens(list []string) (allergens, allergies []string) {
	for _, a := range list {
		if recipe.IsAllergen(a) {
			allergens = append(allergens, a)
		} else {
			allergies = append(allergies, a)
		}
	}
	return allergens, allergies
}

// exclusionNeedles are the texts that no ingredient may contain.
func exclusionNeedles(lists ...[]string) []string {
	var out []string
	for _, list := range lists {
		for _, text := range list {
			if v := needle(text); v != "" && !hasNUL([]string{v}) && !contains(out, v) {
				out = append(out, v)
			}
		}
	}
	return out
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

// needle is a text filter as compared with ingredient names and foods.
func needle(s string) string { return strings.TrimSpace(foldText(s)) }

func likeContains(s string) string { return "%" + escapeLike(s) + "%" }
