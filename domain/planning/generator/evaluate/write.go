package evaluate

import (
	"fmt"
	"io"
	"math"
	"slices"
	"text/tabwriter"
	"time"

	"github.com/mealplanner/backend/domain/planning"
)

// Summary aggregates the rows of one catalogue.
type Summary struct {
	Catalogue string
	Profiles  int
	Errors    int // profiles the generator refused
	// Violations is the total over all profiles; it must be 0.
	Violations int
	// Days and DaysOff count planned days and those beyond DayTolerance.
	Days    int
	DaysOff int
	// WeeksOff and MacrosOff count profiles beyond WeekTolerance and
	// MacroTolerance.
	WeeksOff  int
	MacrosOff int
	Repeats   int
	Gaps      int
	// MeanDaily is the mean of the profiles' mean daily deviations,
	// WorstDaily the worst day of any profile, both in percent.
	MeanDaily  float64
	WorstDaily float64
	MedianTook time.Duration
	MaxTook    time.Duration
}

// Summaries returns one summary per catalogue, in the rows' order.
func (r Result) Summaries() []Summary {
	var out []Summary
	var took []time.Duration
	for i, row := range r.Rows {
		if i == 0 || row.Catalogue != r.Rows[i-1].Catalogue {
			if len(out) > 0 {
				out[len(out)-1].finish(took)
			}
			out, took = append(out, Summary{Catalogue: row.Catalogue}), nil
		}
		out[len(out)-1].add(row)
		took = append(took, row.Took)
	}
	if len(out) > 0 {
		out[len(out)-1].finish(took)
	}
	return out
}

func (s *Summary) add(row Row) {
	s.Profiles++
	if row.Err != "" {
		s.Errors++
		return
	}
	s.Violations += row.Violations
	s.Days += planning.DaysPerWeek
	s.DaysOff += row.DaysOff
	if math.Abs(row.WeekEnergy) > WeekTolerance {
		s.WeeksOff++
	}
	if row.Macro > MacroTolerance {
		s.MacrosOff++
	}
	s.Repeats += row.Repeats
	s.Gaps += row.Gaps
	s.MeanDaily += row.MeanDaily
	s.WorstDaily = math.Max(s.WorstDaily, row.WorstDaily)
}

func (s *Summary) finish(took []time.Duration) {
	if planned := s.Profiles - s.Errors; planned > 0 {
		s.MeanDaily /= float64(planned)
	}
	slices.Sort(took)
	s.MedianTook, s.MaxTook = took[len(took)/2], took[len(took)-1]
}

// Write prints one line per row and a summary line per catalogue; it
// returns the first write error.
func (r Result) Write(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "catalogue\tprofile\tviolations\tmean day %\tworst day %\tweek %\tmacro pts\tdays off\trepeats\tgaps\tms\t")
	for _, row := range r.Rows {
		if row.Err != "" {
			fmt.Fprintf(tw, "%s\t%s\terror: %s\t\t\t\t\t\t\t\t%s\t\n", row.Catalogue, row.Profile, row.Err, ms(row.Took))
			continue
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%.1f\t%.1f\t%+.1f\t%.1f\t%d\t%d\t%d\t%s\t\n", row.Catalogue, row.Profile,
			row.Violations, row.MeanDaily, row.WorstDaily, row.WeekEnergy, row.Macro, row.DaysOff, row.Repeats,
			row.Gaps, ms(row.Took))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, s := range r.Summaries() {
		_, err := fmt.Fprintf(w, "%s: %d profiles (%d refused), %d violations; days within ±%.0f %%: %d/%d; "+
			"weeks within ±%.0f %%: %d/%d; macros within ±%.0f points: %d/%d; mean daily deviation %.1f %%, "+
			"worst %.1f %%; repeats %d; empty slots %d; time median %s ms, max %s ms\n",
			s.Catalogue, s.Profiles, s.Errors, s.Violations, DayTolerance, s.Days-s.DaysOff, s.Days,
			WeekTolerance, s.Profiles-s.Errors-s.WeeksOff, s.Profiles-s.Errors, MacroTolerance,
			s.Profiles-s.Errors-s.MacrosOff, s.Profiles-s.Errors, s.MeanDaily, s.WorstDaily, s.Repeats, s.Gaps,
			ms(s.MedianTook), ms(s.MaxTook))
		if err != nil {
			return err
		}
	}
	return nil
}

// ms writes a duration in milliseconds with one decimal.
func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f", float64(d)/float64(time.Millisecond))
}
