package user

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
)

// Preferences shape suggestions, plan generation, units and email.
type Preferences struct {
	Theme               string
	Notifications       bool
	Dietary             []string
	Allergies           []string
	DislikedIngredients []string
	FavoriteCuisines    []string
	HouseholdSize       int
	SkillLevel          string
	MaxPrepTime         *int
	UnitSystem          string
	Timezone            string
	NutritionTargets    *NutritionTargets
	Email               EmailPreferences
}

// NutritionTargets are daily goals: calories in kcal, sodium in mg, the rest in grams.
type NutritionTargets struct {
	Calories     float64
	Protein      float64
	Carbohydrate float64
	Fat          float64
	Fiber        float64
	Sodium       float64
}

// EmailPreferences are the opt-ins for non-transactional email.
type EmailPreferences struct {
	WeeklyReminder bool
	WeeklySummary  bool
	ShoppingList   bool
}

// Dietary values in the contract's spelling.
var DietaryValues = []string{"Vegetarian", "Vegan", "Pescatarian", "Gluten-Free", "Dairy-Free", "Nut-Free", "Keto", "Low-Carb", "Paleo"}

// Allergens known to the food table, in the contract's spelling. Other
// allergy text is kept as typed and matched against ingredient names.
var Allergens = []string{"Peanuts", "Tree Nuts", "Shellfish", "Fish", "Eggs", "Dairy", "Soy", "Gluten", "Sesame"}

// Bounds on preference values.
const (
	MinHouseholdSize = 1
	MaxHouseholdSize = 10
	MaxPrepMinutes   = 24 * 60
	MaxListEntries   = 30
	MaxEntryLength   = 100
)

// DefaultPreferences are what a new account starts with.
func DefaultPreferences() Preferences {
	return Preferences{
		Theme:               "light",
		Notifications:       true,
		Dietary:             []string{},
		Allergies:           []string{},
		DislikedIngredients: []string{},
		FavoriteCuisines:    []string{},
		HouseholdSize:       2,
		SkillLevel:          "intermediate",
		UnitSystem:          "metric",
		Timezone:            "UTC",
		Email:               EmailPreferences{WeeklyReminder: true, WeeklySummary: true, ShoppingList: true},
	}
}

// Nullable is a value that a patch may set, clear (Valid false) or leave alone (nil pointer).
type Nullable[T any] struct {
	Valid bool
	Value T
}

// PreferencesPatch changes any subset of the preferences; nil fields are left alone.
type PreferencesPatch struct {
	Theme               *string
	Notifications       *bool
	Dietary             *[]string
	Allergies           *[]string
	DislikedIngredients *[]string
	FavoriteCuisines    *[]string
	HouseholdSize       *int
	SkillLevel          *string
	MaxPrepTime         *Nullable[int]
	UnitSystem          *string
	Timezone            *string
	NutritionTargets    *Nullable[NutritionTargets]
	Email               *EmailPatch
}

// EmailPatch changes any subset of the email opt-ins.
type EmailPatch struct {
	WeeklyReminder *bool
	WeeklySummary  *bool
	ShoppingList   *bool
}

// Apply validates every field of the patch and returns the updated
// preferences, or a validation error naming each bad field.
func (p Preferences) Apply(patch PreferencesPatch) (Preferences, error) {
	var errs domain.FieldErrors
	next := p
	if patch.Theme != nil {
		next.Theme = pickOne(&errs, "theme", *patch.Theme, "light", "dark")
	}
	if patch.Notifications != nil {
		next.Notifications = *patch.Notifications
	}
	if patch.Dietary != nil {
		next.Dietary = canonicalList(&errs, "dietary", *patch.Dietary, DietaryValues, false)
	}
	if patch.Allergies != nil {
		next.Allergies = canonicalList(&errs, "allergies", *patch.Allergies, Allergens, true)
	}
	if patch.DislikedIngredients != nil {
		next.DislikedIngredients = freeList(&errs, "dislikedIngredients", *patch.DislikedIngredients, strings.ToLower)
	}
	if patch.FavoriteCuisines != nil {
		next.FavoriteCuisines = freeList(&errs, "favoriteCuisines", *patch.FavoriteCuisines, titleCase)
	}
	if patch.HouseholdSize != nil {
		next.HouseholdSize = *patch.HouseholdSize
		if next.HouseholdSize < MinHouseholdSize || next.HouseholdSize > MaxHouseholdSize {
			errs.Add("householdSize", "householdSize must be between 1 and 10")
		}
	}
	if patch.SkillLevel != nil {
		next.SkillLevel = pickOne(&errs, "skillLevel", *patch.SkillLevel, "beginner", "intermediate", "advanced")
	}
	if patch.MaxPrepTime != nil {
		next.MaxPrepTime = applyPrepTime(&errs, *patch.MaxPrepTime)
	}
	if patch.UnitSystem != nil {
		next.UnitSystem = pickOne(&errs, "unitSystem", *patch.UnitSystem, "metric", "us")
	}
	if patch.Timezone != nil {
		next.Timezone = checkTimezone(&errs, *patch.Timezone)
	}
	if patch.NutritionTargets != nil {
		next.NutritionTargets = applyTargets(&errs, *patch.NutritionTargets)
	}
	if patch.Email != nil {
		next.Email = patch.Email.applyTo(next.Email)
	}
	if err := errs.Err(); err != nil {
		return p, err
	}
	return next, nil
}

func (e EmailPatch) applyTo(cur EmailPreferences) EmailPreferences {
	if e.WeeklyReminder != nil {
		cur.WeeklyReminder = *e.WeeklyReminder
	}
	if e.WeeklySummary != nil {
		cur.WeeklySummary = *e.WeeklySummary
	}
	if e.ShoppingList != nil {
		cur.ShoppingList = *e.ShoppingList
	}
	return cur
}

func pickOne(errs *domain.FieldErrors, field, value string, allowed ...string) string {
	v := strings.ToLower(strings.TrimSpace(value))
	for _, a := range allowed {
		if v == a {
			return a
		}
	}
	errs.Add(field, field+" must be one of "+strings.Join(allowed, ", "))
	return value
}

// canonicalList maps each entry case-insensitively to its canonical spelling.
// With allowFree, unknown entries are kept (trimmed) instead of refused.
func canonicalList(errs *domain.FieldErrors, field string, values, canon []string, allowFree bool) []string {
	out := make([]string, 0, len(values))
	seen := map[string]bool{}
	for _, v := range values {
		v = strings.TrimSpace(v)
		c, known := lookupFold(canon, v)
		switch {
		case v == "":
			continue
		case !known && !allowFree:
			errs.Add(field, "unknown "+field+" value: "+truncate(v))
			continue
		case !known:
			c = v
			if bad := entryProblem(v); bad != "" {
				errs.Add(field, field+" "+bad)
				continue
			}
		}
		if key := strings.ToLower(c); !seen[key] {
			seen[key] = true
			out = append(out, c)
		}
	}
	if len(out) > MaxListEntries {
		errs.Add(field, field+" may hold at most 30 entries")
	}
	return out
}

func freeList(errs *domain.FieldErrors, field string, values []string, norm func(string) string) []string {
	out := make([]string, 0, len(values))
	seen := map[string]bool{}
	for _, v := range values {
		v = norm(strings.Join(strings.Fields(v), " "))
		if v == "" {
			continue
		}
		if bad := entryProblem(v); bad != "" {
			errs.Add(field, field+" "+bad)
			continue
		}
		if key := strings.ToLower(v); !seen[key] {
			seen[key] = true
			out = append(out, v)
		}
	}
	if len(out) > MaxListEntries {
		errs.Add(field, field+" may hold at most 30 entries")
	}
	return out
}

func entryProblem(v string) string {
	if utf8.RuneCountInString(v) > MaxEntryLength {
		return "entries must be at most 100 characters"
	}
	if !utf8.ValidString(v) || strings.ContainsRune(v, 0) {
		return "entries contain invalid characters"
	}
	return ""
}

// CanonicalDiet returns the contract's spelling of a dietary value given in
// any case and spacing, and whether it is one of DietaryValues.
func CanonicalDiet(v string) (string, bool) {
	return lookupFold(DietaryValues, strings.TrimSpace(v))
}

func lookupFold(canon []string, v string) (string, bool) {
	for _, c := range canon {
		if strings.EqualFold(c, v) {
			return c, true
		}
	}
	return "", false
}

func titleCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r, size := utf8.DecodeRuneInString(w)
		words[i] = strings.ToUpper(string(r)) + strings.ToLower(w[size:])
	}
	return strings.Join(words, " ")
}

func truncate(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

func applyPrepTime(errs *domain.FieldErrors, v Nullable[int]) *int {
	if !v.Valid {
		return nil
	}
	if v.Value < 1 || v.Value > MaxPrepMinutes {
		errs.Add("maxPrepTime", "maxPrepTime must be between 1 and 1440 minutes, or null")
		return nil
	}
	m := v.Value
	return &m
}

// checkTimezone accepts IANA zone names. time.LoadLocation only reads the
// zone database (embedded in the binary), so the answer is deterministic.
func checkTimezone(errs *domain.FieldErrors, tz string) string {
	tz = strings.TrimSpace(tz)
	if tz == "" || strings.EqualFold(tz, "local") || len(tz) > 64 {
		errs.Add("timezone", "timezone must be an IANA time zone name such as Europe/London")
		return tz
	}
	loc, err := time.LoadLocation(tz)
	if err != nil {
		errs.Add("timezone", "timezone must be an IANA time zone name such as Europe/London")
		return tz
	}
	return loc.String()
}

// targetBounds are plausible daily ranges; anything outside is a typo.
var targetBounds = []struct {
	name     string
	min, max float64
	get      func(*NutritionTargets) *float64
}{
	{"calories", 800, 8000, func(t *NutritionTargets) *float64 { return &t.Calories }},
	{"protein", 0, 500, func(t *NutritionTargets) *float64 { return &t.Protein }},
	{"carbohydrate", 0, 1000, func(t *NutritionTargets) *float64 { return &t.Carbohydrate }},
	{"fat", 0, 500, func(t *NutritionTargets) *float64 { return &t.Fat }},
	{"fiber", 0, 200, func(t *NutritionTargets) *float64 { return &t.Fiber }},
	{"sodium", 0, 10000, func(t *NutritionTargets) *float64 { return &t.Sodium }},
}

func applyTargets(errs *domain.FieldErrors, v Nullable[NutritionTargets]) *NutritionTargets {
	if !v.Valid {
		return nil
	}
	t := v.Value
	for _, b := range targetBounds {
		x := *b.get(&t)
		if x < b.min || x > b.max || x != x {
			errs.Add("nutritionTargets."+b.name, "nutritionTargets."+b.name+" is out of range")
		}
	}
	return &t
}
