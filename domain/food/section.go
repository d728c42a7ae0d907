package food

import "strings"

// SectionOther is the section for anything that fits no other.
const SectionOther = "Other"

// sections are the shopping sections of the contract, in store order.
var sections = [...]string{
	"Produce", "Meat & Seafood", "Dairy & Eggs", "Bakery", "Pantry", "Canned & Jarred",
	"Frozen", "Beverages", "Condiments & Sauces", "Snacks", SectionOther,
}

// Sections returns the shopping sections in store order. The slice is a copy.
func Sections() []string { return append([]string(nil), sections[:]...) }

// SectionRank returns the position of a section in store order, comparing
// names case-insensitively. Unknown names rank as Other, so a list sorted by
// rank puts them at the end rather than the front.
func SectionRank(name string) int {
	for i, s := range sections {
		if strings.EqualFold(s, strings.TrimSpace(name)) {
			return i
		}
	}
	return len(sections) - 1
}

// CanonicalSection returns the contract's spelling of a section name given in
// any case, and whether it is one of the sections at all.
func CanonicalSection(name string) (string, bool) {
	for _, s := range sections {
		if strings.EqualFold(s, strings.TrimSpace(name)) {
			return s, true
		}
	}
	return "", false
}
