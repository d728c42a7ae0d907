// Package activity models the per-user activity log that feeds the dashboard
// and, later, the recommender.
package activity

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
)

// Action is what happened.
type Action string

// The actions of the contract.
const (
	AddMeal              Action = "add_meal"
	RemoveMeal           Action = "remove_meal"
	FavoriteRecipe       Action = "favorite_recipe"
	UnfavoriteRecipe     Action = "unfavorite_recipe"
	GenerateShoppingList Action = "generate_shopping_list"
	CompleteShoppingList Action = "complete_shopping_list"
	UpdatePreferences    Action = "update_preferences"
	CopyDay              Action = "copy_day"
	ClearPlan            Action = "clear_plan"
	ViewRecipe           Action = "view_recipe"
	RateRecipe           Action = "rate_recipe"
)

var actions = []Action{AddMeal, RemoveMeal, FavoriteRecipe, UnfavoriteRecipe, GenerateShoppingList,
	CompleteShoppingList, UpdatePreferences, CopyDay, ClearPlan, ViewRecipe, RateRecipe}

// Limits on what a client may record.
const (
	MaxDetailsLength   = 500
	MaxRelatedIDLength = 100
	MaxMetadataEntries = 20
	DefaultListLimit   = 20
	MaxListLimit       = 100
)

// Activity is one entry of a user's log.
type Activity struct {
	ID        string
	UserID    string
	Action    Action
	Details   string
	RelatedID string
	Timestamp time.Time
	Metadata  map[string]string
}

// ParseAction accepts one of the contract's action names.
func ParseAction(s string) (Action, error) {
	for _, a := range actions {
		if string(a) == s {
			return a, nil
		}
	}
	return "", domain.Invalid("unknown action", map[string]string{"action": "must be one of the documented actions"})
}

// New validates and builds an activity.
func New(id, userID string, action Action, details, relatedID string, metadata map[string]string, now time.Time) (Activity, error) {
	var errs domain.FieldErrors
	details = strings.TrimSpace(details)
	if utf8.RuneCountInString(details) > MaxDetailsLength || !isText(details) {
		errs.Add("details", "details must be at most 500 characters of text")
	}
	if len(relatedID) > MaxRelatedIDLength {
		errs.Add("relatedId", "relatedId must be at most 100 characters")
	}
	if len(relatedID) > 0 && !isText(relatedID) {
		errs.Add("relatedId", "relatedId must be text")
	}
	if len(metadata) > MaxMetadataEntries {
		errs.Add("metadata", "metadata may hold at most 20 entries")
	}
	for k, v := range metadata {
		if !isText(k) || !isText(v) || len(k) > 100 || len(v) > MaxDetailsLength {
			errs.Add("metadata", "metadata keys and values must be short text")
		}
	}
	if err := errs.Err(); err != nil {
		return Activity{}, err
	}
	md := make(map[string]string, len(metadata))
	for k, v := range metadata {
		md[k] = v
	}
	return Activity{ID: id, UserID: userID, Action: action, Details: details, RelatedID: relatedID,
		Timestamp: now.UTC(), Metadata: md}, nil
}

// isText refuses what databases cannot store in a text column: invalid UTF-8
// and NUL characters.
func isText(s string) bool { return utf8.ValidString(s) && !strings.ContainsRune(s, 0) }
