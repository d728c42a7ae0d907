package planning

import (
	"maps"
	"strings"
	"testing"
)

func TestReplaceAndMerge(t *testing.T) {
	t.Parallel()
	start := map[string]int64{"2026-11-22/breakfast": 1, "2026-11-23/lunch": 2}
	in := func(t *testing.T) Days {
		return Days{
			mustDate(t, "2026-11-23"): {Lunch: slot(20), Dinner: slot(21)},
			mustDate(t, "2026-11-25"): {Snacks: slot(22)},
		}
	}
	tests := []struct {
		name      string
		merge     bool
		notes     *string
		want      map[string]int64
		wantNotes string
	}{
		{"replace", false, ptr("new"), map[string]int64{
			"2026-11-23/lunch": 20, "2026-11-23/dinner": 21, "2026-11-25/snacks": 22}, "new"},
		{"merge keeps other slots", true, ptr("new"), map[string]int64{
			"2026-11-22/breakfast": 1, "2026-11-23/lunch": 20, "2026-11-23/dinner": 21, "2026-11-25/snacks": 22}, "new"},
		{"merge without notes keeps notes", true, nil, map[string]int64{
			"2026-11-22/breakfast": 1, "2026-11-23/lunch": 20, "2026-11-23/dinner": 21, "2026-11-25/snacks": 22}, "old"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := mustPlan(t, "2026-11-22", start)
			p.Notes = "old"
			var err error
			if tt.merge {
				err = p.Merge(in(t), tt.notes, t1)
			} else {
				err = p.Replace(in(t), *tt.notes, t1)
			}
			if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(layout(p), tt.want) || p.Notes != tt.wantNotes || !p.UpdatedAt.Equal(t1) {
				t.Errorf("layout = %v notes %q, want %v %q", layout(p), p.Notes, tt.want, tt.wantNotes)
			}
		})
	}
}

func TestReplaceMergeValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		days   func(t *testing.T) Days
		notes  string
		fields []string
	}{
		{"date outside", func(t *testing.T) Days {
			return Days{mustDate(t, "2026-11-29"): {Lunch: slot(1)}, mustDate(t, "2026-11-21"): {Lunch: slot(1)}}
		}, "", []string{"days.2026-11-29", "days.2026-11-21"}},
		{"unknown meal", func(t *testing.T) Days {
			return Days{mustDate(t, "2026-11-24"): {"brunch": slot(1), Lunch: slot(2)}}
		}, "", []string{"days.2026-11-24.brunch"}},
		{"bad slot", func(t *testing.T) Days {
			return Days{mustDate(t, "2026-11-24"): {Lunch: {RecipeID: 0, Servings: 0}}}
		}, "", []string{"days.2026-11-24.lunch.recipeId", "days.2026-11-24.lunch.servings"}},
		{"long notes", func(t *testing.T) Days { return nil }, strings.Repeat("n", MaxNotesLength+1), []string{"notes"}},
	}
	for _, tt := range tests {
		for _, merge := range []bool{false, true} {
			t.Run(tt.name, func(t *testing.T) {
				t.Parallel()
				p := mustPlan(t, "2026-11-22", map[string]int64{"2026-11-22/breakfast": 1})
				before := layout(p)
				var err error
				if merge {
					err = p.Merge(tt.days(t), &tt.notes, t1)
				} else {
					err = p.Replace(tt.days(t), tt.notes, t1)
				}
				e := wantValidation(t, err, "")
				for _, f := range tt.fields {
					if e.Details[f] == nil {
						t.Errorf("details = %v, missing %s", e.Details, f)
					}
				}
				if !maps.Equal(layout(p), before) || p.Notes != "" || !p.UpdatedAt.Equal(t0) {
					t.Error("a failed edit changed the plan")
				}
			})
		}
	}
}

func TestParseDays(t *testing.T) {
	t.Parallel()
	got, err := ParseDays(map[string]map[string]Slot{"2026-11-24": {"Dinner": slot(1), "snacks": slot(2)}})
	if err != nil || len(got) != 1 || got[mustDate(t, "2026-11-24")][Dinner].RecipeID != 1 {
		t.Fatalf("ParseDays = %v, %v", got, err)
	}
	_, err = ParseDays(map[string]map[string]Slot{
		"2026-02-30": {"dinner": slot(1)},
		"2026-11-24": {"tea": slot(1)},
	})
	e := wantValidation(t, err, "")
	if e.Details["days.2026-02-30"] == nil || e.Details["days.2026-11-24.tea"] == nil {
		t.Errorf("details = %v", e.Details)
	}
}

func ptr[T any](v T) *T { return &v }
