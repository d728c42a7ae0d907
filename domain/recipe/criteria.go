package recipe

import (
	"strings"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
)

// MaxCriterionLength bounds every text a search takes (contract: 100).
const MaxCriterionLength = 100

var sorts = []Sort{SortRelevance, SortName, SortRating, SortNewest, SortQuickest, SortPopular}

// Check validates search criteria and puts them in canonical form: dietary
// values and allergens in the contract's spelling, category in the
// vocabulary's, "_" read as a space in category and cuisine (the frontend
// builds URLs that way). It reports every bad field.
func (c *Criteria) Check() error {
	var errs domain.FieldErrors
	for _, f := range []struct {
		name string
		v    *string
	}{{"q", &c.Query}, {"category", &c.Category}, {"cuisine", &c.Cuisine}, {"ingredient", &c.Ingredient}} {
		*f.v = criterion(&errs, f.name, *f.v)
	}
	c.Category = strings.ReplaceAll(c.Category, "_", " ")
	c.Cuisine = strings.ReplaceAll(c.Cuisine, "_", " ")
	if canon, ok := CanonicalCategory(c.Category); ok {
		c.Category = canon
	}
	c.Dietary = canonicalAll(&errs, "dietary", c.Dietary, DietaryValues, false)
	c.ExcludeAllergens = canonicalAll(&errs, "excludeAllergens", c.ExcludeAllergens, allergenOrder, true)
	c.Tags = lowerAll(&errs, "tags", c.Tags)
	if c.Difficulty != "" {
		d, ok := ParseDifficulty(string(c.Difficulty))
		if !ok {
			errs.Add("difficulty", "difficulty must be easy, medium or hard")
		}
		c.Difficulty = d
	}
	if c.Sort == "" {
		c.Sort = SortRelevance
	} else if !validSort(c.Sort) {
		errs.Add("sort", "sort must be one of relevance, name, rating, newest, quickest, popular")
	}
	if c.MaxPrepTime < 0 || c.MaxTotalTime < 0 {
		errs.Add("maxPrepTime", "times must not be negative")
	}
	return errs.Err()
}

// Runnable reports what no store can run: an unknown sort or a negative
// offset or limit. Stores call it; Check, which callers run first, is stricter.
func (c Criteria) Runnable() error {
	var errs domain.FieldErrors
	if c.Sort != "" && !validSort(c.Sort) {
		errs.Add("sort", "unknown sort")
	}
	if c.Offset < 0 {
		errs.Add("offset", "must not be negative")
	}
	if c.Limit < 0 {
		errs.Add("limit", "must not be negative")
	}
	return errs.Err()
}

func criterion(errs *domain.FieldErrors, name, v string) string {
	v = strings.TrimSpace(v)
	if utf8.RuneCountInString(v) > MaxCriterionLength || !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
		errs.Add(name, name+" must be at most 100 characters of text")
		return ""
	}
	return v
}

func canonicalAll(errs *domain.FieldErrors, name string, in, canon []string, allowFree bool) []string {
	out := make([]string, 0, len(in))
	for _, v := range in {
		v = criterion(errs, name, v)
		if v == "" {
			continue
		}
		match := ""
		for _, c := range canon {
			if strings.EqualFold(c, v) {
				match = c
			}
		}
		switch {
		case match != "":
			out = append(out, match)
		case allowFree:
			out = append(out, strings.ToLower(v))
		default:
			errs.Add(name, "unknown "+name+" value: "+v)
		}
	}
	return out
}

func lowerAll(errs *domain.FieldErrors, name string, in []string) []string {
	out := make([]string, 0, len(in))
	for _, v := range in {
		if v = strings.ToLower(criterion(errs, name, v)); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func validSort(s Sort) bool {
	for _, v := range sorts {
		if v == s {
			return true
		}
	}
	return false
}

// CategoryDescriptions are the short texts the category list shows.
var CategoryDescriptions = map[string]string{
	"Beef":          "Braises, burgers, stir-fries and roasts built on beef.",
	"Breakfast":     "Morning dishes, from quick eggs to slow weekend bakes.",
	"Chicken":       "The weeknight staple, roasted, curried, grilled and fried.",
	"Dessert":       "Cakes, puddings, pastries and sweet things to finish a meal.",
	"Goat":          "Curries, stews and braises where goat meat shines.",
	"Lamb":          "Slow roasts, kebabs, tagines and curries with lamb.",
	"Miscellaneous": "Dishes that belong to no single category.",
	"Pasta":         "Long shapes, short shapes and filled pasta with their sauces.",
	"Pork":          "Roasts, chops, belly and sausages from around the world.",
	"Seafood":       "Fish and shellfish, from quick pan-fries to slow stews.",
	"Side":          "Vegetables, grains and breads to go beside a main dish.",
	"Starter":       "Small plates, soups and snacks to open a meal.",
	"Vegan":         "Plant-only dishes with no meat, fish, dairy, eggs or honey.",
	"Vegetarian":    "Meat-free and fish-free dishes.",
}
