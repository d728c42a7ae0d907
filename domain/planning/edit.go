package planning

import (
	"maps"
	"slices"
	"time"

	"github.com/mealplanner/backend/domain"
)

// Replace sets the plan's days and notes to the given ones (PUT semantics):
// slots not in days are removed. Every date must lie in the week and every
// slot be valid, else nothing changes and the error's details name each
// problem (days.<date>, days.<date>.<meal>, days.<date>.<meal>.servings, notes).
func (p *Plan) Replace(days Days, notes string, now time.Time) error {
	if err := p.checkDays(days, notes); err != nil {
		return err
	}
	p.Days = Days{}
	p.apply(days, now)
	p.Notes = notes
	p.UpdatedAt = now
	return nil
}

// Merge writes the given slots over the plan's (PATCH semantics): slots not in
// days stay, and notes change only when given. Validation is as for Replace.
func (p *Plan) Merge(days Days, notes *string, now time.Time) error {
	n := p.Notes
	if notes != nil {
		n = *notes
	}
	if err := p.checkDays(days, n); err != nil {
		return err
	}
	p.apply(days, now)
	p.Notes = n
	p.UpdatedAt = now
	return nil
}

// apply stores every slot of days; the caller has validated them.
func (p *Plan) apply(days Days, now time.Time) {
	for d, day := range days {
		for m, s := range day {
			p.put(d, m, s, now)
		}
	}
}

// checkDays validates days and notes for this plan, collecting every problem.
func (p *Plan) checkDays(days Days, notes string) error {
	var fe domain.FieldErrors
	for _, d := range sortedDates(days) {
		key := "days." + d.String()
		if !p.Contains(d) {
			fe.Add(key, msgOutsideWeek)
			continue
		}
		for _, m := range slices.Sorted(maps.Keys(days[d])) {
			s := days[d][m]
			if !m.Valid() {
				fe.Add(key+"."+string(m), unknownMealMessage)
				continue
			}
			s.check(&fe, key+"."+string(m)+".")
		}
	}
	if err := ValidateNotes(notes); err != nil {
		fe.Add("notes", messageOf(err))
	}
	return fe.Err()
}

// ParseDays turns the wire form of days (date strings to meal-type strings to
// slots) into Days, reporting every bad date or meal type in the details
// (days.<key>, days.<date>.<meal>). Slots are checked later, by Replace or Merge.
func ParseDays(raw map[string]map[string]Slot) (Days, error) {
	var fe domain.FieldErrors
	out := make(Days, len(raw))
	for _, ds := range slices.Sorted(maps.Keys(raw)) {
		d, err := ParseDate(ds)
		if err != nil {
			fe.Add("days."+ds, "invalid date: must be YYYY-MM-DD")
			continue
		}
		for _, ms := range slices.Sorted(maps.Keys(raw[ds])) {
			s := raw[ds][ms]
			m, err := ParseMealType(ms)
			if err != nil {
				fe.Add("days."+ds+"."+ms, unknownMealMessage)
				continue
			}
			if out[d] == nil {
				out[d] = map[MealType]Slot{}
			}
			out[d][m] = s
		}
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// DayEntry is one day of a plan with its meals in display order, for encoders.
type DayEntry struct {
	Date  Date
	Meals []MealEntry
}

// MealEntry is one planned slot with its meal type.
type MealEntry struct {
	Type MealType
	Slot Slot
}

// DaysInOrder returns the days that have meals, earliest first, each with its
// meals in the order breakfast, lunch, dinner, snacks.
func (p *Plan) DaysInOrder() []DayEntry {
	out := make([]DayEntry, 0, len(p.Days))
	for _, d := range sortedDates(p.Days) {
		day := p.Days[d]
		if len(day) == 0 {
			continue
		}
		e := DayEntry{Date: d, Meals: make([]MealEntry, 0, len(day))}
		for _, m := range mealTypes {
			if s, ok := day[m]; ok {
				e.Meals = append(e.Meals, MealEntry{Type: m, Slot: s})
			}
		}
		out = append(out, e)
	}
	return out
}

func sortedDates(days Days) []Date {
	out := make([]Date, 0, len(days))
	for d := range days {
		out = append(out, d)
	}
	slices.SortFunc(out, Date.Compare)
	return out
}
