package shopping

// Mode says how a new generation meets an existing list.
type Mode int

const (
	// Replace swaps the generated part of the list for the new one: manual
	// items stay, and an item whose Key survives keeps its ID, its Checked
	// state and its Note.
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
	prior := make(map[string]Item)
	var out []Item
	for _, it := range existing {
		if it.Manual {
			out = append(out, it)
			continue
		}
		// An edit can leave two generated items with one Key; the first keeps
		// its ID, and the Key counts as checked when either was.
		if p, seen := prior[it.Key]; seen {
			p.Checked = p.Checked || it.Checked
			prior[it.Key] = p
			continue
		}
		prior[it.Key] = it
	}
	for _, it := range generated {
		if p, ok := prior[it.Key]; ok {
			it.ID, it.Checked, it.Note = p.ID, p.Checked, p.Note
			// Generated keys are unique, but an ID must never be handed out twice.
			delete(prior, it.Key)
		}
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
