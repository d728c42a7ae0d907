package memory

import (
	"cmp"
	"context"
	"slices"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/ports"
)

var (
	errPlanNotFound  = domain.NotFound("meal plan not found")
	errPlanWeekTaken = domain.Conflict("meal plan already exists for this week")
	errPlanStale     = domain.Conflict("meal plan was changed by another request")
)

// PlanRepository is the in-memory ports.PlanRepository of a Store.
type PlanRepository struct{ s *Store }

var _ ports.PlanRepository = (*PlanRepository)(nil)

// Save stores plans atomically: every check passes before anything changes.
func (r *PlanRepository) Save(_ context.Context, plans ...*planning.Plan) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	weeks := map[string]string{} // user|week → id, for plans of this call
	for _, p := range plans {
		if err := r.s.checkPlanSave(p, weeks); err != nil {
			return err
		}
	}
	for _, p := range plans {
		p.Version++
		r.s.plans[p.ID] = copyPlan(p)
	}
	return nil
}

func (s *Store) checkPlanSave(p *planning.Plan, weeks map[string]string) error {
	if _, err := s.live(p.UserID); err != nil {
		return err
	}
	key := p.UserID + "|" + p.WeekStart.String()
	if id, ok := weeks[key]; ok && id != p.ID {
		return errPlanWeekTaken
	}
	weeks[key] = p.ID
	cur, exists := s.plans[p.ID]
	if p.Version == 0 {
		if exists || s.planForWeek(p.UserID, p.WeekStart) != nil {
			return errPlanWeekTaken
		}
		return nil
	}
	switch {
	case !exists || cur.UserID != p.UserID:
		return errPlanNotFound
	case cur.Version != p.Version:
		return errPlanStale
	case !cur.WeekStart.Equal(p.WeekStart):
		if other := s.planForWeek(p.UserID, p.WeekStart); other != nil && other.ID != p.ID {
			return errPlanWeekTaken
		}
	}
	return nil
}

func (s *Store) planForWeek(userID string, week planning.Date) *planning.Plan {
	for _, p := range s.plans {
		if p.UserID == userID && p.WeekStart.Equal(week) {
			return p
		}
	}
	return nil
}

// Get returns one of the user's plans.
func (r *PlanRepository) Get(_ context.Context, userID, id string) (*planning.Plan, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	p, ok := r.s.plans[id]
	if !ok || p.UserID != userID {
		return nil, errPlanNotFound
	}
	return copyPlan(p), nil
}

// ForWeek returns the user's plan of the week starting weekStart.
func (r *PlanRepository) ForWeek(_ context.Context, userID string, weekStart planning.Date) (*planning.Plan, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	p := r.s.planForWeek(userID, weekStart)
	if p == nil {
		return nil, errPlanNotFound
	}
	return copyPlan(p), nil
}

// List returns a page of the user's plans, newest week first.
func (r *PlanRepository) List(_ context.Context, userID string, q ports.PlanQuery) ([]*planning.Plan, int, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	var all []*planning.Plan
	for _, p := range r.s.plans {
		if p.UserID != userID || q.From != nil && p.WeekStart.Before(*q.From) || q.To != nil && p.WeekStart.After(*q.To) {
			continue
		}
		all = append(all, p)
	}
	slices.SortFunc(all, func(a, b *planning.Plan) int { return b.WeekStart.Compare(a.WeekStart) })
	out := []*planning.Plan{}
	for _, p := range window(all, q.Offset, q.Limit) {
		out = append(out, copyPlan(p))
	}
	return out, len(all), nil
}

// Delete removes one of the user's plans and detaches its lists.
func (r *PlanRepository) Delete(_ context.Context, userID, id string) error {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	p, ok := r.s.plans[id]
	if !ok || p.UserID != userID {
		return errPlanNotFound
	}
	delete(r.s.plans, id)
	for _, l := range r.s.lists {
		if l.MealPlanID == id {
			l.MealPlanID = ""
		}
	}
	return nil
}

// Planned lists the recipes planned from since onwards.
func (r *PlanRepository) Planned(_ context.Context, userID string, since planning.Date) ([]ports.PlannedRecipe, error) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	out := []ports.PlannedRecipe{}
	for _, p := range r.s.plans {
		if userID != "" && p.UserID != userID {
			continue
		}
		for d, meals := range p.Days {
			if d.Before(since) {
				continue
			}
			for _, slot := range meals {
				out = append(out, ports.PlannedRecipe{UserID: p.UserID, RecipeID: slot.RecipeID, Date: d})
			}
		}
	}
	slices.SortFunc(out, func(a, b ports.PlannedRecipe) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.UserID, b.UserID), cmp.Compare(a.RecipeID, b.RecipeID))
	})
	return out, nil
}

// erasePlans removes every plan and list of the user.
func (s *Store) erasePlans(userID string) {
	for id, p := range s.plans {
		if p.UserID == userID {
			delete(s.plans, id)
		}
	}
	for id, l := range s.lists {
		if l.UserID == userID {
			delete(s.lists, id)
		}
	}
}

// copyPlan copies a plan with times as the SQL adapter stores them.
func copyPlan(p *planning.Plan) *planning.Plan {
	c := p.Clone()
	c.CreatedAt, c.UpdatedAt = utc(p.CreatedAt), utc(p.UpdatedAt)
	for d, meals := range c.Days {
		for m, slot := range meals {
			slot.AddedAt = utc(slot.AddedAt)
			c.Days[d][m] = slot
		}
	}
	return c
}

// window returns the page of all from offset, limit items long (all when
// limit is 0).
func window[T any](all []T, offset, limit int) []T {
	if offset >= len(all) {
		return nil
	}
	all = all[offset:]
	if limit > 0 && limit < len(all) {
		all = all[:limit]
	}
	return all
}
