package measure

import "math"

// numeral is one number read from the text.
type numeral struct {
	v       float64
	ranged  bool // "few" stands for the range 2–3
	article bool // "a"/"an": one only if something measurable follows
}

// number reads one number: digits, a fraction, a mixed number, a vulgar
// fraction, a number word or an article. It consumes nothing when there is
// none.
func (p *parser) number() (numeral, bool) {
	t := p.peek(0)
	switch {
	case t.kind == tNum:
		p.i++
		return numeral{v: p.fractionTail(t.val)}, true
	case t.kind == tFrac:
		p.i++
		return numeral{v: t.val}, true
	case t.is(wNumber), t.is(wDozen):
		p.i++
		return numeral{v: t.w.value, ranged: t.w.ranged}, true
	case t.is(wArticle):
		p.i++
		// "a half", "a quarter", "a couple", "a few", "a dozen"
		if next := p.peek(0); next.is(wNumber) || next.is(wDozen) {
			p.i++
			return numeral{v: next.w.value, ranged: next.w.ranged}, true
		}
		return numeral{v: 1, article: true}, true
	}
	return numeral{}, false
}

// fractionTail completes a number that began with digits a: "a/b", "a b/c",
// "a-b/c", "a½". The mixed forms need a proper fraction, so that "1-2" stays
// a range and "1-1/2" is one and a half.
func (p *parser) fractionTail(a float64) float64 {
	t1, t2, t3, t4 := p.peek(0), p.peek(1), p.peek(2), p.peek(3)
	switch {
	case t1.kind == tFrac:
		p.i++
		return a + t1.val
	case t1.kind == tSlash && t2.kind == tNum && t2.val != 0:
		p.i += 2
		return a / t2.val
	case isProper(t1, t2, t3):
		p.i += 3
		return a + t1.val/t3.val
	case t1.kind == tDash && a == math.Trunc(a) && isProper(t2, t3, t4):
		p.i += 4
		return a + t2.val/t4.val
	}
	return a
}

// isProper reports whether num slash den is a fraction below one.
func isProper(num, slash, den token) bool {
	return num.kind == tNum && slash.kind == tSlash && den.kind == tNum && num.val < den.val
}

// startsNumber reports whether t can begin the second number of a range.
func startsNumber(t token) bool {
	return t.kind == tNum || t.kind == tFrac || t.is(wNumber)
}

// quantity reads a whole quantity: a number, "and a half", a range's upper
// bound, and dozens. It sets the Amount's Quantity and reports whether there
// was one.
func (p *parser) quantity() bool {
	n, ok := p.number()
	if !ok {
		return false
	}
	v := p.andFraction(n.v)
	if hi, ok := p.rangeTail(); ok {
		v, n.ranged = max(v, hi), true
	}
	p.article = n.article
	p.amt.Quantity = v * p.dozens()
	p.amt.HasQuantity, p.amt.Ranged = true, n.ranged
	return true
}

// andFraction adds "and a half", "and 1/2", "and ½" to v.
func (p *parser) andFraction(v float64) float64 {
	if !p.peek(0).is(wAnd) {
		return v
	}
	mark := p.i
	p.i++
	if f, ok := p.number(); ok && !f.article && f.v < 1 {
		return v + f.v
	}
	p.i = mark
	return v
}

// rangeTail reads "-3", "to 3" or "or 3" after the first number of a range
// and returns the second.
func (p *parser) rangeTail() (float64, bool) {
	sep := p.peek(0)
	if !(sep.kind == tDash || sep.is(wRange)) || !startsNumber(p.peek(1)) {
		return 0, false
	}
	p.i++
	n, _ := p.number()
	return p.andFraction(n.v), true
}

// dozens reads "dozen" or "a dozen" after a number and returns the factor.
func (p *parser) dozens() float64 {
	switch {
	case p.peek(0).is(wDozen):
		p.i++
	case p.peek(0).is(wArticle) && p.peek(1).is(wDozen):
		p.i += 2
	default:
		return 1
	}
	return 12
}
