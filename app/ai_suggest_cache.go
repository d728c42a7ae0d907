package app

import (
	"cmp"
	"context"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mealplanner/backend/domain/recommend"
	"github.com/mealplanner/backend/domain/user"
)

// suggestionsTTL is how long an answer is reused. Everything of the caller's
// that changes it is in the key, so the TTL only bounds how late a new
// recipe or a shift in everyone's plans shows up.
const suggestionsTTL = 30 * time.Minute

// fallbackTTL is the shorter life of a local answer given while the remote
// recommender was failing: once it is back, people should soon see it.
const fallbackTTL = 2 * time.Minute

// cachedAnswer is an answer as stored: recipe ids only, since recipes are
// resolved again through the live catalogue on a hit.
type cachedAnswer struct {
	Source string       `json:"source"`
	Items  []cachedItem `json:"items"`
}

type cachedItem struct {
	ID      int64          `json:"id"`
	Score   int            `json:"score"`
	Reason  string         `json:"reason"`
	Factors []cachedFactor `json:"factors"`
}

type cachedFactor struct {
	Name        string `json:"name"`
	Points      int    `json:"points"`
	Description string `json:"description"`
}

// cacheKey names the answer for this caller, plan state and request. The
// plan's version moves with every edit of it; the hash covers the rest of
// what the answer depends on (excludes, favourites, ratings, planned meals,
// preferences, and the hour when it stands in for the meal type).
func (sc *suggestContext) cacheKey(in suggestInput) string {
	plan := sc.plan.ID
	if plan == "" {
		plan = "week-" + sc.plan.WeekStart.String()
	}
	meal := cmp.Or(string(in.meal), "any")
	return strings.Join([]string{"suggestions:v1", sc.userID, plan, strconv.Itoa(sc.plan.Version), meal,
		sc.today.String(), strconv.Itoa(in.count), sc.profileHash(in)}, ":")
}

// keyMaterial is what profileHash digests; its slices are sorted so that
// the same state always gives the same hash.
type keyMaterial struct {
	Exclude   []int64
	Favorites []int64
	Ratings   [][2]int64
	Planned   []string
	Prefs     user.Preferences
	Hour      int
}

func (sc *suggestContext) profileHash(in suggestInput) string {
	m := keyMaterial{Exclude: slices.Sorted(slices.Values(in.exclude)),
		Favorites: slices.Sorted(slices.Values(sc.profile.Favorites)), Prefs: sc.profile.Prefs, Hour: -1}
	for id, stars := range sc.profile.Ratings {
		m.Ratings = append(m.Ratings, [2]int64{id, int64(stars)})
	}
	slices.SortFunc(m.Ratings, func(x, y [2]int64) int { return cmp.Compare(x[0], y[0]) })
	for _, pl := range sc.profile.Planned {
		m.Planned = append(m.Planned, pl.Date.String()+"/"+strconv.FormatInt(pl.RecipeID, 10))
	}
	slices.Sort(m.Planned)
	if in.meal == "" {
		m.Hour = sc.hour
	}
	return digest(m)
}

// cachedSuggestions returns a stored answer, its recipes read again from
// the live catalogue: one deleted or changed so that it breaks a
// constraint since is dropped. A cache that fails is bypassed.
func (a *AI) cachedSuggestions(ctx context.Context, key string, snap *Snapshot, sc *suggestContext) (Suggestions, bool) {
	if a.Cache == nil {
		return Suggestions{}, false
	}
	b, ok, err := a.Cache.Get(ctx, key)
	if err != nil {
		a.Logger.Warn("suggestion cache read failed", "err", err)
		return Suggestions{}, false
	}
	var c cachedAnswer
	if !ok || json.Unmarshal(b, &c) != nil {
		return Suggestions{}, false
	}
	out := Suggestions{Source: c.Source, Items: make([]Suggestion, 0, len(c.Items))}
	for _, it := range c.Items {
		r, live := snap.Recipe(it.ID)
		if !live || !sc.allows(r) {
			continue
		}
		s := Suggestion{Recipe: r, Score: it.Score, Reason: it.Reason, Factors: make([]recommend.Factor, len(it.Factors))}
		for i, f := range it.Factors {
			s.Factors[i] = recommend.Factor(f)
		}
		out.Items = append(out.Items, s)
	}
	if len(out.Items) == 0 && len(c.Items) > 0 {
		return Suggestions{}, false // everything went stale: worth computing afresh
	}
	return out, true
}

// storeSuggestions caches an answer; a failure is only logged.
func (a *AI) storeSuggestions(ctx context.Context, key string, s Suggestions) {
	if a.Cache == nil {
		return
	}
	c := cachedAnswer{Source: s.Source, Items: make([]cachedItem, len(s.Items))}
	for i, it := range s.Items {
		c.Items[i] = cachedItem{ID: it.Recipe.ID, Score: it.Score, Reason: it.Reason,
			Factors: make([]cachedFactor, len(it.Factors))}
		for j, f := range it.Factors {
			c.Items[i].Factors[j] = cachedFactor(f)
		}
	}
	ttl := suggestionsTTL
	if a.Recommender != nil && s.Source == SourceRules {
		ttl = fallbackTTL
	}
	b, err := json.Marshal(c)
	if err == nil {
		err = a.Cache.Set(ctx, key, b, ttl)
	}
	if err != nil {
		a.Logger.Warn("suggestion cache write failed", "err", err)
	}
}
