package shopping

// Mode says how a new generation meets an existing list.
type Mode int

const (
	// Replace swaps the generated part of the list for the new one: manual
	// items stay, and an item whose Key survives keeps its Checked state.
	Replace Mode = iota
	// Merge keeps everything and adds only generated items whose Key is not
	// already on the list.
	Merge
)

// Regenerate combines an existing list with freshly generated items. Both
// modes are idempotent: regenerating again with the same items changes
// nothing, so a second generate never duplicates an item.
func Regenerate(existing, generated []Item, mode Mode) []Item {
	if mode == Merge {
		return merge(existing, generated)
	}
	return replace(existing, generated)
}

func replace(existing, generated []Item) []Item {
	checked := make(map[string]bool)
	var out []Item
	for _, it := range existing {
		if it.Manual {
			out = append(out, it)
			continue
		}
		checked[it.Key] = checked[it.Key] || it.Checked
	}
	for _, it := range generated {
		it.Checked = checked[it.Key]
		out = append(out, it)
	}
	sortItems(out)
	return out
}

func merge(existing, generated []Item) []Item {
	present := make(map[string]bool, len(existing))
	out := make([]Item, 0, len(existing)+len(generated))
	for _, it := range existing {
		present[it.Key] = true
		out = append(out, it)
	}
	for _, it := range generated {
		if !present[it.Key] {
			present[it.Key] = true
			out = append(out, it)
		}
	}
	sortItems(out)
	return out
}
