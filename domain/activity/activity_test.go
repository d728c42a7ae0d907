package activity_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
)

func TestParseAction(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"add_meal", "remove_meal", "favorite_recipe", "unfavorite_recipe", "generate_shopping_list",
		"complete_shopping_list", "update_preferences", "copy_day", "clear_plan", "view_recipe", "rate_recipe"} {
		if a, err := activity.ParseAction(name); err != nil || string(a) != name {
			t.Errorf("ParseAction(%q) = %q, %v", name, a, err)
		}
	}
	for _, bad := range []string{"", "ADD_MEAL", "delete_everything"} {
		if _, err := activity.ParseAction(bad); domain.ErrorCode(err) != domain.CodeValidation {
			t.Errorf("ParseAction(%q) error = %v, want validation", bad, err)
		}
	}
}

func TestNewValidatesAndCopies(t *testing.T) {
	t.Parallel()
	md := map[string]string{"k": "v"}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.FixedZone("x", 3600))
	a, err := activity.New("id", "u", activity.AddMeal, "  Added pasta  ", "52772", md, now)
	if err != nil {
		t.Fatal(err)
	}
	md["k"] = "changed"
	if a.Metadata["k"] != "v" || a.Details != "Added pasta" || a.Timestamp.Location() != time.UTC {
		t.Errorf("New = %+v", a)
	}
	if _, err := activity.New("id", "u", activity.AddMeal, strings.Repeat("x", 501), "", nil, now); err == nil {
		t.Error("501-character details accepted")
	}
	if a, _ := activity.New("id", "u", activity.AddMeal, "", "", nil, now); a.Metadata == nil {
		t.Error("nil metadata should become an empty map")
	}
}

func TestNewRefusesWhatTextColumnsCannotHold(t *testing.T) {
	t.Parallel()
	now := time.Now()
	cases := map[string]func() error{
		"NUL in details": func() error { _, err := activity.New("id", "u", activity.AddMeal, "a\x00b", "", nil, now); return err },
		"bad UTF-8":      func() error { _, err := activity.New("id", "u", activity.AddMeal, "\xff", "", nil, now); return err },
		"NUL in metadata": func() error {
			_, err := activity.New("id", "u", activity.AddMeal, "", "", map[string]string{"k": "\x00"}, now)
			return err
		},
		"NUL in related": func() error { _, err := activity.New("id", "u", activity.AddMeal, "", "1\x00", nil, now); return err },
	}
	for name, f := range cases {
		if err := f(); domain.ErrorCode(err) != domain.CodeValidation {
			t.Errorf("%s: error = %v, want a validation error", name, err)
		}
	}
}
