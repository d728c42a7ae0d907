package food

import "strings"

// Match finds the food an ingredient line is about, as a recipe writer puts
// it: "boneless skinless chicken thighs", "extra-virgin olive oil",
// "unsalted butter, softened", "juice of 1 lemon". It tries, in order:
//
//  1. Lookup of the whole text, then of the text before the first comma or
//     parenthesis ("butter, softened" → "butter").
//  2. The part before a joining word (and, or, in, with, for, to, from, plus,
//     into): "salt and pepper" is about salt, "butter or margarine" about
//     butter, "chickpeas in water" about chickpeas. A line naming two foods
//     matches only the first; if that part names none, the whole is used.
//  3. Lookup after dropping quantities, sizes and preparation words ("large",
//     "finely", "chopped", "boneless" …) and reading "tin"/"can" as "canned",
//     then after also dropping the words
//     that name a form rather than a food ("ground", "dried", "canned",
//     "smoked" …) — so "ground cumin" and "dried oregano", which are names,
//     are found in step 1 and never reach this one.
//  4. The longest known name found as whole words in the text or in its
//     stripped form ("free range eggs" → egg); among names of equal length the
//     rightmost wins, since English puts the head noun last ("cloves garlic"
//     → garlic).
//
// The search is deterministic and allocation-light: a few map look-ups per
// word, never a scan of the table.
func (t *Table) Match(ingredient string) (*Food, bool) {
	clause := normalize(ingredient)
	if f, ok := t.get(clause); ok {
		return f, true
	}
	if i := strings.IndexAny(ingredient, ",;()[]"); i >= 0 {
		if head := normalize(ingredient[:i]); head != "" {
			clause = head
		}
		if f, ok := t.get(clause); ok {
			return f, true
		}
	}
	if core := cutAtJoin(clause); core != clause {
		if f, ok := t.matchText(core); ok {
			return f, true
		}
	}
	return t.matchText(clause)
}

// matchText runs steps 3 and 4 on normalised text.
func (t *Table) matchText(s string) (*Food, bool) {
	if f, ok := t.get(s); ok {
		return f, true
	}
	light := lighten(s)
	if light != s {
		if f, ok := t.get(light); ok {
			return f, true
		}
	}
	bare := dropWords(light, formWords)
	if bare != light {
		if f, ok := t.get(bare); ok {
			return f, true
		}
	}
	i, n := t.longestName(s)
	if j, m := t.longestName(bare); m > n {
		i = j
	}
	if i < 0 {
		return nil, false
	}
	return &t.foods[i], true
}

// maxScanWords bounds the words of a line that are scanned; ingredient names
// are short, and a fixed bound keeps the word table on the stack.
const maxScanWords = 24

type wordSpan struct {
	start, end int
	bits       uint8
}

// longestName returns the food of the longest known name made of whole words
// of s (rightmost on ties) and that name's word count, or -1, 0.
func (t *Table) longestName(s string) (int32, int) {
	var buf [maxScanWords]wordSpan
	words := buf[:0]
	for start := 0; start < len(s) && len(words) < maxScanWords; {
		end := strings.IndexByte(s[start:], ' ')
		if end < 0 {
			end = len(s)
		} else {
			end += start
		}
		words = append(words, wordSpan{start, end, t.vocab[s[start:end]]})
		start = end + 1
	}
	for n := min(t.maxWords, len(words)); n > 0; n-- {
		for i := len(words) - n; i >= 0; i-- {
			first, last := words[i], words[i+n-1]
			if first.bits&startsName == 0 || last.bits&endsName == 0 {
				continue
			}
			if idx, ok := t.names[s[first.start:last.end]]; ok {
				return idx, n
			}
		}
	}
	return -1, 0
}

// cutAtJoin returns s up to its first joining word (not counting the first
// word), or s itself when there is none.
func cutAtJoin(s string) string {
	for i := strings.IndexByte(s, ' '); i >= 0; {
		rest := s[i+1:]
		word, _, _ := strings.Cut(rest, " ")
		if joinWords[word] {
			return s[:i]
		}
		next := strings.IndexByte(rest, ' ')
		if next < 0 {
			break
		}
		i += next + 1
	}
	return s
}

// lighten drops the words that say how much, how big or how prepared (and
// quantities), turns "tin"/"can" into "canned" so "2 tins plum tomatoes"
// still reads as canned tomatoes, and drops an "of" that follows a dropped
// word ("handful of basil", "tin of tomatoes"). It returns s itself when
// nothing changes.
func lighten(s string) string {
	var b strings.Builder
	changed, afterUnit := false, true // a leading "of" goes too
	for w := range strings.SplitSeq(s, " ") {
		switch {
		case noiseWords[w] || isQuantity(w) || w == "of" && afterUnit:
			changed, afterUnit = true, true
			continue
		case canWords[w]:
			changed, afterUnit = changed || w != "canned", true
			w = "canned"
		default:
			afterUnit = false
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	if !changed {
		return s
	}
	return b.String()
}

// dropWords removes the words in drop from s; it returns s itself, without
// allocating, when there is nothing to drop.
func dropWords(s string, drop map[string]bool) string {
	if !containsAny(s, drop) {
		return s
	}
	var b strings.Builder
	for w := range strings.SplitSeq(s, " ") {
		if drop[w] {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

func containsAny(s string, words map[string]bool) bool {
	for w := range strings.SplitSeq(s, " ") {
		if words[w] {
			return true
		}
	}
	return false
}

// isQuantity reports whether w is a number, alone or run into its unit
// ("400g", "2x").
func isQuantity(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	return i > 0 && (i == len(w) || noiseWords[w[i:]])
}
