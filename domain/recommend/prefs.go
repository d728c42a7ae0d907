package recommend

import (
	"strings"

	"github.com/mealplanner/backend/domain/recipe"
	"github.com/mealplanner/backend/domain/user"
)

// regions let a favourite cuisine name a family of cuisines: someone who
// likes "Asian" food likes the catalogue's Thai and Korean recipes.
var regions = map[string][]string{
	"asian": {"chinese", "japanese", "korean", "thai", "vietnamese", "indian", "pakistani", "indonesian",
		"malaysian", "filipino", "sri lankan", "nepalese"},
	"east asian":      {"chinese", "japanese", "korean"},
	"southeast asian": {"thai", "vietnamese", "indonesian", "malaysian", "filipino"},
	"south asian":     {"indian", "pakistani", "sri lankan", "nepalese", "bangladeshi"},
	"european": {"british", "irish", "french", "italian", "spanish", "portuguese", "greek", "german", "dutch",
		"polish", "russian", "ukrainian", "hungarian", "swiss", "swedish", "croatian", "cypriot"},
	"mediterranean": {"italian", "greek", "spanish", "turkish", "lebanese", "moroccan", "tunisian", "cypriot",
		"israeli", "croatian"},
	"middle eastern": {"lebanese", "turkish", "iranian", "israeli", "egyptian", "syrian"},
	"latin american": {"mexican", "peruvian", "brazilian", "argentinian", "cuban", "costa rican", "colombian"},
	"african":        {"moroccan", "tunisian", "egyptian", "nigerian", "kenyan", "ethiopian", "south african"},
	"caribbean":      {"jamaican", "cuban"},
}

// cuisineNames maps each cuisine the person favours, lower-case, to the
// favourite as they wrote it ("thai" → "Asian"), for the reason.
func cuisineNames(favorites []string) map[string]string {
	out := map[string]string{}
	for _, f := range favorites {
		f = strings.TrimSpace(f)
		k := strings.ToLower(f)
		if k == "" {
			continue
		}
		out[k] = f // named outright, it wins over a region that contains it
		for _, c := range regions[k] {
			if _, ok := out[c]; !ok {
				out[c] = f
			}
		}
	}
	return out
}

// Shares of the preference signal: the favourite cuisine matters most;
// time and skill keep a beginner from a three-hour project.
const (
	shareCuisine = 0.5
	sharePrep    = 0.25
	shareSkill   = 0.25
)

// skillFit is how comfortable a cook of the level is with the difficulty.
var skillFit = map[string]map[recipe.Difficulty]float64{
	"beginner":     {recipe.Easy: 1, recipe.Medium: 0.5, recipe.Hard: 0},
	"intermediate": {recipe.Easy: 1, recipe.Medium: 1, recipe.Hard: 0.5},
	"advanced":     {recipe.Easy: 1, recipe.Medium: 1, recipe.Hard: 1},
}

// prefs is the stated preferences, prepared for scoring every candidate.
type prefs struct {
	cuisines map[string]string
	byID     []bool                         // favoured, by Index cuisine id
	maxPrep  int                            // minutes, 0 = no limit
	skill    [len(difficulties) + 1]float64 // fit by entry.level
	level    string                         // the skill level, lower-case; "" when unknown
}

func (ix *Index) newPrefs(p user.Preferences) prefs {
	level := strings.ToLower(strings.TrimSpace(p.SkillLevel))
	out := prefs{cuisines: cuisineNames(p.FavoriteCuisines), byID: make([]bool, len(ix.cuisines))}
	if fits, ok := skillFit[level]; ok {
		out.level = level
		for i, d := range difficulties {
			out.skill[i] = fits[d]
		}
	}
	for i, c := range ix.cuisines {
		_, out.byID[i] = out.cuisines[c]
	}
	if p.MaxPrepTime != nil && *p.MaxPrepTime > 0 {
		out.maxPrep = *p.MaxPrepTime
	}
	return out
}

// stated reports whether there is any preference to score against.
func (p prefs) stated() bool { return len(p.cuisines) > 0 || p.maxPrep > 0 || p.level != "" }

// fit is the weighted mean, 0–1, of the stated preferences' fits.
func (p prefs) fit(e *entry) float64 {
	sum, weight := 0.0, 0.0
	if len(p.cuisines) > 0 {
		weight += shareCuisine
		if e.cuisine >= 0 && p.byID[e.cuisine] {
			sum += shareCuisine
		}
	}
	if p.maxPrep > 0 {
		weight += sharePrep
		sum += sharePrep * prepFit(p.maxPrep, e.prep)
	}
	if p.level != "" {
		weight += shareSkill
		sum += shareSkill * p.skill[e.level]
	}
	if weight == 0 {
		return 0
	}
	return sum / weight
}

// prepFit is 1 within the limit, falling to 0 at twice the limit.
func prepFit(limit, minutes int) float64 {
	if minutes <= limit {
		return 1
	}
	return max(0, 1-float64(minutes-limit)/float64(limit))
}

// favoured returns the favourite cuisine the recipe matches, as the person wrote it.
func (p prefs) favoured(r *recipe.Recipe) (string, bool) {
	name, ok := p.cuisines[strings.ToLower(strings.TrimSpace(r.Cuisine))]
	return name, ok && r.Cuisine != ""
}
