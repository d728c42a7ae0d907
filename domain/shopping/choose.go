package shopping

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// items consolidates the lines of one food: the best target group takes every
// line it can, and the rest are consolidated again, so nothing is dropped.
func (fl *foodLines) items(system measure.System) []Item {
	measured := make([]portion, 0, len(fl.portions))
	var unmeasured []portion
	for _, p := range fl.portions {
		if p.measured {
			measured = append(measured, p)
		} else {
			unmeasured = append(unmeasured, p)
		}
	}
	var items []Item
	for len(measured) > 0 {
		target := chooseTarget(measured, fl.food)
		taken := make([]portion, 0, len(measured)+len(unmeasured))
		amounts := make([]float64, 0, len(measured))
		var rest []portion
		for _, p := range measured {
			if v, ok := p.in(target, fl.food); ok {
				taken, amounts = append(taken, p), append(amounts, v)
			} else {
				rest = append(rest, p)
			}
		}
		if len(items) == 0 {
			// The first item also carries the "to taste" lines as sources.
			taken = append(taken, unmeasured...)
			unmeasured = nil
		}
		items = append(items, fl.item(target, taken, amounts, system))
		measured = rest
	}
	if len(unmeasured) > 0 {
		items = append(items, fl.item(group{}, unmeasured, nil, system))
	}
	return items
}

// candidate is a target group with the numbers that rank it.
type candidate struct {
	g                group
	converts, native int
	pref             int
}

// chooseTarget picks the group that takes the most lines; see the package
// documentation for the tie-breaks.
func chooseTarget(ps []portion, f *food.Food) group {
	cands := make([]candidate, 0, 4)
	for _, p := range ps {
		if !slices.ContainsFunc(cands, func(c candidate) bool { return c.g == p.native }) {
			cands = append(cands, candidate{g: p.native, pref: preference(p.native, f)})
		}
	}
	for i := range cands {
		for _, p := range ps {
			if p.native == cands[i].g {
				cands[i].native++
			}
			if _, ok := p.in(cands[i].g, f); ok {
				cands[i].converts++
			}
		}
	}
	best := slices.MinFunc(cands, func(a, b candidate) int {
		return cmp.Or(
			cmp.Compare(b.converts, a.converts),
			cmp.Compare(b.native, a.native),
			cmp.Compare(a.pref, b.pref),
			strings.Compare(a.g.noun, b.g.noun),
		)
	})
	return best.g
}

// preference ranks groups for a tie: the food's own count, mass, volume,
// then any other count noun.
func preference(g group, f *food.Food) int {
	switch {
	case f != nil && g == ownCount(f):
		return 0
	case g.dim == measure.Mass:
		return 1
	case g.dim == measure.Volume:
		return 2
	}
	return 3
}

// item builds one list item from the portions a target took.
func (fl *foodLines) item(target group, ps []portion, amounts []float64, system measure.System) Item {
	slices.SortFunc(ps, func(a, b portion) int { return cmp.Compare(a.seq, b.seq) })
	it := Item{
		Key:       fl.key + "|" + target.key(),
		Section:   food.SectionOther,
		Dimension: target.dim,
		Amount:    sum(amounts),
	}
	if fl.food != nil {
		it.Food, it.Section = fl.food.Key, fl.food.Section
	}
	it.Sources = make([]Source, 0, len(ps))
	it.RecipeIDs = make([]int64, 0, len(ps))
	for _, p := range ps {
		it.Sources = append(it.Sources, p.src)
		it.RecipeIDs = append(it.RecipeIDs, p.src.RecipeID)
	}
	slices.Sort(it.RecipeIDs)
	it.RecipeIDs = slices.Compact(it.RecipeIDs)
	it.Name, it.Quantity, it.Unit = display(it.Amount, target, fl.food, fl.displayName(), system)
	return it
}

// sum adds in ascending order so that the total does not depend on plan order.
func sum(vs []float64) float64 {
	slices.Sort(vs)
	total := 0.0
	for _, v := range vs {
		total += v
	}
	return total
}

// displayName is the name an unmatched food is shown by: the smallest of its
// spellings, so that plan order does not change it.
func (fl *foodLines) displayName() string {
	if fl.food != nil {
		return fl.food.Key
	}
	name := ""
	for _, p := range fl.portions {
		n := strings.TrimSpace(p.name)
		if name == "" || (n != "" && n < name) {
			name = n
		}
	}
	if name == "" {
		return fl.key
	}
	return name
}
