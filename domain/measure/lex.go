package measure

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// tokKind is the kind of a lexical token of a measure.
type tokKind uint8

const (
	tEnd   tokKind = iota // the end of the head; start is where the rest begins
	tNum                  // an ASCII number: "2", "1.5", ".5", "1,000"
	tFrac                 // a vulgar fraction: "½"
	tWord                 // letters, with inner hyphens or apostrophes
	tSlash                // "/" or the fraction slash "⁄"
	tDash                 // a hyphen, en or em dash or minus sign
	tTimes                // "×"
	tPlus                 // "+"
	tParen                // a bracketed group; start and end span its inside
)

// token is a span of the text; numbers carry their value and words what the
// vocabulary knows of them (nil when nothing).
type token struct {
	kind       tokKind
	start, end int
	val        float64
	w          *word
}

// is reports whether t is a word of kind k.
func (t token) is(k wordKind) bool { return t.w != nil && t.w.kind == k }

// maxTokens bounds the work per line: the tokens past it are left to the note.
const maxTokens = 24

// lexer splits the head of a measure (the text before its first comma or
// semicolon outside brackets) into tokens.
type lexer struct {
	text    string
	toks    [maxTokens]token
	n       int
	headEnd int // where the head ends: a separator or the end of the text
}

// lex reads up to maxTokens-1 tokens of the head of text and ends them with
// the end token.
func (l *lexer) lex(text string) {
	l.text, l.headEnd = text, len(text)
	i := 0
	for i < len(text) && l.n < maxTokens-1 {
		r, size := utf8.DecodeRuneInString(text[i:])
		// Thousands groups never get here: number has consumed them.
		if r == ',' || r == ';' {
			l.headEnd = i
			break
		}
		i = l.next(r, i, size)
	}
	// The end token marks where the unread rest of the head begins.
	l.toks[l.n] = token{kind: tEnd, start: min(i, l.headEnd), end: l.headEnd}
}

// next reads the token that starts with r at i and returns where it ends.
func (l *lexer) next(r rune, i, size int) int {
	switch {
	case r == ' ':
		return i + 1
	case l.numberAt(r, i):
		return l.lexNumber(i)
	case unicode.IsLetter(r):
		return l.lexWord(i)
	case r == '(' || r == '[':
		return l.lexParen(i)
	}
	if sym, ok := symbols[r]; ok {
		l.emit(token{kind: sym.kind, start: i, end: i + size, val: sym.val})
	}
	// Anything else (spaces, dots, quotes, stray brackets) only separates.
	return i + size
}

// symbols are the one-rune tokens, the vulgar fractions among them.
var symbols = map[rune]struct {
	kind tokKind
	val  float64
}{
	'/': {kind: tSlash}, '⁄': {kind: tSlash}, '∕': {kind: tSlash},
	'-': {kind: tDash}, '‐': {kind: tDash}, '‑': {kind: tDash}, '‒': {kind: tDash}, '–': {kind: tDash},
	'—': {kind: tDash}, '−': {kind: tDash},
	'×': {kind: tTimes}, '+': {kind: tPlus},
	'½': {tFrac, 1.0 / 2}, '⅓': {tFrac, 1.0 / 3}, '⅔': {tFrac, 2.0 / 3}, '¼': {tFrac, 1.0 / 4},
	'¾': {tFrac, 3.0 / 4}, '⅕': {tFrac, 1.0 / 5}, '⅖': {tFrac, 2.0 / 5}, '⅗': {tFrac, 3.0 / 5},
	'⅘': {tFrac, 4.0 / 5}, '⅙': {tFrac, 1.0 / 6}, '⅚': {tFrac, 5.0 / 6}, '⅐': {tFrac, 1.0 / 7},
	'⅛': {tFrac, 1.0 / 8}, '⅜': {tFrac, 3.0 / 8}, '⅝': {tFrac, 5.0 / 8}, '⅞': {tFrac, 7.0 / 8},
	'⅑': {tFrac, 1.0 / 9}, '⅒': {tFrac, 1.0 / 10},
}

func (l *lexer) emit(t token) {
	l.toks[l.n] = t
	l.n++
}

// numberAt reports whether a number starts with r at i: a digit, or a dot
// before a digit (".5").
func (l *lexer) numberAt(r rune, i int) bool {
	return isDigit(r) || r == '.' && i+1 < len(l.text) && isDigit(rune(l.text[i+1]))
}

// lexNumber reads digits with an optional decimal part and thousands groups.
func (l *lexer) lexNumber(i int) int {
	s := l.text
	end := digits(s, i)
	grouped := false
	for end < len(s) && s[end] == ',' && isThousands(s, end) {
		end, grouped = end+4, true
	}
	if end+1 < len(s) && s[end] == '.' && isDigit(rune(s[end+1])) {
		end = digits(s, end+1)
	}
	v, err := strconv.ParseFloat(s[i:end], 64)
	if grouped {
		v, err = groupedValue(s[i:end])
	}
	kind := tNum
	if err != nil {
		// Too many digits for a float64: not a quantity anyone meant.
		kind = tWord
	}
	l.emit(token{kind: kind, start: i, end: end, val: v})
	return end
}

// groupedValue parses "1,000" or "12,500.5" by dropping the group commas.
func groupedValue(s string) (float64, error) {
	var buf [64]byte
	b := buf[:0]
	for i := 0; i < len(s); i++ {
		if s[i] != ',' {
			b = append(b, s[i])
		}
	}
	return strconv.ParseFloat(string(b), 64)
}

// isThousands reports whether the comma at i groups thousands: exactly three
// digits follow it.
func isThousands(s string, i int) bool {
	return i+4 <= len(s) && digits(s, i+1) == i+4
}

func digits(s string, i int) int {
	for i < len(s) && isDigit(rune(s[i])) {
		i++
	}
	return i
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// lexWord reads letters; a hyphen or apostrophe between letters stays inside
// ("extra-large"), a digit ends the word ("g200" is a word and a number).
func (l *lexer) lexWord(i int) int {
	s := l.text
	start := i
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			i += size
			continue
		}
		if (r == '-' || r == '\'') && i+1 < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+1:]); unicode.IsLetter(next) {
				i++
				continue
			}
		}
		break
	}
	l.emit(token{kind: tWord, start: start, end: i, w: lookup(s[start:i])})
	return i
}

// lexParen reads a bracketed group up to its matching close, or to the end of
// the text when it is never closed.
func (l *lexer) lexParen(i int) int {
	depth := 0
	for j := i; j < len(l.text); j++ {
		switch l.text[j] {
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				l.emit(token{kind: tParen, start: i + 1, end: j})
				return j + 1
			}
		}
	}
	l.emit(token{kind: tParen, start: i + 1, end: len(l.text)})
	return len(l.text)
}
