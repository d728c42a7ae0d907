package measure

import (
	"strings"
	"unicode"
)

// bracket notes the inside of a bracket and may take it as the alternative.
func (p *parser) bracket(t token) {
	p.note(t.start, t.end)
	p.tryAlt(t)
}

// tryAlt takes the first bracket that reads as a mass or volume.
func (p *parser) tryAlt(t token) {
	if p.alt.HasQuantity {
		return
	}
	if alt, each, ok := parseAlt(p.text[t.start:t.end]); ok {
		p.setAlt(alt, each)
	}
}

func (p *parser) setAlt(a Amount, each bool) { p.alt, p.altEach = a, each }

// parseAlt reads the inside of a bracket as a mass or volume: "400g",
// "about 300 g", "15-oz.", "400g each" (each reports the last).
func parseAlt(text string) (alt Amount, each, ok bool) {
	var q parser
	q.lex(text)
	for q.peek(0).is(wModifier) {
		q.i++
	}
	if !q.quantity() {
		return Amount{}, false, false
	}
	if q.peek(0).kind == tDash {
		q.i++ // "15-oz"
	}
	u, ok := q.measuredUnit()
	if !ok {
		return Amount{}, false, false
	}
	for j := q.i; j < q.n; j++ {
		if t := q.toks[j]; t.is(wUnit) && t.w.unit == Each {
			each = true
		}
	}
	return Amount{Quantity: q.amt.Quantity, HasQuantity: true, Unit: u, Ranged: q.amt.Ranged}, each, true
}

// trailing reads what follows the unit: brackets, then the rest of the head
// as a note, in which a bracket may still give the alternative.
func (p *parser) trailing() {
	for t := p.peek(0); t.kind == tParen; t = p.peek(0) {
		p.bracket(t)
		p.i++
	}
	if p.peek(0).is(wOf) {
		p.i++ // "pinch of salt"
	}
	p.note(p.peek(0).start, p.headEnd)
	for j := p.i; j < p.n; j++ {
		if p.toks[j].kind == tParen {
			p.tryAlt(p.toks[j])
		}
	}
}

// finish adds what followed the head's separator to the note and settles the
// alternative against the quantity.
func (p *parser) finish() {
	if p.headEnd < len(p.text) {
		p.note(p.headEnd+1, len(p.text))
	}
	p.amt.Note = p.joinNotes()
	if !p.alt.HasQuantity {
		return
	}
	alt := p.alt
	if !p.altTotal && (p.altEach || p.container) {
		alt.Quantity *= p.amt.Quantity
	}
	if finite(alt.Quantity) {
		p.amt.Alt = &alt
	}
}

// note keeps a span of the text for the Note, joined to the previous span
// when only spaces part them.
func (p *parser) note(start, end int) {
	start, end = trimSpan(p.text, start, end)
	if start >= end {
		return
	}
	if p.nn > 0 {
		last := &p.notes[p.nn-1]
		if start <= last.end || p.nn == maxNotes || strings.TrimSpace(p.text[last.end:start]) == "" {
			last.end = max(last.end, end)
			return
		}
	}
	p.notes[p.nn] = span{start, end}
	p.nn++
}

// joinNotes makes the Note: one span is a substring of the text and costs
// nothing; pieces are joined by ", " where the text had a comma between them
// and by a space otherwise.
func (p *parser) joinNotes() string {
	if p.nn == 0 {
		return ""
	}
	first := p.notes[0]
	if p.nn == 1 {
		return p.text[first.start:first.end]
	}
	var b strings.Builder
	b.Grow(p.notes[p.nn-1].end - first.start + p.nn)
	b.WriteString(p.text[first.start:first.end])
	for k := 1; k < p.nn; k++ {
		sp := p.notes[k]
		if strings.ContainsAny(p.text[p.notes[k-1].end:sp.start], ",;") {
			b.WriteString(", ")
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(p.text[sp.start:sp.end])
	}
	return b.String()
}

// trimNote trims spaces and separating punctuation from both ends of s.
func trimNote(s string) string {
	start, end := trimSpan(s, 0, len(s))
	return s[start:end]
}

func trimSpan(s string, start, end int) (int, int) {
	sub := s[start:end]
	left := strings.TrimLeftFunc(sub, isNoteEdge)
	start += len(sub) - len(left)
	return start, start + len(strings.TrimRightFunc(left, isNoteEdge))
}

func isNoteEdge(r rune) bool {
	return unicode.IsSpace(r) || strings.ContainsRune(",;:./-–—", r)
}
