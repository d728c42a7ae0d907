package planning

import (
	"maps"
	"testing"
	"time"
)

func TestNewPlan(t *testing.T) {
	t.Parallel()
	p := NewPlan("id", "u1", mustDate(t, "2027-01-01"), t0)
	if p.WeekStart.String() != "2026-12-27" || p.WeekEnd().String() != "2027-01-02" {
		t.Errorf("week = %s..%s", p.WeekStart, p.WeekEnd())
	}
	if p.Days == nil || p.MealCount() != 0 || !p.IsEmpty() || !p.CreatedAt.Equal(t0) || !p.UpdatedAt.Equal(t0) {
		t.Errorf("NewPlan = %+v", p)
	}
	dates := p.Dates()
	if len(dates) != 7 || dates[0] != p.WeekStart || dates[6] != p.WeekEnd() {
		t.Errorf("Dates() = %v", dates)
	}
	for _, d := range []string{"2026-12-26", "2027-01-03"} {
		if p.Contains(mustDate(t, d)) {
			t.Errorf("Contains(%s)", d)
		}
	}
	for _, d := range dates {
		if !p.Contains(d) {
			t.Errorf("!Contains(%s)", d)
		}
	}
}

func TestPlanSet(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		date    string
		meal    MealType
		slot    Slot
		message string
	}{
		{"inside", "2026-11-25", Dinner, slot(7), ""},
		{"overwrite", "2026-11-23", Breakfast, slot(7), ""},
		{"zero addedAt becomes now", "2026-11-28", Snacks, Slot{RecipeID: 7, Servings: 1}, ""},
		{"before week", "2026-11-21", Dinner, slot(7), "date is outside the plan's week"},
		{"after week", "2026-11-29", Dinner, slot(7), "date is outside the plan's week"},
		{"bad meal", "2026-11-25", "brunch", slot(7), "invalid meal type"},
		{"bad slot", "2026-11-25", Lunch, Slot{RecipeID: 7, Servings: 99}, "servings must be between 1 and 50"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := mustPlan(t, "2026-11-22", map[string]int64{"2026-11-23/breakfast": 1})
			before := layout(p)
			err := p.Set(mustDate(t, tt.date), tt.meal, tt.slot, t1)
			if tt.message != "" {
				wantValidation(t, err, tt.message)
				if !maps.Equal(layout(p), before) || !p.UpdatedAt.Equal(t0) {
					t.Error("a failed Set changed the plan")
				}
				return
			}
			if err != nil {
				t.Fatalf("Set: %v", err)
			}
			got, ok := p.Get(mustDate(t, tt.date), tt.meal)
			if !ok || got.RecipeID != 7 || !p.UpdatedAt.Equal(t1) {
				t.Errorf("Get = %+v, %v; updated %v", got, ok, p.UpdatedAt)
			}
			if tt.slot.AddedAt.IsZero() && !got.AddedAt.Equal(t1) {
				t.Errorf("AddedAt = %v, want now", got.AddedAt)
			}
		})
	}
}

func TestPlanRemove(t *testing.T) {
	t.Parallel()
	p := mustPlan(t, "2026-11-22", map[string]int64{"2026-11-23/breakfast": 1, "2026-11-23/lunch": 2})
	d := mustDate(t, "2026-11-23")
	if err := p.Remove(d, Breakfast, t1); err != nil {
		t.Fatal(err)
	}
	if !maps.Equal(layout(p), map[string]int64{"2026-11-23/lunch": 2}) || !p.UpdatedAt.Equal(t1) {
		t.Errorf("after remove: %v", layout(p))
	}
	later := t1.Add(time.Hour)
	if err := p.Remove(d, Breakfast, later); err != nil || !p.UpdatedAt.Equal(t1) {
		t.Errorf("second remove: %v, updated %v", err, p.UpdatedAt)
	}
	if err := p.Remove(d, Lunch, later); err != nil || len(p.Days) != 0 {
		t.Errorf("empty day kept: %v, %v", err, p.Days)
	}
	wantValidation(t, p.Remove(mustDate(t, "2026-11-30"), Lunch, later), "date is outside the plan's week")
	wantValidation(t, p.Remove(d, "tea", later), "invalid meal type")
}

func TestPlanClear(t *testing.T) {
	t.Parallel()
	full := map[string]int64{
		"2026-11-22/breakfast": 1, "2026-11-22/dinner": 2,
		"2026-11-23/lunch": 3, "2026-11-23/dinner": 4,
		"2026-11-28/snacks": 5,
	}
	tests := []struct {
		name    string
		dates   []string
		meals   []MealType
		want    map[string]int64
		message string
	}{
		{"everything", nil, nil, map[string]int64{}, ""},
		{"one date", []string{"2026-11-23"}, nil,
			map[string]int64{"2026-11-22/breakfast": 1, "2026-11-22/dinner": 2, "2026-11-28/snacks": 5}, ""},
		{"one meal everywhere", nil, []MealType{Dinner},
			map[string]int64{"2026-11-22/breakfast": 1, "2026-11-23/lunch": 3, "2026-11-28/snacks": 5}, ""},
		{"dates and meals", []string{"2026-11-22", "2026-11-23"}, []MealType{Dinner, Lunch},
			map[string]int64{"2026-11-22/breakfast": 1, "2026-11-28/snacks": 5}, ""},
		{"date outside", []string{"2026-11-23", "2026-11-29"}, nil, full, "date is outside the plan's week"},
		{"bad meal", nil, []MealType{"supper"}, full, unknownMealMessage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := mustPlan(t, "2026-11-22", full)
			err := p.Clear(mustDates(t, tt.dates...), tt.meals, t1)
			if tt.message != "" {
				wantValidation(t, err, tt.message)
			} else if err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(layout(p), tt.want) {
				t.Errorf("layout = %v, want %v", layout(p), tt.want)
			}
			if p.MealCount() != len(tt.want) {
				t.Errorf("MealCount = %d, want %d", p.MealCount(), len(tt.want))
			}
		})
	}
}

func TestDaysInOrder(t *testing.T) {
	t.Parallel()
	p := mustPlan(t, "2026-11-22", map[string]int64{
		"2026-11-28/snacks": 5, "2026-11-28/breakfast": 4, "2026-11-22/dinner": 2, "2026-11-22/lunch": 1,
	})
	p.Days[mustDate(t, "2026-11-24")] = map[MealType]Slot{} // an empty day is skipped
	var got []string
	for _, e := range p.DaysInOrder() {
		for _, m := range e.Meals {
			got = append(got, e.Date.String()+"/"+string(m.Type))
		}
	}
	want := []string{"2026-11-22/lunch", "2026-11-22/dinner", "2026-11-28/breakfast", "2026-11-28/snacks"}
	if len(got) != len(want) {
		t.Fatalf("DaysInOrder = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("DaysInOrder = %v, want %v", got, want)
		}
	}
	if len(p.DaysInOrder()) != 2 || NewPlan("", "", p.WeekStart, t0).DaysInOrder() == nil {
		t.Error("DaysInOrder must list only days with meals and never be nil")
	}
}

func TestRestore(t *testing.T) {
	t.Parallel()
	sun := mustDate(t, "2026-11-22")
	days := Days{mustDate(t, "2026-11-24"): {Lunch: slot(3)}}
	tests := []struct {
		name      string
		weekStart Date
		days      Days
		ok        bool
	}{
		{"valid", sun, days, true},
		{"not a sunday", sun.AddDays(1), days, false},
		{"date outside", sun.AddDays(7), days, false},
		{"bad slot", sun, Days{sun: {Lunch: {RecipeID: 3}}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p, err := Restore("id", "u", tt.weekStart, tt.days, "n", t0, t1)
			if !tt.ok {
				wantValidation(t, err, "")
				return
			}
			if err != nil || p.MealCount() != 1 || p.Notes != "n" || !p.UpdatedAt.Equal(t1) {
				t.Fatalf("Restore = %+v, %v", p, err)
			}
		})
	}
}
