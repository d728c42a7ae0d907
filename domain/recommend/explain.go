package recommend

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/recipe"
)

// Factor names, stable for clients.
const (
	FactorTaste       = "taste"
	FactorPeople      = "similarCooks"
	FactorPopularity  = "popularity"
	FactorPreferences = "preferences"
	FactorMealFit     = "mealFit"
	FactorNovelty     = "novelty"
)

var factorNames = [numSignals]string{FactorTaste, FactorPeople, FactorPopularity, FactorPreferences,
	FactorMealFit, FactorNovelty}

// Reasons that do not depend on the person.
const (
	reasonPopular = "Popular with other cooks"
	reasonUnknown = "Something new to try"
)

// explain turns a picked candidate into a suggestion: its points by
// factor, most first, and one sentence for the strongest personal reason.
func (s *scorer) explain(c candidate) Suggestion {
	e := &s.ix.entries[c.at]
	points := allocate(s.weights, s.values(int(c.k)), c.total)
	order := []int{sigTaste, sigPeople, sigPopularity, sigPreferences, sigMealFit, sigNovelty}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(points[b], points[a]) })
	out := Suggestion{RecipeID: e.r.ID, Reason: s.reason(e, points)}
	for _, sig := range order {
		if points[sig] > 0 {
			out.Score += points[sig]
			out.Factors = append(out.Factors, Factor{Name: factorNames[sig], Points: points[sig],
				Description: s.describe(sig, e)})
		}
	}
	return out
}

func (s *scorer) describe(sig int, e *entry) string {
	switch sig {
	case sigTaste:
		return s.tasteText(e)
	case sigPeople:
		if id, ok := s.strongestPeer(e.r.ID); ok {
			return "People who chose " + s.name(id) + " also chose this"
		}
		return "Chosen by people who cook what you cook"
	case sigPopularity:
		return s.ix.popularityText(e.r)
	case sigPreferences:
		return s.preferencesText(e)
	case sigMealFit:
		return s.mealText()
	}
	return s.noveltyText(e.r.ID)
}

// nearest is the liked recipe of the history most like r by content.
func (s *scorer) nearest(r *recipe.Recipe) (int64, bool) {
	best, bestV := int64(0), 0.0
	for _, id := range s.h.ids {
		if w := s.h.weight[id]; w > 0 && id != r.ID {
			if v := w * s.ix.Similarity(id, r.ID); v > bestV {
				best, bestV = id, v
			}
		}
	}
	return best, bestV > 0
}

// strongestPeer is the liked recipe of the history people pair most with id.
func (s *scorer) strongestPeer(id int64) (int64, bool) {
	best, bestV := int64(0), 0.0
	for _, h := range s.h.ids {
		if w := s.h.weight[h]; w > 0 {
			if v := w * s.co.similarity(h, id); v > bestV {
				best, bestV = h, v
			}
		}
	}
	return best, bestV > 0 && s.known(best)
}

func (s *scorer) known(id int64) bool {
	_, ok := s.ix.Recipe(id)
	return ok
}

func (s *scorer) name(id int64) string {
	if r, ok := s.ix.Recipe(id); ok {
		return r.Name
	}
	return "a recipe"
}

func (s *scorer) tasteText(e *entry) string {
	if own := s.own(e.r.ID); own != "" {
		return own
	}
	id, ok := s.nearest(e.r)
	if !ok {
		return "Matches the foods, cuisines and styles you choose most"
	}
	return "Shares ingredients and style with " + s.name(id) + ", " + s.relation(id)
}

// relation says how the person came to like a recipe of their history.
func (s *scorer) relation(id int64) string {
	switch stars := s.p.Ratings[id]; {
	case s.h.favorite[id]:
		return "one of your favourites"
	case stars >= 4:
		return fmt.Sprintf("which you rated %d stars", stars)
	}
	return "which you have planned"
}

func (ix *Index) popularityText(r *recipe.Recipe) string {
	if r.Rating > 0 && r.ReviewCount > 0 {
		return fmt.Sprintf("Rated %.1f from %d reviews", r.Rating, r.ReviewCount)
	}
	return reasonPopular
}

func (s *scorer) preferencesText(e *entry) string {
	var parts []string
	if fav, ok := s.prefs.favoured(e.r); ok {
		parts = append(parts, cuisinePhrase(e.r.Cuisine, fav))
	}
	if s.prefs.maxPrep > 0 && e.r.PrepTime <= s.prefs.maxPrep {
		parts = append(parts, fmt.Sprintf("%d minutes of prep, within your %d", e.r.PrepTime, s.prefs.maxPrep))
	}
	if s.prefs.level != "" && s.prefs.skill[e.level] == 1 {
		parts = append(parts, fmt.Sprintf("%s to make at your %s level", e.r.Difficulty, s.prefs.level))
	}
	if len(parts) == 0 {
		return "Close to your cooking preferences"
	}
	text := strings.Join(parts, "; ")
	return strings.ToUpper(text[:1]) + text[1:]
}

func cuisinePhrase(cuisine, favourite string) string {
	if strings.EqualFold(cuisine, favourite) {
		return cuisine + ", one of your favourite cuisines"
	}
	return cuisine + ", part of the " + favourite + " food you like"
}

func (s *scorer) mealText() string {
	if s.hourly {
		return "Suits the time of day (" + string(s.meal) + ")"
	}
	return "A good fit for " + string(s.meal)
}

func (s *scorer) noveltyText(id int64) string {
	if last, ok := s.h.lastPlanned[id]; ok {
		return fmt.Sprintf("Last planned %d days ago", s.today.Sub(last))
	}
	if s.h.favorite[id] {
		return "A favourite you have not planned yet"
	}
	if _, ok := s.h.weight[id]; ok {
		return "Rated before but never planned"
	}
	return "Something you have not planned before"
}
