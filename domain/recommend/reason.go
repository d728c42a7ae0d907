package recommend

import (
	"fmt"
	"strings"
)

// reason is one sentence for the suggestion, after the factor that earned
// most points; novelty never leads, and on a tie personal factors go first.
func (s *scorer) reason(e *entry, points [numSignals]int) string {
	switch leading(points) {
	case sigTaste:
		return s.tasteReason(e)
	case sigPeople:
		return "Popular with cooks who like what you like"
	case sigPreferences:
		return s.preferencesReason(e)
	case sigMealFit:
		return "A good fit for " + string(s.meal) + withDiet(" that suits your ", s.p.Prefs.Dietary, " diet")
	case sigPopularity:
		return reasonPopular + withDiet(" that suits your ", s.p.Prefs.Dietary, " diet")
	}
	return reasonUnknown + withDiet(" that suits your ", s.p.Prefs.Dietary, " diet")
}

// leading is the signal the reason is about, -1 when none earned points.
func leading(points [numSignals]int) int {
	best := -1
	for _, sig := range []int{sigTaste, sigPeople, sigPreferences, sigMealFit, sigPopularity} {
		if points[sig] > 0 && (best < 0 || points[sig] > points[best]) {
			best = sig
		}
	}
	return best
}

func (s *scorer) tasteReason(e *entry) string {
	if own := s.own(e.r.ID); own != "" {
		return own
	}
	id, ok := s.nearest(e.r)
	switch {
	case !ok:
		return "Similar to recipes you like"
	case s.h.favorite[id]:
		return "Similar to recipes you've favorited recently"
	case s.p.Ratings[id] >= 4:
		return "Similar to recipes you rated highly"
	}
	return "Similar to meals you've planned recently"
}

// own is the reason for a recipe the person already likes, "" for others.
func (s *scorer) own(id int64) string {
	switch stars := s.p.Ratings[id]; {
	case s.h.favorite[id]:
		return "One of your favourites"
	case stars >= 4:
		return fmt.Sprintf("You rated this %d stars", stars)
	}
	return ""
}

// preferencesReason names the favourite cuisine and the diets, as in "Based
// on your preference for Asian cuisine and vegan meals".
func (s *scorer) preferencesReason(e *entry) string {
	diet := strings.ToLower(listPhrase(s.p.Prefs.Dietary))
	fav, ok := s.prefs.favoured(e.r)
	switch {
	case ok && diet != "":
		return "Based on your preference for " + fav + " cuisine and " + diet + " meals"
	case ok:
		return "Based on your preference for " + fav + " cuisine"
	case diet != "":
		return "Fits your " + diet + " diet and your cooking preferences"
	}
	if s.prefs.maxPrep > 0 {
		return "Fits your cooking time and skill level"
	}
	return "Suits your skill level"
}

// withDiet is prefix + the diets + suffix, or "" without diets.
func withDiet(prefix string, diets []string, suffix string) string {
	d := strings.ToLower(listPhrase(diets))
	if d == "" {
		return ""
	}
	return prefix + d + suffix
}

// listPhrase joins words as prose: "a", "a and b", "a, b and c".
func listPhrase(words []string) string {
	var list []string
	for _, w := range words {
		if w = strings.TrimSpace(w); w != "" {
			list = append(list, w)
		}
	}
	switch len(list) {
	case 0:
		return ""
	case 1:
		return list[0]
	}
	return strings.Join(list[:len(list)-1], ", ") + " and " + list[len(list)-1]
}
