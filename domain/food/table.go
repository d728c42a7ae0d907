package food

import (
	_ "embed"
	"iter"
	"strings"
	"sync"
)

//go:embed foods.csv
var foodsCSV string

// loadEmbedded parses the embedded data once; every Load shares the result.
var loadEmbedded = sync.OnceValues(func() (*Table, error) {
	return Parse(strings.NewReader(foodsCSV))
})

// Load returns the table built from the food data embedded in the binary. The
// data is parsed on the first call only; the table is immutable and safe for
// concurrent use. An error means the embedded file is broken, which the
// package's tests rule out.
func Load() (*Table, error) { return loadEmbedded() }

// Word-position bits of the vocabulary: a word that can start a known name,
// and one that can end it. They let Match skip most n-grams without hashing.
const (
	startsName uint8 = 1 << iota
	endsName
)

// Table is an immutable, indexed set of foods. Build one with Load or Parse.
type Table struct {
	foods []Food
	// names maps every normalised key, alias and plural to its food's index.
	names map[string]int32
	// vocab maps each word of any name to its startsName/endsName bits.
	vocab map[string]uint8
	// maxWords is the word count of the longest name.
	maxWords int
}

// newTable indexes foods whose explicit names (key, aliases, irregular
// plural) have already been checked to be unique across the table.
func newTable(foods []Food) *Table {
	t := &Table{foods: foods, names: make(map[string]int32, len(foods)*16)}
	for i := range foods {
		for _, n := range explicitNames(&foods[i]) {
			t.names[normalize(n)] = int32(i)
		}
	}
	// Generated plurals come second and never displace a real name, and foods
	// are visited in file order, so the index is the same on every run.
	for i := range foods {
		for _, n := range explicitNames(&foods[i]) {
			for _, p := range pluralForms(normalize(n)) {
				if _, taken := t.names[p]; !taken {
					t.names[p] = int32(i)
				}
			}
		}
	}
	t.vocab = make(map[string]uint8, len(t.names))
	for name := range t.names {
		words := strings.Split(name, " ")
		t.maxWords = max(t.maxWords, len(words))
		t.vocab[words[0]] |= startsName
		t.vocab[words[len(words)-1]] |= endsName
	}
	return t
}

// explicitNames are the names a food row spells out.
func explicitNames(f *Food) []string {
	names := append([]string{f.Key}, f.Aliases...)
	if f.Plural != "" {
		names = append(names, f.Plural)
	}
	return names
}

// Len returns the number of foods.
func (t *Table) Len() int { return len(t.foods) }

// All yields every food in the order of the data file.
func (t *Table) All() iter.Seq[*Food] {
	return func(yield func(*Food) bool) {
		for i := range t.foods {
			if !yield(&t.foods[i]) {
				return
			}
		}
	}
}

// Lookup finds a food by its key, an alias or a plural of either ("tomatoes",
// "bay leaves", "chillies"), ignoring case, accents, apostrophes, extra spaces
// and hyphen-versus-space. It does not interpret free text; Match does.
func (t *Table) Lookup(name string) (*Food, bool) { return t.get(normalize(name)) }

// get looks up a name already in normal form.
func (t *Table) get(norm string) (*Food, bool) {
	i, ok := t.names[norm]
	if !ok {
		return nil, false
	}
	return &t.foods[i], true
}
