package generator

import (
	"math/rand/v2"

	"github.com/mealplanner/backend/domain/planning"
	"github.com/mealplanner/backend/domain/recipe"
)

// seedMix spreads Request.Seed over the PCG's second word.
const seedMix = 0x9e3779b97f4a7c15

// Generate fills the requested empty slots of the week with recipes from
// candidates (see the package documentation for the method). Candidates
// should include the recipes of kept slots, so that their energy counts.
// Errors: a validation error for a bad request, ErrNoCandidates when slots
// were to be filled and no recipe fits any of them. When only some slots
// cannot be filled they stay empty and Result.Gaps lists them. The request's
// Existing plan is never modified.
func Generate(candidates []*recipe.Recipe, req Request) (Result, error) {
	req, err := req.normalise()
	if err != nil {
		return Result{}, err
	}
	plan, err := startPlan(req)
	if err != nil {
		return Result{}, err
	}
	rng := rand.New(rand.NewPCG(req.Seed, req.Seed^seedMix))
	m := newModel(candidates, req, plan, rng)
	if len(m.slots) == 0 && len(m.gaps) > 0 {
		return Result{}, ErrNoCandidates
	}
	var pick []int
	if len(m.slots) > 0 {
		pick = search(m, rng)
	}
	if err := m.place(plan, pick); err != nil {
		return Result{}, err
	}
	return m.report(plan, pick), nil
}

// startPlan copies the existing plan, emptying the requested meal types
// unless they are to be kept, or starts a new one.
func startPlan(req Request) (*planning.Plan, error) {
	if req.Existing == nil {
		return planning.NewPlan("", "", req.WeekStart, req.Now), nil
	}
	plan := req.Existing.Clone()
	if req.KeepExisting {
		return plan, nil
	}
	return plan, plan.Clear(nil, req.MealTypes, req.Now)
}

// place writes each pick into its slot, one serving per household member.
func (m *model) place(plan *planning.Plan, pick []int) error {
	for i, o := range pick {
		s, kd := m.slots[i], m.kinds[m.slots[i].kind]
		r := m.cands[kd.opts[o].cand].r
		slot, err := planning.NewSlot(r.ID, r.Name, r.Images.Medium, r.Category, m.req.Servings, "", m.req.Now)
		if err != nil {
			return err
		}
		if err := plan.Set(s.date, kd.meal, slot, m.req.Now); err != nil {
			return err
		}
	}
	return nil
}
