package planning

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
)

// DaysPerWeek is the length of a plan.
const DaysPerWeek = 7

// MaxNotesLength bounds a plan's free-text notes, in characters.
const MaxNotesLength = 2000

// Days holds a plan's slots by date and meal type. A plan never keeps an
// empty inner map: a day without meals is absent.
type Days = map[Date]map[MealType]Slot

// Plan is one user's meals for one week, which starts on Sunday.
type Plan struct {
	ID        string
	UserID    string
	WeekStart Date
	Days      Days
	Notes     string
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version counts the stored revisions of the plan; 0 means never stored.
	// Repositories refuse to save a plan whose Version is no longer the
	// stored one, so two concurrent edits cannot silently lose one.
	Version int
}

// NewPlan starts an empty plan for the week holding anyDayOfWeek.
func NewPlan(id, userID string, anyDayOfWeek Date, now time.Time) *Plan {
	return &Plan{ID: id, UserID: userID, WeekStart: anyDayOfWeek.WeekStart(), Days: Days{},
		CreatedAt: now, UpdatedAt: now}
}

// Restore rebuilds a stored plan, checking what a plan guarantees: a Sunday
// week start, dates within the week, known meal types and valid slots.
func Restore(id, userID string, weekStart Date, days Days, notes string, createdAt, updatedAt time.Time) (*Plan, error) {
	if weekStart.Weekday() != time.Sunday {
		return nil, domain.Invalid("weekStart must be a Sunday", map[string]string{"weekStart": "must be a Sunday"})
	}
	p := &Plan{ID: id, UserID: userID, WeekStart: weekStart, Days: Days{}, Notes: notes,
		CreatedAt: createdAt, UpdatedAt: updatedAt}
	if err := p.checkDays(days, notes); err != nil {
		return nil, err
	}
	p.Days = cloneDays(days)
	return p, nil
}

// WeekEnd returns the Saturday that ends the plan's week.
func (p *Plan) WeekEnd() Date { return p.WeekStart.AddDays(DaysPerWeek - 1) }

// Dates returns the seven dates of the plan's week, Sunday first.
func (p *Plan) Dates() []Date {
	out := make([]Date, DaysPerWeek)
	for i := range out {
		out[i] = p.WeekStart.AddDays(i)
	}
	return out
}

// Contains reports whether d lies within the plan's week.
func (p *Plan) Contains(d Date) bool {
	return !d.Before(p.WeekStart) && !d.After(p.WeekEnd())
}

// Get returns the slot at d and m, if one is planned.
func (p *Plan) Get(d Date, m MealType) (Slot, bool) {
	s, ok := p.Days[d][m]
	return s, ok
}

// Set plans s at d and m, overwriting what was there. A zero AddedAt becomes
// now. Errors: the date outside the week, an unknown meal type, an invalid slot.
func (p *Plan) Set(d Date, m MealType, s Slot, now time.Time) error {
	if err := p.checkPlace(d, m); err != nil {
		return err
	}
	if err := s.Validate(); err != nil {
		return err
	}
	p.put(d, m, s, now)
	p.UpdatedAt = now
	return nil
}

// Remove empties the slot at d and m; removing an empty slot is no change.
// Errors: the date outside the week or an unknown meal type.
func (p *Plan) Remove(d Date, m MealType, now time.Time) error {
	if err := p.checkPlace(d, m); err != nil {
		return err
	}
	if p.drop(d, m) {
		p.UpdatedAt = now
	}
	return nil
}

// Clear empties the given meal types on the given dates; no dates means the
// whole week and no meal types means every meal. Nothing changes when a date
// lies outside the week or a meal type is unknown.
func (p *Plan) Clear(dates []Date, meals []MealType, now time.Time) error {
	if err := p.checkClear(dates, meals); err != nil {
		return err
	}
	if len(dates) == 0 {
		dates = p.Dates()
	}
	if len(meals) == 0 {
		meals = mealTypes[:]
	}
	changed := false
	for _, d := range dates {
		for _, m := range meals {
			changed = p.drop(d, m) || changed
		}
	}
	if changed {
		p.UpdatedAt = now
	}
	return nil
}

// checkClear reports every date outside the week (dates[i]) and every
// unknown meal type (mealTypes[i]).
func (p *Plan) checkClear(dates []Date, meals []MealType) error {
	var fe domain.FieldErrors
	for i, d := range dates {
		if !p.Contains(d) {
			fe.Add(fmt.Sprintf("dates[%d]", i), msgOutsideWeek)
		}
	}
	for i, m := range meals {
		if !m.Valid() {
			fe.Add(fmt.Sprintf("mealTypes[%d]", i), unknownMealMessage)
		}
	}
	return fe.Err()
}

// MealCount returns the number of planned slots.
func (p *Plan) MealCount() int {
	n := 0
	for _, day := range p.Days {
		n += len(day)
	}
	return n
}

// IsEmpty reports whether no meal is planned.
func (p *Plan) IsEmpty() bool { return p.MealCount() == 0 }

// Clone returns a deep copy of p.
func (p *Plan) Clone() *Plan {
	c := *p
	c.Days = cloneDays(p.Days)
	return &c
}

// checkPlace validates a date and meal type for this plan.
func (p *Plan) checkPlace(d Date, m MealType) error {
	if !p.Contains(d) {
		return domain.Invalid(msgOutsideWeek, map[string]string{"date": msgOutsideWeek})
	}
	if !m.Valid() {
		return invalidMealType("mealType")
	}
	return nil
}

// msgOutsideWeek is both the headline and the detail of a date outside the
// week: the contract's client message.
const msgOutsideWeek = "date is outside the plan's week"

// put stores s without validation; a zero AddedAt becomes now.
func (p *Plan) put(d Date, m MealType, s Slot, now time.Time) {
	if s.AddedAt.IsZero() {
		s.AddedAt = now
	}
	if p.Days == nil {
		p.Days = Days{}
	}
	day := p.Days[d]
	if day == nil {
		day = map[MealType]Slot{}
		p.Days[d] = day
	}
	day[m] = s
}

// drop removes the slot at d and m and reports whether there was one.
func (p *Plan) drop(d Date, m MealType) bool {
	day, ok := p.Days[d]
	if !ok {
		return false
	}
	if _, ok := day[m]; !ok {
		return false
	}
	delete(day, m)
	if len(day) == 0 {
		delete(p.Days, d)
	}
	return true
}

// ValidateNotes accepts plan notes of at most MaxNotesLength characters.
func ValidateNotes(notes string) error {
	if utf8.RuneCountInString(notes) > MaxNotesLength {
		msg := fmt.Sprintf("notes must be at most %d characters", MaxNotesLength)
		return domain.Invalid(msg, map[string]string{"notes": msg})
	}
	return nil
}

func cloneDays(days Days) Days {
	out := make(Days, len(days))
	for d, day := range days {
		if len(day) == 0 {
			continue
		}
		c := make(map[MealType]Slot, len(day))
		for m, s := range day {
			c[m] = s
		}
		out[d] = c
	}
	return out
}
