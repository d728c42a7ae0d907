package planning

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in string
		ok bool
	}{
		{"2026-11-25", true},
		{"2000-01-01", true},
		{"2100-12-31", true},
		{"2024-02-29", true},
		{"2000-02-29", true},
		{"2100-02-29", false}, // not a leap year: divisible by 100, not by 400
		{"2026-02-29", false},
		{"2026-04-31", false},
		{"2026-13-01", false},
		{"2026-00-10", false},
		{"2026-01-00", false},
		{"1999-12-31", false},
		{"2101-01-01", false},
		{"2026-1-05", false},
		{"2026/01/05", false},
		{"26-01-05", false},
		{" 2026-01-05", false},
		{"2026-01-05T00:00:00Z", false},
		{"+026-01-05", false},
		{"", false},
		{"abcd-ef-gh", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			d, err := ParseDate(tt.in)
			if !tt.ok {
				wantValidation(t, err, "invalid date")
				return
			}
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got := d.String(); got != tt.in {
				t.Errorf("String() = %q, want %q", got, tt.in)
			}
		})
	}
}

func TestWeekStart(t *testing.T) {
	t.Parallel()
	tests := []struct{ day, want string }{
		{"2026-11-22", "2026-11-22"}, // Sunday
		{"2026-11-23", "2026-11-22"},
		{"2026-11-24", "2026-11-22"},
		{"2026-11-25", "2026-11-22"},
		{"2026-11-26", "2026-11-22"},
		{"2026-11-27", "2026-11-22"},
		{"2026-11-28", "2026-11-22"}, // Saturday
		{"2027-01-01", "2026-12-27"}, // across a year
		{"2026-03-03", "2026-03-01"},
		{"2026-03-01", "2026-03-01"},
		{"2026-10-02", "2026-09-27"}, // across a month
		{"2024-03-02", "2024-02-25"}, // across a leap February
		{"2000-01-01", "1999-12-26"}, // before the parseable range is still a date
	}
	for _, tt := range tests {
		t.Run(tt.day, func(t *testing.T) {
			t.Parallel()
			got := mustDate(t, tt.day).WeekStart()
			if got.String() != tt.want {
				t.Errorf("WeekStart(%s) = %s, want %s", tt.day, got, tt.want)
			}
			if got.Weekday() != time.Sunday {
				t.Errorf("WeekStart(%s) is a %s", tt.day, got.Weekday())
			}
		})
	}
}

func TestDateArithmetic(t *testing.T) {
	t.Parallel()
	d := mustDate(t, "2026-12-30")
	tests := []struct {
		name string
		got  string
		want string
	}{
		{"add across year", d.AddDays(3).String(), "2027-01-02"},
		{"subtract", d.AddDays(-30).String(), "2026-11-30"},
		{"weekday", d.Weekday().String(), "Wednesday"},
		{"epoch weekday", Date{}.Weekday().String(), "Thursday"},
		{"before epoch", Date{}.AddDays(-1).String(), "1969-12-31"},
		{"before epoch weekday", Date{}.AddDays(-1).Weekday().String(), "Wednesday"},
		{"time", d.Time().Format(time.RFC3339), "2026-12-30T00:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if tt.got != tt.want {
				t.Errorf("got %s, want %s", tt.got, tt.want)
			}
		})
	}
	e := d.AddDays(1)
	if !d.Before(e) || d.After(e) || !e.After(d) || d.Equal(e) || !d.Equal(e.AddDays(-1)) {
		t.Error("comparisons disagree")
	}
	if e.Sub(d) != 1 || d.Sub(e) != -1 || d.Compare(e) != -1 || e.Compare(d) != 1 || d.Compare(d) != 0 {
		t.Error("Sub/Compare disagree")
	}
}

func TestDateOf(t *testing.T) {
	t.Parallel()
	tokyo := time.FixedZone("JST", 9*3600)
	ny := time.FixedZone("EST", -5*3600)
	instant := time.Date(2026, 12, 31, 20, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		loc  *time.Location
		want string
	}{
		{"utc", time.UTC, "2026-12-31"},
		{"nil is utc", nil, "2026-12-31"},
		{"east of utc is next day", tokyo, "2027-01-01"},
		{"west of utc", ny, "2026-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := DateOf(instant, tt.loc).String(); got != tt.want {
				t.Errorf("DateOf = %s, want %s", got, tt.want)
			}
		})
	}
}
