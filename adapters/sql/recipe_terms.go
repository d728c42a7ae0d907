package sql

import (
	"context"
	"strings"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"
)

// On PostgreSQL, facets and ingredient lines are ids in the search_terms
// dictionary (see the migration): a search first turns its facets and
// ingredient texts into ids, in one query over the small dictionary, then
// filters recipe_search.term_ids with array operators its GIN index answers
// exactly.

// ingredientTerm prefixes the dictionary's ingredient names and foods.
const ingredientTerm = "i:"

// termFilter is what the criteria's facets and ingredient texts resolved to.
type termFilter struct {
	none    bool    // a required facet or the ingredient is unknown: nothing matches
	require []int32 // every one must be present
	include []int32 // one must be present, when an ingredient is asked for
	avoid   []int32 // none may be present
	mask    int32   // the contract allergens to avoid, as recipe_search.allergen_bits
}

type termRow struct {
	ID   int32  `bun:"id"`
	Term string `bun:"term"`
	Bit  int32  `bun:"bit"` // of a contract allergen, else 0
}

// resolveTerms looks up the ids of the criteria's facets and of the
// ingredient terms that contain its texts.
func (s *recipeSearch) resolveTerms(ctx context.Context) error {
	c := s.c
	if !s.db.isPostgres() {
		return nil
	}
	allergens, allergies := splitAllergens(c.ExcludeAllergens)
	required, avoided := requiredFacets(c.Dietary, c.Tags), facetList(facetAllergen, allergens, nil)
	include, excluded := needle(c.Ingredient), exclusionNeedles(allergies, c.ExcludeIngredients)
	if hasNUL(c.Dietary) || hasNUL(c.Tags) || hasNUL([]string{include}) {
		s.terms.none = true
		return nil
	}
	texts := excluded
	if include != "" {
		texts = append([]string{include}, excluded...)
	}
	if len(required)+len(avoided)+len(texts) == 0 {
		return nil
	}
	var rows []termRow
	q := s.db.bun.NewSelect().TableExpr("search_terms").ColumnExpr("id, term, recipe_allergen_bit(term) AS bit")
	if facets := append(append([]string{}, required...), avoided...); len(facets) > 0 {
		q = q.WhereOr("term IN (?)", bun.In(facets))
	}
	for _, text := range texts {
		// in the terms of the partial trigram index
		q = q.WhereOr("term LIKE 'i:%' AND substr(term, 3) LIKE ? ESCAPE '!'", likeContains(text))
	}
	if err := q.Scan(ctx, &rows); err != nil {
		return err
	}
	s.terms = classifyTerms(rows, required, avoided, include, excluded)
	return nil
}

func classifyTerms(rows []termRow, required, avoided []string, include string, excluded []string) termFilter {
	var f termFilter
	ids := make(map[string]int32, len(rows))
	for _, row := range rows {
		ids[row.Term] = row.ID
		switch text, ok := strings.CutPrefix(row.Term, ingredientTerm); {
		case ok:
			f.ingredient(row.ID, text, include, excluded)
		case !contains(avoided, row.Term):
		case row.Bit != 0:
			f.mask |= row.Bit // a contract allergen is a bit
		default:
			f.avoid = append(f.avoid, row.ID)
		}
	}
	for _, term := range required {
		id, ok := ids[term]
		f.none = f.none || !ok
		f.require = append(f.require, id)
	}
	f.none = f.none || include != "" && len(f.include) == 0
	return f
}

// ingredient files an ingredient term under the texts it contains.
func (f *termFilter) ingredient(id int32, text, include string, excluded []string) {
	if include != "" && strings.Contains(text, include) {
		f.include = append(f.include, id)
	}
	for _, x := range excluded {
		if strings.Contains(text, x) {
			f.avoid = append(f.avoid, id)
			return
		}
	}
}

func (f termFilter) apply(q *bun.SelectQuery) *bun.SelectQuery {
	if f.none {
		return q.Where("1 = 0")
	}
	if len(f.require) > 0 {
		q = q.Where("r.term_ids @> CAST(? AS integer[])", pgdialect.Array(f.require))
	}
	if len(f.include) > 0 {
		q = q.Where("r.term_ids && CAST(? AS integer[])", pgdialect.Array(f.include))
	}
	if f.mask != 0 {
		q = q.Where("(r.allergen_bits & ?) = 0", f.mask)
	}
	if len(f.avoid) > 0 {
		// the recipes to avoid are few: a hashed set beats testing every row's array
		q = q.Where("r.id NOT IN (SELECT t.id FROM recipe_search AS t WHERE t.term_ids && CAST(? AS integer[]))",
			pgdialect.Array(f.avoid))
	}
	return q
}
