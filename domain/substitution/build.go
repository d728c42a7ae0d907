package substitution

import (
	"fmt"

	"github.com/mealplanner/backend/domain/food"
)

// build checks the blocks against the table and indexes them (see New).
func build(table *food.Table, blocks []block) (*Guide, error) {
	byOriginal, err := index(table, blocks)
	if err != nil {
		return nil, err
	}
	g := &Guide{table: table, lists: make(map[string][]alternative, len(blocks))}
	for i := range blocks {
		b := &blocks[i]
		src := b
		if b.sameAs != "" {
			src = byOriginal[b.sameAs]
			if src == nil || src.sameAs != "" {
				return nil, fmt.Errorf("substitution: %s: %q has no list of its own to share", b.where, b.sameAs)
			}
		}
		alts, err := g.alternatives(b.original, src.alts, src != b)
		if err != nil {
			return nil, err
		}
		if len(alts) == 0 {
			return nil, fmt.Errorf("substitution: %s: %q has no alternatives", b.where, b.original)
		}
		g.lists[b.original] = alts
	}
	return g, nil
}

// index maps each original to its block, refusing unknown keys and repeats.
func index(table *food.Table, blocks []block) (map[string]*block, error) {
	byOriginal := make(map[string]*block, len(blocks))
	for i := range blocks {
		b := &blocks[i]
		if _, err := foodByKey(table, b.original); err != nil {
			return nil, fmt.Errorf("substitution: %s: %w", b.where, err)
		}
		if first, dup := byOriginal[b.original]; dup {
			return nil, fmt.Errorf("substitution: %s: %q is already listed at %s", b.where, b.original, first.where)
		}
		byOriginal[b.original] = b
	}
	return byOriginal, nil
}

// alternatives resolves the alternatives of one original. In a list shared
// from another original, an alternative that is this original itself is
// dropped; in an original's own list it is a mistake.
func (g *Guide) alternatives(original string, raws []rawAlt, shared bool) ([]alternative, error) {
	orig, _ := g.table.Lookup(original)
	out := make([]alternative, 0, len(raws))
	seen := map[string]string{}
	for _, r := range raws {
		if r.foods[0] == original {
			if shared {
				continue
			}
			return nil, fmt.Errorf("substitution: %s: %q is offered as its own alternative", r.where, original)
		}
		if first, dup := seen[r.name]; dup {
			return nil, fmt.Errorf("substitution: %s: %q is already offered at %s", r.where, r.name, first)
		}
		seen[r.name] = r.where
		a, err := g.alternative(orig, r)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// alternative looks up the foods of one alternative and derives its
// dietary values, allergen flags and nutrition impact from them.
func (g *Guide) alternative(orig *food.Food, r rawAlt) (alternative, error) {
	a := alternative{uses: r.uses, names: []string{fold(r.name)}}
	var main *food.Food
	for i, key := range r.foods {
		f, err := foodByKey(g.table, key)
		if err != nil {
			return alternative{}, fmt.Errorf("substitution: %s: %w", r.where, err)
		}
		if i == 0 {
			main = f
		}
		a.flags |= f.Flags
		a.names = append(a.names, fold(f.Key))
		for _, alias := range f.Aliases {
			a.names = append(a.names, fold(alias))
		}
	}
	a.Substitute = Substitute{
		Food: main.Key, Name: r.name, Ratio: r.ratio, Impact: r.impact, Reason: r.reason,
		Dietary: dietaryOf(a.flags), Nutrition: impactOf(main, orig),
	}
	return a, nil
}

// foodByKey returns the food whose key is exactly key.
func foodByKey(table *food.Table, key string) (*food.Food, error) {
	f, ok := table.Lookup(key)
	switch {
	case !ok:
		return nil, fmt.Errorf("%q is not in the food table", key)
	case f.Key != key:
		return nil, fmt.Errorf("%q is a name of %q: write the key", key, f.Key)
	}
	return f, nil
}
