package recipe

import (
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/food"
)

// Limits on what an admin may store.
const (
	MaxNameLength        = 200
	MaxDescriptionLength = 2000
	MaxTextLength        = 100 // cuisine, tags, measures
	MaxStepLength        = 2000
	MaxLines             = 100 // ingredients, steps
	MaxTags              = 20
	MaxMinutes           = 7 * 24 * 60
	MaxServings          = 100
)

// New validates a recipe as written and returns it analysed, stamped with
// now. The ID may be 0 for the store to assign.
func New(r Recipe, table *food.Table, now time.Time) (*Recipe, error) {
	if err := Normalise(&r); err != nil {
		return nil, err
	}
	now = now.UTC()
	r.CreatedAt, r.UpdatedAt, r.DeletedAt = now, now, nil
	Analyse(&r, table)
	return &r, nil
}

// Normalise trims and canonicalises the written fields and reports every
// problem, one per field, in a single validation error.
func Normalise(r *Recipe) error {
	var errs domain.FieldErrors
	r.Name = text(&errs, "name", r.Name, MaxNameLength, true)
	r.Description = text(&errs, "description", r.Description, MaxDescriptionLength, false)
	r.Cuisine = text(&errs, "cuisine", r.Cuisine, MaxTextLength, false)
	if c, ok := CanonicalCategory(r.Category); ok {
		r.Category = c
	} else {
		errs.Add("category", "category must be one of "+strings.Join(Categories, ", "))
	}
	if r.Difficulty == "" {
		r.Difficulty = Medium
	}
	if d, ok := ParseDifficulty(string(r.Difficulty)); ok {
		r.Difficulty = d
	} else {
		errs.Add("difficulty", "difficulty must be easy, medium or hard")
	}
	minutes(&errs, "prepTime", r.PrepTime)
	minutes(&errs, "cookTime", r.CookTime)
	if r.Servings < 1 || r.Servings > MaxServings {
		errs.Add("servings", "servings must be between 1 and 100")
	}
	r.Tags = tags(&errs, r.Tags)
	normaliseIngredients(&errs, r.Ingredients)
	r.Instructions = steps(&errs, r.Instructions)
	link(&errs, "youtubeUrl", r.YoutubeURL)
	link(&errs, "sourceUrl", r.SourceURL)
	return errs.Err()
}

// CanonicalCategory matches a category case-insensitively.
func CanonicalCategory(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, c := range Categories {
		if strings.EqualFold(c, s) {
			return c, true
		}
	}
	return "", false
}

// ParseDifficulty accepts a difficulty in any case.
func ParseDifficulty(s string) (Difficulty, bool) {
	switch d := Difficulty(strings.ToLower(strings.TrimSpace(s))); d {
	case Easy, Medium, Hard:
		return d, true
	}
	return "", false
}

func text(errs *domain.FieldErrors, field, s string, max int, required bool) string {
	s = strings.TrimSpace(s)
	switch {
	case required && s == "":
		errs.Add(field, field+" is required")
	case utf8.RuneCountInString(s) > max:
		errs.Add(field, field+" is too long")
	case !utf8.ValidString(s) || strings.ContainsRune(s, 0):
		errs.Add(field, field+" contains invalid characters")
	}
	return s
}

func minutes(errs *domain.FieldErrors, field string, m int) {
	if m < 0 || m > MaxMinutes {
		errs.Add(field, field+" must be between 0 and 10080 minutes")
	}
}

func tags(errs *domain.FieldErrors, in []string) []string {
	out := make([]string, 0, len(in))
	for _, t := range in {
		t = strings.ToLower(text(errs, "tags", t, MaxTextLength, false))
		if t != "" && !containsString(out, t) {
			out = append(out, t)
		}
	}
	if len(out) > MaxTags {
		errs.Add("tags", "a recipe may have at most 20 tags")
	}
	return out
}

func normaliseIngredients(errs *domain.FieldErrors, in []Ingredient) {
	if len(in) == 0 || len(in) > MaxLines {
		errs.Add("ingredients", "a recipe needs between 1 and 100 ingredients")
	}
	for i := range in {
		in[i].Name = text(errs, "ingredients", in[i].Name, MaxNameLength, true)
		in[i].Measure = text(errs, "ingredients", in[i].Measure, MaxTextLength, false)
	}
}

func steps(errs *domain.FieldErrors, in []string) []string {
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s = text(errs, "instructions", s, MaxStepLength, false); s != "" {
			out = append(out, s)
		}
	}
	if len(out) == 0 || len(out) > MaxLines {
		errs.Add("instructions", "a recipe needs between 1 and 100 steps")
	}
	return out
}

func link(errs *domain.FieldErrors, field, s string) {
	if s == "" {
		return
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(s) > 2000 {
		errs.Add(field, field+" must be an http(s) URL")
	}
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
