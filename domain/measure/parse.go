package measure

import "math"

// Parse reads a measure's text into an Amount. It never fails: text without
// a quantity it can read ("to taste", "", "some", "Garnish") is unmeasurable,
// with the text as its Note. The grammar, in order:
//
//	[modifiers] quantity ["x" quantity unit] [modifiers] [unit] ["plus" quantity unit] [note] [, note]
//
// where modifiers are sizes, words kept in the note ("heaped", "Juice of")
// and brackets, and quantity is a number, a fraction, a mixed number, a
// vulgar fraction, a number word or a range. A bare bundle or trace noun
// ("Pinch") is one of it. See the package documentation for the decisions.
func Parse(text string) Amount {
	var p parser
	p.lex(text)
	if !p.head() || !finite(p.amt.Quantity) {
		return Amount{Note: trimNote(text)}
	}
	p.finish()
	return p.amt
}

// maxNotes bounds the separate pieces of a note; later pieces join the last.
const maxNotes = 6

// parser reads the tokens of one measure into an Amount.
type parser struct {
	lexer
	i         int // the next token
	amt       Amount
	article   bool // the quantity was "a"/"an"
	container bool // the unit is a container: a bracketed size is per item
	alt       Amount
	altEach   bool // the alternative is per item ("400g each")
	altTotal  bool // the alternative is already the total ("2 x 400g")
	notes     [maxNotes]span
	nn        int
}

// span is a part of the text, start inclusive, end exclusive.
type span struct{ start, end int }

// peek returns the token k places ahead, or the end token past the last.
func (p *parser) peek(k int) token {
	if j := p.i + k; j < p.n {
		return p.toks[j]
	}
	return p.toks[p.n]
}

// head reads everything up to the note and reports whether it found an
// amount.
func (p *parser) head() bool {
	p.modifiers(false)
	if p.quantity() {
		if !p.afterQuantity() {
			return false
		}
	} else if !p.bareNoun() {
		return false
	}
	p.plus()
	p.trailing()
	return true
}

// afterQuantity reads an "x 400g", modifiers and the unit. It reports false
// for an article that nothing measurable follows ("a little", "a drizzle").
func (p *parser) afterQuantity() bool {
	p.times()
	mark := p.i
	p.modifiers(true)
	if next := p.peek(0); p.article && p.i == mark && (next.kind == tEnd || next.is(wVague)) {
		return false
	}
	p.unit()
	return true
}

// bareNoun reads a trace or bundle noun without a number: "Pinch" is one.
func (p *parser) bareNoun() bool {
	t := p.peek(0)
	if !t.is(wUnit) || t.w.flags&bare == 0 {
		return false
	}
	p.i++
	p.amt.Quantity, p.amt.HasQuantity = 1, true
	p.setUnit(t.w.unit, t.w.flags)
	return true
}

// modifiers reads sizes, noted modifiers, brackets and filler words before a
// quantity or between a quantity and its unit.
func (p *parser) modifiers(afterNumber bool) {
	for p.modifier(p.peek(0), afterNumber) {
		p.i++
	}
}

func (p *parser) modifier(t token, afterNumber bool) bool {
	switch {
	case t.kind == tParen:
		p.bracket(t)
	case t.kind == tDash:
	case t.is(wArticle):
		// Before the number an article is the number.
		return afterNumber
	case t.is(wOf), t.is(wAnd):
		// "Zest and juice of": a filler belongs to the note it continues.
		if p.nn > 0 && p.i > 0 && p.notes[p.nn-1].end == p.toks[p.i-1].end {
			p.note(t.start, t.end)
		}
	case t.is(wSize), t.is(wExtra), t.is(wModifier):
		p.sizeOrNote(t)
	default:
		return false
	}
	return true
}

// sizeOrNote reads a size ("large", "extra large") or keeps a modifier
// ("heaped", a lone "extra") in the note.
func (p *parser) sizeOrNote(t token) {
	next := p.peek(1)
	switch {
	case t.is(wSize):
		p.amt.Size = t.w.size
	case t.is(wExtra) && next.is(wSize) && next.w.size == "large":
		p.i++
		p.amt.Size = "extra large"
	default:
		p.note(t.start, t.end)
	}
}

// unit reads the unit after a quantity; without one the quantity is a plain
// count.
func (p *parser) unit() {
	if u, ok := p.measuredUnit(); ok {
		p.setUnit(u, 0)
		return
	}
	if t := p.peek(0); t.is(wUnit) {
		p.i++
		p.setUnit(t.w.unit, t.w.flags)
		return
	}
	p.setUnit(Each, 0)
}

func (p *parser) setUnit(u Unit, flags int) {
	p.amt.Unit, p.container = u, flags&container != 0
}

// measuredUnit reads a mass or volume unit, the two-word "fl oz" included.
func (p *parser) measuredUnit() (Unit, bool) {
	t := p.peek(0)
	if next := p.peek(1); t.is(wFluid) && next.is(wUnit) && next.w.unit == Ounce {
		p.i += 2
		return FluidOunce, true
	}
	if t.is(wUnit) && weighable(t.w.unit) {
		p.i++
		return t.w.unit, true
	}
	return Unit{}, false
}

// times reads "x 400g" after a count: "2 x 400g tins" is two tins, 800 g.
func (p *parser) times() {
	if t := p.peek(0); !(t.kind == tTimes || t.is(wTimes)) || !startsNumber(p.peek(1)) {
		return
	}
	mark := p.i
	p.i++
	n, _ := p.number()
	if u, ok := p.measuredUnit(); ok {
		p.setAlt(Amount{Quantity: p.amt.Quantity * n.v, HasQuantity: true, Unit: u}, false)
		p.altTotal = true
		return
	}
	p.i = mark
}

// plus adds a second amount of the same dimension after a mass or volume:
// "1 cup plus 2 tbsp", "1 cup + 2 tbsp", and without a word "1 lb 4 oz" when
// both units are US customary and the second is smaller (a metric second
// amount, "1 cup 240ml", is an equivalent, not an addition).
func (p *parser) plus() {
	first := p.amt.Unit
	if !weighable(first) {
		return
	}
	mark := p.i
	explicit := p.peek(0).kind == tPlus || p.peek(0).is(wPlus)
	if explicit {
		p.i++
	}
	more, u, ok := p.measured(first)
	if ok && (explicit || customary[u] && customary[first] && u.ToBase < first.ToBase) {
		p.amt.Quantity += more
		return
	}
	p.i = mark
}

// measured reads a number and a mass or volume unit and returns the amount
// converted to in, and the unit it was written in.
func (p *parser) measured(in Unit) (float64, Unit, bool) {
	n, ok := p.number()
	if !ok || n.article {
		return 0, Unit{}, false
	}
	u, ok := p.measuredUnit()
	if !ok {
		return 0, Unit{}, false
	}
	v, err := Convert(n.v, u, in)
	return v, u, err == nil
}

// customary are the US customary units.
var customary = map[Unit]bool{Ounce: true, Pound: true, Teaspoon: true, Tablespoon: true, FluidOunce: true,
	Cup: true, Pint: true, Quart: true, Gallon: true}

// weighable reports whether u is a mass or volume, the dimensions that
// convert without a food.
func weighable(u Unit) bool { return u.Dimension == Mass || u.Dimension == Volume }

func finite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }
