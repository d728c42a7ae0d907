package planning

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"reflect"
	"testing"
)

// weeks is a fake store of plans keyed by week start, for planFor.
type weeks map[Date]*Plan

func (w weeks) planFor(ws Date) *Plan {
	if w[ws] == nil {
		w[ws] = NewPlan("new-"+ws.String(), "u1", ws, t0)
	}
	return w[ws]
}

func TestCopyDay(t *testing.T) {
	t.Parallel()
	src := map[string]int64{"2026-11-23/breakfast": 1, "2026-11-23/dinner": 2, "2026-11-24/lunch": 9, "2026-11-25/breakfast": 8}
	next := map[string]int64{"2026-12-01/dinner": 30, "2026-12-01/lunch": 31}
	tests := []struct {
		name     string
		targets  []string
		replace  bool
		wantSrc  map[string]int64
		wantNext map[string]int64
		changed  []string
	}{
		{"same week fill", []string{"2026-11-24", "2026-11-25"}, false, map[string]int64{
			"2026-11-23/breakfast": 1, "2026-11-23/dinner": 2,
			"2026-11-24/lunch": 9, "2026-11-24/breakfast": 1, "2026-11-24/dinner": 2,
			"2026-11-25/breakfast": 8, "2026-11-25/dinner": 2}, next, []string{"p-2026-11-22"}},
		{"same week replace", []string{"2026-11-24", "2026-11-25"}, true, map[string]int64{
			"2026-11-23/breakfast": 1, "2026-11-23/dinner": 2,
			"2026-11-24/breakfast": 1, "2026-11-24/dinner": 2,
			"2026-11-25/breakfast": 1, "2026-11-25/dinner": 2}, next, []string{"p-2026-11-22"}},
		{"across weeks fill", []string{"2026-12-01", "2026-12-08"}, false, src, map[string]int64{
			"2026-12-01/dinner": 30, "2026-12-01/lunch": 31, "2026-12-01/breakfast": 1},
			[]string{"p-2026-11-29", "new-2026-12-06"}},
		{"across weeks replace", []string{"2026-12-01", "2026-11-23", "2026-12-01"}, true, src, map[string]int64{
			"2026-12-01/breakfast": 1, "2026-12-01/dinner": 2}, []string{"p-2026-11-29"}},
		{"fill into full day changes nothing", []string{"2026-11-23"}, false, src, next, nil},
		{"source week listed first", []string{"2026-12-01", "2026-11-26"}, false, map[string]int64{
			"2026-11-23/breakfast": 1, "2026-11-23/dinner": 2, "2026-11-24/lunch": 9, "2026-11-25/breakfast": 8,
			"2026-11-26/breakfast": 1, "2026-11-26/dinner": 2}, map[string]int64{
			"2026-12-01/dinner": 30, "2026-12-01/lunch": 31, "2026-12-01/breakfast": 1},
			[]string{"p-2026-11-22", "p-2026-11-29"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := mustPlan(t, "2026-11-22", src)
			w := weeks{mustDate(t, "2026-11-29"): mustPlan(t, "2026-11-29", next)}
			changed, err := CopyDay(p, mustDate(t, "2026-11-23"), mustDates(t, tt.targets...), tt.replace, w.planFor, t1)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, c := range changed {
				ids = append(ids, c.ID)
				if !c.UpdatedAt.Equal(t1) {
					t.Errorf("%s.UpdatedAt = %v", c.ID, c.UpdatedAt)
				}
			}
			if !reflect.DeepEqual(ids, tt.changed) {
				t.Errorf("changed = %v, want %v", ids, tt.changed)
			}
			if !maps.Equal(layout(p), tt.wantSrc) {
				t.Errorf("source week = %v, want %v", layout(p), tt.wantSrc)
			}
			if got := layout(w[mustDate(t, "2026-11-29")]); !maps.Equal(got, tt.wantNext) {
				t.Errorf("next week = %v, want %v", got, tt.wantNext)
			}
			checkAddedAt(t, p, src)
			checkAddedAt(t, w[mustDate(t, "2026-11-29")], next)
		})
	}
}

// checkAddedAt asserts that the slots of orig kept their AddedAt and every
// other slot (a copy) was stamped t1.
func checkAddedAt(t *testing.T, p *Plan, orig map[string]int64) {
	t.Helper()
	for d, day := range p.Days {
		for m, s := range day {
			key := d.String() + "/" + string(m)
			want := t1
			if id, ok := orig[key]; ok && id == s.RecipeID {
				want = t0
			}
			if !s.AddedAt.Equal(want) {
				t.Errorf("%s AddedAt = %v, want %v", key, s.AddedAt, want)
			}
		}
	}
}

func TestCopyDayErrors(t *testing.T) {
	t.Parallel()
	many := make([]string, 15)
	for i := range many {
		many[i] = fmt.Sprintf("2026-12-%02d", i+1)
	}
	tests := []struct {
		name    string
		from    string
		targets []string
		message string
	}{
		{"no targets", "2026-11-23", nil, "targetDates is required"},
		{"fifteen targets", "2026-11-23", many, "at most 14 target dates"},
		{"empty source day", "2026-11-27", []string{"2026-11-24"}, "the selected day has no meals"},
		{"source outside week", "2026-11-30", []string{"2026-11-24"}, msgOutsideWeek},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := mustPlan(t, "2026-11-22", map[string]int64{"2026-11-23/lunch": 1})
			w := weeks{}
			changed, err := CopyDay(p, mustDate(t, tt.from), mustDates(t, tt.targets...), true, w.planFor, t1)
			wantValidation(t, err, tt.message)
			if changed != nil || len(w) != 0 || p.MealCount() != 1 {
				t.Error("a failed copy had effects")
			}
		})
	}
	p := mustPlan(t, "2026-11-22", map[string]int64{"2026-11-23/lunch": 1})
	if _, err := CopyDay(p, mustDate(t, "2026-11-23"), mustDates(t, many[:14]...), true, weeks{}.planFor, t1); err != nil {
		t.Errorf("14 targets: %v", err)
	}
	if _, err := CopyDay(p, mustDate(t, "2026-11-23"), mustDates(t, "2026-12-01"), true, nil, t1); err == nil {
		t.Error("no planFor for another week must fail")
	}
}

// TestCopyDayKeepsSource is a property test: whatever the targets and mode,
// the source day is unchanged, and every target day holds each source slot.
func TestCopyDayKeepsSource(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	base := mustDate(t, "2026-11-22")
	for i := range 200 {
		p := NewPlan("src", "u1", base, t0)
		for j := range 1 + rng.IntN(20) {
			d := base.AddDays(rng.IntN(7))
			_ = p.Set(d, mealTypes[rng.IntN(4)], slot(int64(j+1)), t0)
		}
		from := p.DaysInOrder()[0].Date
		want := maps.Clone(p.Days[from])
		targets := make([]Date, 1+rng.IntN(14))
		for k := range targets {
			targets[k] = base.AddDays(rng.IntN(28) - 7)
		}
		replace := rng.IntN(2) == 0
		w := weeks{}
		if _, err := CopyDay(p, from, targets, replace, w.planFor, t1); err != nil {
			t.Fatalf("case %d: %v", i, err)
		}
		if !maps.Equal(p.Days[from], want) {
			t.Fatalf("case %d: source day changed: %v, want %v", i, p.Days[from], want)
		}
		for _, d := range targets {
			if d == from {
				continue
			}
			plan := p
			if !p.Contains(d) {
				plan = w[d.WeekStart()]
			}
			for m, s := range want {
				got, ok := plan.Get(d, m)
				if !ok || (replace && got.RecipeID != s.RecipeID) {
					t.Fatalf("case %d: %s/%s = %+v, %v", i, d, m, got, ok)
				}
			}
			if replace && len(plan.Days[d]) != len(want) {
				t.Fatalf("case %d: replaced day %s has %d slots, want %d", i, d, len(plan.Days[d]), len(want))
			}
		}
	}
}

func TestCopyWeek(t *testing.T) {
	t.Parallel()
	src := map[string]int64{"2026-11-22/breakfast": 1, "2026-11-28/snacks": 2}
	dst := map[string]int64{"2026-12-27/breakfast": 10, "2026-12-27/dinner": 11, "2026-12-30/lunch": 12}
	tests := []struct {
		name    string
		replace bool
		want    map[string]int64
	}{
		{"fill", false, map[string]int64{"2026-12-27/breakfast": 10, "2026-12-27/dinner": 11,
			"2026-12-30/lunch": 12, "2027-01-02/snacks": 2}},
		{"replace", true, map[string]int64{"2026-12-27/breakfast": 1, "2027-01-02/snacks": 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			s := mustPlan(t, "2026-11-22", src)
			d := mustPlan(t, "2027-01-01", dst)
			if err := CopyWeek(s, d, tt.replace, t1); err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(layout(d), tt.want) || !maps.Equal(layout(s), src) || !d.UpdatedAt.Equal(t1) {
				t.Errorf("dst = %v, want %v; src = %v", layout(d), tt.want, layout(s))
			}
			checkAddedAt(t, d, dst)
		})
	}
	empty := NewPlan("e", "u1", mustDate(t, "2026-11-22"), t0)
	wantValidation(t, CopyWeek(empty, NewPlan("d", "u1", mustDate(t, "2026-12-06"), t0), true, t1),
		"the selected week has no meals")
	same := mustPlan(t, "2026-11-22", src)
	if err := CopyWeek(same, same, true, t1); err != nil || !maps.Equal(layout(same), src) || !same.UpdatedAt.Equal(t0) {
		t.Errorf("copy onto itself: %v, %v", err, layout(same))
	}
}
