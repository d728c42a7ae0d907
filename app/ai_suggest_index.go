package app

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recommend"
)

// How long the shared inputs of the local recommender live. The index
// follows the catalogue snapshot exactly; the co-occurrence learns from
// everyone's plans, which change all the time but shift the pairs slowly.
const (
	coOccurrenceTTL  = 15 * time.Minute
	coOccurrenceDays = 180
)

// suggester is the state behind Suggestions: the recommender index of the
// current catalogue snapshot, the co-occurrence learnt from everyone's
// plans, and the counters of which recommender answered.
type suggester struct {
	mu       sync.Mutex
	snap     *Snapshot // the snapshot index was built from
	index    *recommend.Index
	building *Snapshot // the snapshot a background build is indexing, if any
	co       *recommend.CoOccurrence
	coBuilt  time.Time
	learning bool // a background task is relearning the co-occurrence

	personalize, rules, fallbacks atomic.Uint64
}

// SuggestionStats count the suggestion answers computed since start (cache
// hits are not counted) by the recommender that supplied them, and the
// fallbacks: requests where the remote recommender was configured but failed
// or had nothing usable, so the local one answered alone.
type SuggestionStats struct {
	Personalize, Rules, Fallbacks uint64
}

// SuggestionStats reports the suggestion counters.
func (a *AI) SuggestionStats() SuggestionStats {
	s := &a.suggest
	return SuggestionStats{Personalize: s.personalize.Load(), Rules: s.rules.Load(), Fallbacks: s.fallbacks.Load()}
}

func (s *suggester) count(source string) {
	if source == SourcePersonalize {
		s.personalize.Add(1)
		return
	}
	s.rules.Add(1)
}

// recommender returns an index of the catalogue, fresh or not, and the
// co-occurrence, rebuilding whichever is stale. Only the very first of each
// is built on the request path (concurrent callers wait for that one
// build): once one exists, it is rebuilt in the background while requests
// keep using it, since indexing 100 000 recipes takes seconds, reading
// everyone's plans grows with the users, and the hard constraints are
// checked against the live snapshot anyway.
func (a *AI) recommender(ctx context.Context, snap *Snapshot) (ix *recommend.Index, co *recommend.CoOccurrence, fresh bool) {
	s := &a.suggest
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.index == nil:
		s.index, s.snap = a.buildIndex(snap), snap
	case s.snap != snap && s.building != snap:
		s.building = snap
		a.tasks.Go("rebuild recommender index", func(context.Context) error {
			index := a.buildIndex(snap)
			s.mu.Lock()
			defer s.mu.Unlock()
			if s.building == snap {
				s.index, s.snap, s.building = index, snap, nil
			}
			return nil
		})
	}
	a.refreshCoOccurrence(ctx)
	return s.index, s.co, s.snap == snap
}

// WarmUp loads the catalogue and builds the recommender's index and
// co-occurrence in the background, so that the first suggestion request
// after a start does not pay seconds for them on a large catalogue. Drain
// waits for it.
func (a *AI) WarmUp() {
	a.tasks.Go("warm up the recommender", func(ctx context.Context) error {
		snap, err := a.Catalogue.Snapshot(ctx)
		if err != nil {
			return err
		}
		a.recommender(ctx, snap)
		return nil
	})
}

func (a *AI) buildIndex(snap *Snapshot) *recommend.Index {
	start := time.Now()
	index := recommend.NewIndex(snap.Recipes)
	a.Logger.Info("recommender index built", "recipes", index.Len(), "took", time.Since(start))
	return index
}

// refreshCoOccurrence learns the co-occurrence at once when none was
// learnt yet, else in the background once it is older than
// coOccurrenceTTL. A failed read keeps what was learnt before (nothing at
// first: the recommender then ranks without it) and is retried by the next
// request. The caller holds s.mu.
func (a *AI) refreshCoOccurrence(ctx context.Context) {
	s := &a.suggest
	now := a.Clock.Now()
	switch {
	case s.coBuilt.IsZero():
		if co, ok := a.learnCoOccurrence(ctx, now); ok {
			s.co, s.coBuilt = co, now
		}
	case now.Sub(s.coBuilt) >= coOccurrenceTTL && !s.learning:
		s.learning = true
		a.tasks.Go("relearn recommender co-occurrence", func(ctx context.Context) error {
			co, ok := a.learnCoOccurrence(ctx, now)
			s.mu.Lock()
			defer s.mu.Unlock()
			s.learning = false
			if ok {
				s.co, s.coBuilt = co, now
			}
			return nil
		})
	}
}

// learnCoOccurrence learns which recipes the same people plan. The ports
// list favourites and ratings one user at a time only, so everyone's plans
// are the evidence. ok is false when they could not be read.
func (a *AI) learnCoOccurrence(ctx context.Context, now time.Time) (co *recommend.CoOccurrence, ok bool) {
	start := time.Now()
	since := planning.DateOf(now, time.UTC).AddDays(-coOccurrenceDays)
	planned, err := a.Plans.Planned(ctx, "", since)
	if err != nil {
		a.Logger.Warn("co-occurrence not rebuilt", "err", err)
		return nil, false
	}
	byUser := map[string][]recommend.Planned{}
	for _, pl := range planned {
		byUser[pl.UserID] = append(byUser[pl.UserID], recommend.Planned{RecipeID: pl.RecipeID, Date: pl.Date})
	}
	in := recommend.NewInteractions()
	for id, meals := range byUser {
		in.AddProfile(id, recommend.Profile{Planned: meals})
	}
	co = in.CoOccurrence(0)
	a.Logger.Info("recommender co-occurrence built", "users", len(byUser), "meals", len(planned),
		"took", time.Since(start))
	return co, true
}
