package app

import (
	"context"
	"sync"
	"time"

	"github.com/mealplanner/backend/domain/recipe"
)

// Snapshot is the whole live catalogue in memory, read-only, for the work
// that must look at every recipe at once: recommending and generating plans.
// Callers must not modify the recipes.
type Snapshot struct {
	Recipes []*recipe.Recipe
	byID    map[int64]*recipe.Recipe
	// generation is the catalogue generation it was read at.
	generation string
	loadedAt   time.Time
}

// Recipe returns the recipe with id, if it is live in the snapshot.
func (s *Snapshot) Recipe(id int64) (*recipe.Recipe, bool) {
	r, ok := s.byID[id]
	return r, ok
}

// snapshotMaxAge bounds how stale a snapshot may be when the cache cannot
// tell (it is down, or shared generations are not available).
const snapshotMaxAge = 10 * time.Minute

// snapshotBatch is how many recipes one GetMany reads while loading.
const snapshotBatch = 1000

type snapshots struct {
	mu      sync.Mutex
	current *Snapshot
}

// Snapshot returns the catalogue in memory, reloading it when an admin
// changed the catalogue (on any instance: the generation lives in the shared
// cache) or when it is older than snapshotMaxAge. Concurrent callers share
// one load.
func (c *Catalogue) Snapshot(ctx context.Context) (*Snapshot, error) {
	gen := c.cache.generation(ctx)
	now := c.Clock.Now()
	c.snaps.mu.Lock()
	defer c.snaps.mu.Unlock()
	if cur := c.snaps.current; cur != nil && cur.generation == gen && gen != "" && now.Sub(cur.loadedAt) < snapshotMaxAge {
		return cur, nil
	}
	if cur := c.snaps.current; cur != nil && gen == "" && now.Sub(cur.loadedAt) < snapshotMaxAge {
		return cur, nil
	}
	snap, err := c.loadSnapshot(ctx)
	if err != nil {
		return nil, err
	}
	snap.generation, snap.loadedAt = gen, now
	c.snaps.current = snap
	c.Logger.Info("catalogue snapshot loaded", "recipes", len(snap.Recipes))
	return snap, nil
}

func (c *Catalogue) loadSnapshot(ctx context.Context) (*Snapshot, error) {
	sums, _, err := c.Recipes.Search(ctx, recipe.Criteria{Sort: recipe.SortNewest})
	if err != nil {
		return nil, err
	}
	snap := &Snapshot{Recipes: make([]*recipe.Recipe, 0, len(sums)), byID: make(map[int64]*recipe.Recipe, len(sums))}
	for start := 0; start < len(sums); start += snapshotBatch {
		end := min(start+snapshotBatch, len(sums))
		ids := make([]int64, 0, end-start)
		for _, s := range sums[start:end] {
			ids = append(ids, s.ID)
		}
		rs, err := c.Recipes.GetMany(ctx, ids)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			snap.Recipes = append(snap.Recipes, r)
			snap.byID[r.ID] = r
		}
	}
	return snap, nil
}
