package http

import (
	"errors"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/recipe"
)

// Paging bounds of the contract.
const (
	defaultRecipeLimit  = 24
	defaultListLimit    = 20
	maxPageLimit        = 100
	defaultSimilarLimit = 4
	maxSimilarLimit     = 20
)

var errInvalidRecipeID = domain.Invalid("invalid recipe id",
	map[string]string{"id": "must be a positive integer without leading zeros"})

// pathRecipeID reads {id}.
func pathRecipeID(r *http.Request) (int64, error) { return parseRecipeID(mux.Vars(r)["id"]) }

// parseRecipeID accepts a positive decimal integer without a leading zero
// that fits an int64: the only ids the frontend ever sends.
func parseRecipeID(raw string) (int64, error) {
	if raw == "" || raw[0] == '0' {
		return 0, errInvalidRecipeID
	}
	for _, c := range raw {
		if c < '0' || c > '9' {
			return 0, errInvalidRecipeID
		}
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return 0, errInvalidRecipeID
	}
	return id, nil
}

// searchParams are the query parameters of a recipe search; any of their
// values over 100 characters is refused.
var searchParams = []string{"q", "category", "cuisine", "ingredient", "dietary", "excludeAllergens", "maxPrepTime",
	"maxTotalTime", "difficulty", "tags", "forMe", "sort", "page", "limit"}

// searchInput turns the query of GET /recipes into the use case's input,
// reporting every bad parameter at once.
func searchInput(q url.Values) (app.SearchInput, error) {
	var errs domain.FieldErrors
	for _, name := range searchParams {
		for _, v := range q[name] {
			if utf8.RuneCountInString(v) > recipe.MaxCriterionLength {
				errs.Add(name, name+" must be at most 100 characters")
			}
		}
	}
	crit := recipe.Criteria{Query: q.Get("q"), Category: q.Get("category"), Cuisine: q.Get("cuisine"),
		Ingredient: q.Get("ingredient"), Dietary: listQuery(q, "dietary"),
		ExcludeAllergens: listQuery(q, "excludeAllergens"), Tags: listQuery(q, "tags"),
		MaxPrepTime:  boundedInt(q, "maxPrepTime", 0, 0, recipe.MaxMinutes, &errs),
		MaxTotalTime: boundedInt(q, "maxTotalTime", 0, 0, recipe.MaxMinutes, &errs),
		Difficulty:   recipe.Difficulty(q.Get("difficulty")),
		Sort:         recipe.Sort(strings.ToLower(strings.TrimSpace(q.Get("sort"))))}
	in := app.SearchInput{Page: pageQuery(q, defaultRecipeLimit, &errs), ForMe: boolQuery(q, "forMe", &errs)}
	// Check also canonicalises (spellings, "_" as a space); the use case
	// checks again once the caller's preferences are added.
	checkErr := crit.Check()
	in.Criteria = crit
	return in, mergeFieldErrors(&errs, checkErr)
}

// listQuery reads a parameter that may repeat and may hold a comma list.
func listQuery(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// boundedInt reads an optional integer parameter that must lie in [lo, hi].
func boundedInt(q url.Values, name string, def, lo, hi int, errs *domain.FieldErrors) int {
	raw := strings.TrimSpace(q.Get(name))
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || len(raw) > 9 || n < lo || n > hi {
		errs.Add(name, name+" must be an integer from "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
		return def
	}
	return n
}

// pageQuery reads page (from 1) and limit (1–100, default def).
func pageQuery(q url.Values, def int, errs *domain.FieldErrors) app.PageRequest {
	page := boundedInt(q, "page", 1, 1, 999_999_999, errs)
	return app.PageRequest{Page: page, Limit: boundedInt(q, "limit", def, 1, maxPageLimit, errs)}
}

func boolQuery(q url.Values, name string, errs *domain.FieldErrors) bool {
	switch v := strings.TrimSpace(q.Get(name)); {
	case v == "" || strings.EqualFold(v, "false"):
		return false
	case strings.EqualFold(v, "true"):
		return true
	}
	errs.Add(name, name+" must be true or false")
	return false
}

// pageInput reads the paging of a plain list, for handlers with nothing else to check.
func pageInput(r *http.Request, def int) (app.PageRequest, error) {
	var errs domain.FieldErrors
	page := pageQuery(r.URL.Query(), def, &errs)
	return page, errs.Err()
}

// mergeFieldErrors adds the fields of a validation error to errs. When errs
// is empty the error is returned as it came, headline included.
func mergeFieldErrors(errs *domain.FieldErrors, err error) error {
	if errs.Err() == nil {
		return err
	}
	var de *domain.Error
	if errors.As(err, &de) {
		// Sorted, so that the same request always gets the same answer.
		for _, k := range slices.Sorted(maps.Keys(de.Details)) {
			msg, _ := de.Details[k].(string)
			errs.Add(k, msg)
		}
	}
	return errs.Err()
}
