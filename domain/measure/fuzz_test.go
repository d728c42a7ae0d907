package measure_test

import (
	"math"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

// oddInputs are seeds that stress the lexer: unclosed and nested brackets,
// huge numbers, stray separators, long texts and invalid UTF-8.
var oddInputs = []string{
	"(", ")", "((400g)", "1 (2 (3 g) ) cups", "[", "1 can (400g", "1/", "/2", "1 /", "- -", "1--2", "1 to",
	"1 x", "2 x x 3 g", "1e400 g", strings.Repeat("9", 400) + " g", "9999999999999999999 dozen dozen",
	"0.0000000000000000000000001/0.0000000000000000000000001", "1/0.000000000000000000000000000000001 g",
	",", ";;", "1,", ",1", "1,000,000,000 g", "1,0000 g", "½½½", "1 ½ ¾", "\xff\xfe", "1 \xffg",
	"\u00a0200\u00a0g", "1\tcup", strings.Repeat("1 cup ", 200), strings.Repeat("(", 1000),
	"a a a a", "and a half", "1 and", "1 plus", "1 cup plus plus 2 tbsp", "x 400g", "fl", "1 fl", "extra",
	"1 extra", "T", "t", "1 T T", "– 3", "1–", "2 or", "of", "1 of of of",
}

func FuzzParse(f *testing.F) {
	for _, tc := range allParseCases() {
		f.Add(tc.in)
	}
	for _, s := range oddInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text, measure.Parse(text))
	})
}

// TestParseInvariants runs the fuzz invariants over the seeds, so that a
// plain test run covers them too.
func TestParseInvariants(t *testing.T) {
	t.Parallel()
	for _, tc := range allParseCases() {
		checkInvariants(t, tc.in, measure.Parse(tc.in))
	}
	for _, s := range oddInputs {
		checkInvariants(t, s, measure.Parse(s))
	}
}

func checkInvariants(t *testing.T, text string, a measure.Amount) {
	t.Helper()
	if !validQuantity(a.Quantity) {
		t.Fatalf("Parse(%q).Quantity = %v, want finite and ≥ 0", text, a.Quantity)
	}
	if unmeasurable := (measure.Amount{Note: a.Note}); !a.HasQuantity && a != unmeasurable {
		t.Fatalf("Parse(%q) has no quantity but %+v", text, a)
	}
	if a.HasQuantity && a.Unit.Dimension == measure.Unmeasured {
		t.Fatalf("Parse(%q) has a quantity in an unmeasured unit: %+v", text, a)
	}
	if a.Note != strings.TrimSpace(a.Note) {
		t.Fatalf("Parse(%q).Note = %q, not trimmed", text, a.Note)
	}
	if a.Alt != nil {
		checkAlt(t, text, *a.Alt)
	}
}

func checkAlt(t *testing.T, text string, alt measure.Amount) {
	t.Helper()
	if !alt.HasQuantity || !validQuantity(alt.Quantity) {
		t.Fatalf("Parse(%q).Alt = %+v, want a finite quantity ≥ 0", text, alt)
	}
	if d := alt.Unit.Dimension; d != measure.Mass && d != measure.Volume {
		t.Fatalf("Parse(%q).Alt is a %v, want a mass or volume", text, d)
	}
}

func validQuantity(q float64) bool { return !math.IsNaN(q) && !math.IsInf(q, 0) && q >= 0 }
