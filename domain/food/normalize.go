package food

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// normalize puts a name in the form the index uses: lower case, accents
// folded, apostrophes dropped ("goat's" → "goats"), every other non-letter,
// non-digit read as a space ("all-purpose" → "all purpose"), spaces folded.
func normalize(s string) string {
	if isNormal(s) {
		return s // the common case for index keys and clean input: no allocation
	}
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for _, r := range s {
		if r == '\'' || r == '’' || r == '‘' || r == '`' {
			continue
		}
		c := foldASCII(r)
		if c == ' ' {
			pending = b.Len() > 0
			continue
		}
		if pending {
			b.WriteByte(' ')
			pending = false
		}
		if c != 0 {
			b.WriteByte(c)
		} else {
			b.WriteString(foldLetter(r))
		}
	}
	return b.String()
}

// foldASCII returns the normal byte for an ASCII letter or digit, ' ' for a
// separator, or 0 for a non-ASCII letter, which foldLetter handles.
func foldASCII(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
		return byte(r)
	case r >= 'A' && r <= 'Z':
		return byte(r + 'a' - 'A')
	case r < utf8.RuneSelf || !unicode.IsLetter(r):
		return ' '
	}
	return 0
}

// isNormal reports whether s is already in normal form.
func isNormal(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
		case c == ' ' && i > 0 && i < len(s)-1 && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

// accentFolds maps accented letters to their plain spelling.
var accentFolds = [...]struct{ from, to string }{
	{"àáâãäåā", "a"}, {"çć", "c"}, {"èéêëē", "e"}, {"ìíîïī", "i"}, {"ñ", "n"},
	{"òóôõöøō", "o"}, {"ùúûüū", "u"}, {"ýÿ", "y"}, {"æ", "ae"}, {"œ", "oe"}, {"ß", "ss"},
}

// foldLetter returns a non-ASCII letter in lower case with its accent folded
// ("É" → "e", "æ" → "ae"); letters without a plain spelling are kept.
func foldLetter(r rune) string {
	r = unicode.ToLower(r)
	for _, f := range accentFolds {
		if strings.ContainsRune(f.from, r) {
			return f.to
		}
	}
	return string(r)
}

// pluralForms returns the spellings a plural of the normalised name may take.
// The head word is pluralised: the word before " of " when there is one
// ("cloves of garlic"), else the last word. Several spellings are returned
// because the rules are ambiguous ("tomatoes" but "avocados", "leaves" but
// "chiefs"); a wrong one costs nothing since nobody types it.
func pluralForms(name string) []string {
	head, tail := name, ""
	if i := strings.Index(name, " of "); i >= 0 {
		head, tail = name[:i], name[i:]
	}
	var out []string
	add := func(stem, suffix string) { out = append(out, stem+suffix+tail) }
	n := len(head)
	switch {
	case n == 0:
		return nil
	case hasAnySuffix(head, "s", "x", "z", "ch", "sh"):
		add(head, "es")
		return out
	case hasAnySuffix(head, "o"):
		add(head, "es")
	case n > 1 && head[n-1] == 'y' && !isVowel(head[n-2]):
		add(head[:n-1], "ies")
	case hasAnySuffix(head, "fe"):
		add(head[:n-2], "ves")
	case hasAnySuffix(head, "f"):
		add(head[:n-1], "ves")
	}
	add(head, "s")
	return out
}
