package food

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func mustLoad(tb testing.TB) *Table {
	tb.Helper()
	t, err := Load()
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return t
}

// citrus are USDA's specific Atwater factors (protein, carbohydrate, fat) for
// lemons and limes, whose carbohydrate by difference is largely citric acid.
var citrus = [3]float64{3.36, 2.48, 8.37}

// specificFactors lists foods whose SR energy is computed with specific
// factors the general check does not model; they are checked against those.
var specificFactors = map[string][3]float64{
	"lemon": citrus, "lemon juice": citrus, "lime": citrus, "lime juice": citrus,
	"cocoa powder": {1.83, 1.33, 8.37},
}

// looseEnergy lists foods whose SR energy sits well below any 4-4-9 estimate
// for a known reason; they are only held to 45–115 % of it.
var looseEnergy = map[string]string{
	"cayenne pepper": "capsicum spice: SR energy uses spice-specific factors",
	"chilli flakes":  "capsicum spice (cayenne values)",
	"clove":          "fibre- and tannin-rich spice: SR energy uses spice-specific factors",
	"allspice":       "fibre-rich spice: SR energy uses spice-specific factors",
	"baking powder":  "carbohydrate by difference includes mineral salts that yield no energy",
}

// aceticAcidKcal is the energy of the ~5 % acetic acid in vinegar (3.6 kcal/g),
// which none of the seven nutrients carries.
const aceticAcidKcal = 18

// energyProblem explains why a food's energy disagrees with its macronutrients,
// or returns "". Foods under ~50 kcal get an absolute tolerance of 8 kcal,
// since rounding and specific factors dominate there (water, salt, spices in
// tiny amounts, leafy vegetables).
func energyProblem(f *Food) string {
	n, e := f.Per100g, f.Per100g.Calories
	near := func(x float64) bool { return math.Abs(e-x) <= max(0.15*x, 8) }
	if k, ok := specificFactors[f.Key]; ok {
		x := k[0]*n.Protein + k[1]*n.Carbohydrate + k[2]*n.Fat
		if near(x) {
			return ""
		}
		return fmt.Sprintf("energy %.0f, specific factors give %.1f", e, x)
	}
	general := 4*n.Protein + 4*n.Carbohydrate + 9*n.Fat + 7*f.Alcohol
	if strings.Contains(f.Key, "vinegar") {
		general += aceticAcidKcal
	}
	fibreAdjusted := general - 2*n.Fiber
	if _, ok := looseEnergy[f.Key]; ok && e >= 0.45*fibreAdjusted && e <= 1.15*general {
		return ""
	}
	if near(general) || near(fibreAdjusted) {
		return ""
	}
	return fmt.Sprintf("energy %.0f, 4-4-9(+7 alcohol) gives %.1f, fibre-adjusted %.1f", e, general, fibreAdjusted)
}

// rowProblems lists everything implausible about one food.
func rowProblems(f *Food) []string {
	n := f.Per100g
	var p []string
	add := func(bad bool, format string, args ...any) {
		if bad {
			p = append(p, fmt.Sprintf(format, args...))
		}
	}
	if msg := energyProblem(f); msg != "" {
		p = append(p, msg)
	}
	for name, v := range map[string]float64{"kcal": n.Calories, "protein": n.Protein, "carbohydrate": n.Carbohydrate,
		"fat": n.Fat, "fiber": n.Fiber, "sugars": n.Sugars, "sodium": n.Sodium, "alcohol": f.Alcohol} {
		add(v < 0, "%s is negative (%g)", name, v)
	}
	add(n.Sugars > n.Carbohydrate, "sugars %g > carbohydrate %g", n.Sugars, n.Carbohydrate)
	add(n.Fiber > n.Carbohydrate, "fiber %g > carbohydrate %g", n.Fiber, n.Carbohydrate)
	add(n.Protein+n.Fat+n.Carbohydrate+f.Alcohol > 100, "protein+fat+carbohydrate+alcohol > 100 g")
	add(n.Sodium > 40000, "sodium %g mg > 40 000", n.Sodium)
	// Loose leafy herbs are the lightest thing measured by volume: USDA's
	// household measures give about 0.04 g/ml for dill sprigs.
	add(f.Density != 0 && (f.Density <= 0.02 || f.Density >= 2.5), "density %g outside (0.02, 2.5)", f.Density)
	add(f.UnitName != "" && f.UnitGrams <= 0, "unit_name %q without unit weight", f.UnitName)
	add(f.FDCID != 0, "FDC id %d present: ids must be verified, not recalled", f.FDCID)
	add(f.Source == "", "no source")
	add(f.Alcohol > 0 != f.Has(Alcohol), "alcohol_g %g disagrees with the alcohol flag", f.Alcohol)
	add(f.Key != strings.TrimSpace(strings.ToLower(f.Key)), "key is not lower-case and trimmed")
	return p
}

func TestEmbeddedTableIsPlausible(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	if table.Len() < 300 {
		t.Errorf("table has %d foods, want at least 300", table.Len())
	}
	perSection := map[string]int{}
	for f := range table.All() {
		perSection[f.Section]++
		for _, p := range rowProblems(f) {
			t.Errorf("%s: %s", f.Key, p)
		}
	}
	for _, s := range Sections() {
		if perSection[s] == 0 {
			t.Errorf("no food in section %q", s)
		}
	}
}

func TestEveryNameLeadsBackToItsFood(t *testing.T) {
	t.Parallel()
	table := mustLoad(t)
	for f := range table.All() {
		for _, name := range append(explicitNames(f), f.PluralName()) {
			if got, ok := table.Lookup(name); !ok || got != f {
				t.Errorf("Lookup(%q) = %v, %v; want %q", name, keyOf(got), ok, f.Key)
			}
			if got, ok := table.Match(name); !ok || got != f {
				t.Errorf("Match(%q) = %v, %v; want %q", name, keyOf(got), ok, f.Key)
			}
		}
	}
}

func TestLoadReturnsTheSameTable(t *testing.T) {
	t.Parallel()
	if a, b := mustLoad(t), mustLoad(t); a != b {
		t.Error("Load parsed the embedded data twice")
	}
}

func keyOf(f *Food) string {
	if f == nil {
		return "<nil>"
	}
	return f.Key
}
