package measure

// wordKind is the part a word plays in a measure.
type wordKind uint8

const (
	wUnknown  wordKind = iota
	wUnit              // a unit spelling: "cups", "g", "cloves"
	wNumber            // "one" … "twelve", "half", "quarter", "couple", "few"
	wArticle           // "a", "an": one, when something measurable follows
	wDozen             // "dozen": twelve alone, times twelve after a number
	wRange             // "to", "or" between two numbers
	wTimes             // "x" in "2 x 400g"
	wAnd               // "and" in "1 and a half", "zest and juice of"
	wPlus              // "plus" in "1 cup plus 2 tbsp"
	wOf                // "of", skipped
	wFluid             // "fl", "fluid" before an ounce word
	wSize              // "small", "medium", "large" …
	wExtra             // "extra" before "large"
	wModifier          // kept in the note: "heaped", "about", "juice" …
	wVague             // "little", "bit", "drizzle": "a little" has no amount
)

// word is what the vocabulary knows about a spelling.
type word struct {
	kind   wordKind
	unit   Unit
	value  float64 // for number words
	size   string  // canonical size for size words
	flags  int     // count noun flags for units
	ranged bool    // "few" stands for a range
}

// vocab maps a lower-case spelling to its word. The words are shared: never
// modify one.
var vocab = buildVocab()

func buildVocab() map[string]*word {
	v := map[string]*word{}
	addUnits(v)
	addWords(v)
	return v
}

func addUnits(v map[string]*word) {
	for _, u := range unitSpellings {
		for _, s := range u.spellings {
			v[s] = &word{kind: wUnit, unit: u.unit}
		}
	}
	for _, n := range countNouns {
		u := Unit{Symbol: n.spellings[0], Dimension: Count, ToBase: 1}
		for _, s := range n.spellings {
			v[s] = &word{kind: wUnit, unit: u, flags: n.flags}
		}
	}
}

func addWords(v map[string]*word) {
	numbers := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
	for i, s := range numbers {
		v[s] = &word{kind: wNumber, value: float64(i)}
	}
	v["half"] = &word{kind: wNumber, value: 0.5}
	v["quarter"] = &word{kind: wNumber, value: 0.25}
	v["couple"] = &word{kind: wNumber, value: 2}
	v["few"] = &word{kind: wNumber, value: 3, ranged: true}
	v["dozen"] = &word{kind: wDozen, value: 12}
	for s, k := range map[string]wordKind{"a": wArticle, "an": wArticle, "to": wRange, "or": wRange, "x": wTimes,
		"and": wAnd, "plus": wPlus, "of": wOf, "fl": wFluid, "fluid": wFluid, "extra": wExtra} {
		v[s] = &word{kind: k}
	}
	sizes := map[string]string{"small": "small", "sm": "small", "medium": "medium", "med": "medium",
		"large": "large", "lg": "large", "lrg": "large", "big": "large", "jumbo": "jumbo",
		"xl": "extra large", "extra-large": "extra large", "x-large": "extra large"}
	for s, size := range sizes {
		v[s] = &word{kind: wSize, size: size}
	}
	for _, s := range []string{"heaped", "heaping", "level", "levelled", "leveled", "scant", "generous", "rounded",
		"good", "full", "whole", "about", "approx", "approximately", "around", "roughly", "nearly", "juice", "zest",
		"grated", "juiced"} {
		v[s] = &word{kind: wModifier}
	}
	for _, s := range []string{"little", "bit", "drizzle", "sprinkle", "sprinkling", "touch", "smidgen", "squeeze",
		"squirt", "glug", "lot", "dusting", "dollop"} {
		v[s] = &word{kind: wVague}
	}
}

// maxWord is longer than any vocabulary word, so longer words are unknown.
const maxWord = 16

var (
	wordTablespoon = &word{kind: wUnit, unit: Tablespoon}
	wordTeaspoon   = &word{kind: wUnit, unit: Teaspoon}
)

// lookup finds a word in the vocabulary without allocating; nil when it is
// not there. The one-letter "T" and "t" are told apart by case; everything
// else is case-insensitive.
func lookup(s string) *word {
	switch s {
	case "T":
		return wordTablespoon
	case "t":
		return wordTeaspoon
	}
	if len(s) > maxWord {
		return nil
	}
	var buf [maxWord]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	// The compiler does not allocate for a map index by string(bytes).
	return vocab[string(buf[:len(s)])]
}
