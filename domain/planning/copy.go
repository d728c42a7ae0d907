package planning

import (
	"fmt"
	"time"

	"github.com/mealplanner/backend/domain"
)

// MaxCopyTargets bounds the target dates of one CopyDay.
const MaxCopyTargets = 14

// CopyDay copies the meals of src's day from onto each target date, resetting
// AddedAt to now. With replace, each target day becomes a copy of the source
// day; without, only the target's empty slots are filled. A target equal to
// from, or repeated, is ignored. Targets outside src's week go to the plan that
// planFor returns for their week start (an existing or a new plan; planFor is
// called once per week). It returns each plan that changed, once, src first.
// Errors, before anything changes: no targets ("targetDates is required"),
// more than MaxCopyTargets, from outside src's week, an empty source day
// ("the selected day has no meals").
func CopyDay(src *Plan, from Date, targets []Date, replace bool, planFor func(weekStart Date) *Plan, now time.Time) ([]*Plan, error) {
	if err := checkCopyDay(src, from, targets); err != nil {
		return nil, err
	}
	source := cloneDay(src.Days[from])
	plans, order, err := targetPlans(src, from, targets, planFor)
	if err != nil {
		return nil, err
	}
	changed := map[*Plan]bool{}
	for _, t := range dedupe(from, targets) {
		p := plans[t.WeekStart()]
		if copySlots(p, t, source, replace, now) {
			changed[p] = true
		}
	}
	var out []*Plan
	for _, p := range order {
		if changed[p] {
			p.UpdatedAt = now
			out = append(out, p)
		}
	}
	return out, nil
}

func checkCopyDay(src *Plan, from Date, targets []Date) error {
	switch {
	case len(targets) == 0:
		return domain.Invalid("targetDates is required", map[string]string{"targetDates": "targetDates is required"})
	case len(targets) > MaxCopyTargets:
		msg := fmt.Sprintf("at most %d target dates", MaxCopyTargets)
		return domain.Invalid(msg, map[string]string{"targetDates": msg})
	case !src.Contains(from):
		return domain.Invalid(msgOutsideWeek, map[string]string{"sourceDate": msgOutsideWeek})
	case len(src.Days[from]) == 0:
		msg := "the selected day has no meals"
		return domain.Invalid(msg, map[string]string{"sourceDate": msg})
	}
	return nil
}

// targetPlans maps the week start of every target to its plan, asking planFor
// once for each week other than src's, and lists the plans src first.
func targetPlans(src *Plan, from Date, targets []Date, planFor func(Date) *Plan) (map[Date]*Plan, []*Plan, error) {
	plans := map[Date]*Plan{src.WeekStart: src}
	order := []*Plan{src}
	for _, t := range dedupe(from, targets) {
		ws := t.WeekStart()
		if plans[ws] != nil {
			continue
		}
		if planFor == nil {
			return nil, nil, fmt.Errorf("planning: no plan for the week of %s", ws)
		}
		p := planFor(ws)
		if p == nil || !p.WeekStart.Equal(ws) {
			return nil, nil, fmt.Errorf("planning: planFor(%s) gave no plan of that week", ws)
		}
		plans[ws] = p
		order = append(order, p)
	}
	return plans, order, nil
}

// dedupe drops from and repeated dates, keeping the first occurrence's order.
func dedupe(from Date, targets []Date) []Date {
	seen := map[Date]bool{from: true}
	out := make([]Date, 0, len(targets))
	for _, t := range targets {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	return out
}

// copySlots writes source onto p's day d and reports whether p changed. With
// replace the whole day is replaced; without, only empty slots are filled.
func copySlots(p *Plan, d Date, source map[MealType]Slot, replace bool, now time.Time) bool {
	changed := false
	if replace {
		for _, m := range mealTypes {
			if _, keep := source[m]; !keep {
				changed = p.drop(d, m) || changed
			}
		}
	}
	for _, m := range mealTypes {
		s, ok := source[m]
		if !ok {
			continue
		}
		if _, taken := p.Get(d, m); taken && !replace {
			continue
		}
		s.AddedAt = now
		p.put(d, m, s, now)
		changed = true
	}
	return changed
}

// CopyWeek copies src's meals onto dst day by day (Sunday to Sunday, and so
// on), resetting AddedAt to now. With replace, dst's days become copies of
// src's (a day empty in src is emptied in dst); without, only dst's empty
// slots are filled. Notes are not copied. Copying a week onto itself changes
// nothing. An empty source week is an error ("the selected week has no meals").
func CopyWeek(src, dst *Plan, replace bool, now time.Time) error {
	if src.IsEmpty() {
		msg := "the selected week has no meals"
		return domain.Invalid(msg, map[string]string{"sourceWeek": msg})
	}
	if src == dst || src.WeekStart.Equal(dst.WeekStart) {
		return nil
	}
	offset := dst.WeekStart.Sub(src.WeekStart)
	changed := false
	for _, d := range src.Dates() {
		source := cloneDay(src.Days[d])
		changed = copySlots(dst, d.AddDays(offset), source, replace, now) || changed
	}
	if changed {
		dst.UpdatedAt = now
	}
	return nil
}

func cloneDay(day map[MealType]Slot) map[MealType]Slot {
	out := make(map[MealType]Slot, len(day))
	for m, s := range day {
		out[m] = s
	}
	return out
}
