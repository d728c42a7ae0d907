package http

import (
	"encoding/json"
	"time"

	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/user"
)

type userJSON struct {
	ID                     string          `json:"id"`
	Email                  string          `json:"email"`
	Name                   string          `json:"name"`
	Role                   string          `json:"role"`
	HasCompletedOnboarding bool            `json:"hasCompletedOnboarding"`
	CreatedAt              time.Time       `json:"createdAt"`
	UpdatedAt              time.Time       `json:"updatedAt"`
	Preferences            preferencesJSON `json:"preferences"`
}

type preferencesJSON struct {
	Theme               string       `json:"theme"`
	Notifications       bool         `json:"notifications"`
	Dietary             []string     `json:"dietary"`
	Allergies           []string     `json:"allergies"`
	DislikedIngredients []string     `json:"dislikedIngredients"`
	FavoriteCuisines    []string     `json:"favoriteCuisines"`
	HouseholdSize       int          `json:"householdSize"`
	SkillLevel          string       `json:"skillLevel"`
	MaxPrepTime         *int         `json:"maxPrepTime"`
	UnitSystem          string       `json:"unitSystem"`
	Timezone            string       `json:"timezone"`
	NutritionTargets    *targetsJSON `json:"nutritionTargets"`
	Email               emailJSON    `json:"email"`
}

type targetsJSON struct {
	Calories     float64 `json:"calories"`
	Protein      float64 `json:"protein"`
	Carbohydrate float64 `json:"carbohydrate"`
	Fat          float64 `json:"fat"`
	Fiber        float64 `json:"fiber"`
	Sodium       float64 `json:"sodium"`
}

type emailJSON struct {
	WeeklyReminder bool `json:"weeklyReminder"`
	WeeklySummary  bool `json:"weeklySummary"`
	ShoppingList   bool `json:"shoppingList"`
}

func toUserJSON(u *user.User) userJSON {
	p := u.Preferences
	out := userJSON{ID: u.ID, Email: u.Email, Name: u.Name, Role: string(u.Role),
		HasCompletedOnboarding: u.HasCompletedOnboarding, CreatedAt: u.CreatedAt.UTC(), UpdatedAt: u.UpdatedAt.UTC(),
		Preferences: preferencesJSON{Theme: p.Theme, Notifications: p.Notifications,
			Dietary: nonNil(p.Dietary), Allergies: nonNil(p.Allergies), DislikedIngredients: nonNil(p.DislikedIngredients),
			FavoriteCuisines: nonNil(p.FavoriteCuisines), HouseholdSize: p.HouseholdSize, SkillLevel: p.SkillLevel,
			MaxPrepTime: p.MaxPrepTime, UnitSystem: p.UnitSystem, Timezone: p.Timezone,
			Email: emailJSON(p.Email)}}
	if t := p.NutritionTargets; t != nil {
		out.Preferences.NutritionTargets = &targetsJSON{t.Calories, t.Protein, t.Carbohydrate, t.Fat, t.Fiber, t.Sodium}
	}
	return out
}

// nonNil keeps the frontend's unguarded .map calls safe: a list is never null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// optional records whether a JSON key was present and whether it was null,
// which a plain pointer cannot tell apart.
type optional[T any] struct {
	set, valid bool
	value      T
}

func (o *optional[T]) UnmarshalJSON(b []byte) error {
	o.set = true
	if string(b) == "null" {
		o.valid = false
		return nil
	}
	o.valid = true
	return json.Unmarshal(b, &o.value)
}

type preferencesPatchJSON struct {
	Theme               *string               `json:"theme"`
	Notifications       *bool                 `json:"notifications"`
	Dietary             *[]string             `json:"dietary"`
	Allergies           *[]string             `json:"allergies"`
	DislikedIngredients *[]string             `json:"dislikedIngredients"`
	FavoriteCuisines    *[]string             `json:"favoriteCuisines"`
	HouseholdSize       *int                  `json:"householdSize"`
	SkillLevel          *string               `json:"skillLevel"`
	MaxPrepTime         optional[int]         `json:"maxPrepTime"`
	UnitSystem          *string               `json:"unitSystem"`
	Timezone            *string               `json:"timezone"`
	NutritionTargets    optional[targetsJSON] `json:"nutritionTargets"`
	Email               *emailPatchJSON       `json:"email"`
}

type emailPatchJSON struct {
	WeeklyReminder *bool `json:"weeklyReminder"`
	WeeklySummary  *bool `json:"weeklySummary"`
	ShoppingList   *bool `json:"shoppingList"`
}

func (j preferencesPatchJSON) toDomain() user.PreferencesPatch {
	p := user.PreferencesPatch{Theme: j.Theme, Notifications: j.Notifications, Dietary: j.Dietary,
		Allergies: j.Allergies, DislikedIngredients: j.DislikedIngredients, FavoriteCuisines: j.FavoriteCuisines,
		HouseholdSize: j.HouseholdSize, SkillLevel: j.SkillLevel, UnitSystem: j.UnitSystem, Timezone: j.Timezone}
	if j.MaxPrepTime.set {
		p.MaxPrepTime = &user.Nullable[int]{Valid: j.MaxPrepTime.valid, Value: j.MaxPrepTime.value}
	}
	if j.NutritionTargets.set {
		t := j.NutritionTargets.value
		p.NutritionTargets = &user.Nullable[user.NutritionTargets]{Valid: j.NutritionTargets.valid,
			Value: user.NutritionTargets{Calories: t.Calories, Protein: t.Protein, Carbohydrate: t.Carbohydrate,
				Fat: t.Fat, Fiber: t.Fiber, Sodium: t.Sodium}}
	}
	if e := j.Email; e != nil {
		p.Email = &user.EmailPatch{WeeklyReminder: e.WeeklyReminder, WeeklySummary: e.WeeklySummary, ShoppingList: e.ShoppingList}
	}
	return p
}

type activityJSON struct {
	ID        string            `json:"id"`
	UserID    string            `json:"userId"`
	Action    string            `json:"action"`
	Details   string            `json:"details"`
	RelatedID *string           `json:"relatedId"`
	Timestamp time.Time         `json:"timestamp"`
	Metadata  map[string]string `json:"metadata"`
}

func toActivityJSON(a activity.Activity) activityJSON {
	out := activityJSON{ID: a.ID, UserID: a.UserID, Action: string(a.Action), Details: a.Details,
		Timestamp: a.Timestamp.UTC(), Metadata: a.Metadata}
	if a.RelatedID != "" {
		id := a.RelatedID
		out.RelatedID = &id
	}
	if out.Metadata == nil {
		out.Metadata = map[string]string{}
	}
	return out
}

func toActivitiesJSON(list []activity.Activity) []activityJSON {
	out := make([]activityJSON, 0, len(list))
	for _, a := range list {
		out = append(out, toActivityJSON(a))
	}
	return out
}
