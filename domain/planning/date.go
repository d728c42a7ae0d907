// Package planning models weekly meal plans: calendar dates, weeks that start
// on Sunday, meal slots, and the operations that edit and copy plans.
package planning

import (
	"time"

	"github.com/mealplanner/backend/domain"
)

// The range of years a client may name in a date.
const (
	MinYear = 2000
	MaxYear = 2100
)

// dateLayout is the contract's calendar date format.
const dateLayout = "2006-01-02"

// Date is a calendar date without a time zone. It counts days from
// 1970-01-01, so it is comparable and usable as a map key; the zero value is
// 1970-01-01.
type Date struct {
	days int64
}

// epochWeekday is the weekday of day zero, 1970-01-01.
const epochWeekday = time.Thursday

// NewDate returns the date y-m-d. Out-of-range parts are normalised the way
// time.Date does (January 32 is February 1).
func NewDate(y int, m time.Month, d int) Date {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Date{days: floorDiv(t.Unix(), 86400)}
}

// ParseDate reads a strict YYYY-MM-DD date of a real day in the years
// MinYear–MaxYear; anything else is a validation error "invalid date".
func ParseDate(s string) (Date, error) {
	if !dateShape(s) {
		return Date{}, invalidDate()
	}
	t, err := time.Parse(dateLayout, s)
	if err != nil || t.Year() < MinYear || t.Year() > MaxYear {
		return Date{}, invalidDate()
	}
	return NewDate(t.Date()), nil
}

// dateShape reports whether s is exactly four digits, '-', two digits, '-',
// two digits; time.Parse alone would accept some looser forms.
func dateShape(s string) bool {
	if len(s) != len(dateLayout) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func invalidDate() error {
	return domain.Invalid("invalid date", map[string]string{"date": "must be a date YYYY-MM-DD between 2000 and 2100"})
}

// DateOf returns the calendar date of t as seen in loc (UTC when loc is nil).
func DateOf(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	return NewDate(t.In(loc).Date())
}

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Unix(d.days*86400, 0).UTC() }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return d.Time().Format(dateLayout) }

// AddDays returns the date n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date { return Date{days: d.days + int64(n)} }

// Sub returns the number of days from o to d (negative when d is earlier).
func (d Date) Sub(o Date) int { return int(d.days - o.days) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return time.Weekday((int64(epochWeekday) + floorMod(d.days, 7)) % 7)
}

// WeekStart returns the Sunday on or before d: the contract's weeks start on Sunday.
func (d Date) WeekStart() Date { return d.AddDays(-int(d.Weekday())) }

// Before reports whether d is earlier than o.
func (d Date) Before(o Date) bool { return d.days < o.days }

// After reports whether d is later than o.
func (d Date) After(o Date) bool { return d.days > o.days }

// Equal reports whether d and o are the same day.
func (d Date) Equal(o Date) bool { return d.days == o.days }

// Compare returns -1, 0 or +1 as d is before, equal to or after o, for slices.SortFunc.
func (d Date) Compare(o Date) int {
	switch {
	case d.days < o.days:
		return -1
	case d.days > o.days:
		return 1
	}
	return 0
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func floorMod(a, b int64) int64 { return a - floorDiv(a, b)*b }
