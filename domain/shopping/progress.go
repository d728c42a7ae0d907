package shopping

import "github.com/mealplanner/backend/domain/food"

// SectionCount is how many items of one section are on the list and how many
// of them are checked.
type SectionCount struct {
	Name    string
	Total   int
	Checked int
}

// Progress counts items by section, in store order, listing only sections
// that have items; an unknown section counts as Other.
func Progress(items []Item) (sections []SectionCount, checked, total int) {
	names := food.Sections()
	counts := make([]SectionCount, len(names))
	for _, it := range items {
		c := &counts[food.SectionRank(it.Section)]
		c.Total++
		total++
		if it.Checked {
			c.Checked++
			checked++
		}
	}
	for i, c := range counts {
		if c.Total > 0 {
			c.Name = names[i]
			sections = append(sections, c)
		}
	}
	return sections, checked, total
}
