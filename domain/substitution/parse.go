package substitution

import (
	"fmt"
	"slices"
	"strings"
)

// The knowledge base is written as blocks. A block opens with an original
// food key in brackets and lists its alternatives below it, best first, one
// a line, fields separated by "|":
//
//	[egg]
//	flaxseed + water as flax egg | 1 tbsp ground flaxseed + 3 tbsp water per egg | impact | reason | baking, cooking
//	apple sauce | 1/4 cup (60 g) per egg | impact | reason | baking
//
// The first field names the main food (a food key; its nutrients give the
// nutrition impact), then any other foods the preparation needs after "+"
// (their flags count for diets and allergens too), then optionally the name to
// show after " as ". Ratio, impact and reason follow. The last field, which
// may be left out, lists the uses the alternative suits; empty means any.
//
// A block written "[semi-skimmed milk] = milk" has no lines of its own and
// shares milk's list. Blank lines and lines starting with # are ignored.

// block is one original and its alternatives as written.
type block struct {
	original string
	sameAs   string // the original whose list this one shares, or ""
	alts     []rawAlt
	where    string // file:line of the header
}

// rawAlt is one alternative as written, before its foods are looked up.
type rawAlt struct {
	foods                 []string // the main food first
	name                  string
	ratio, impact, reason string
	uses                  use
	where                 string
}

// parse reads one knowledge-base file; file names it in errors.
func parse(file, text string) ([]block, error) {
	var blocks []block
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		where := fmt.Sprintf("%s:%d", file, i+1)
		if strings.HasPrefix(line, "[") {
			b, err := parseHeader(line, where)
			if err != nil {
				return nil, err
			}
			blocks = append(blocks, b)
			continue
		}
		if len(blocks) == 0 || blocks[len(blocks)-1].sameAs != "" {
			return nil, fmt.Errorf("substitution: %s: alternative outside a block with a list of its own", where)
		}
		a, err := parseAlt(line, where)
		if err != nil {
			return nil, err
		}
		last := &blocks[len(blocks)-1]
		last.alts = append(last.alts, a)
	}
	return blocks, nil
}

// parseHeader reads "[original]" or "[original] = other".
func parseHeader(line, where string) (block, error) {
	head, same, shared := strings.Cut(line, "=")
	head = strings.TrimSpace(head)
	if len(head) < 2 || !strings.HasSuffix(head, "]") {
		return block{}, fmt.Errorf("substitution: %s: header %q is not [food key]", where, line)
	}
	b := block{original: strings.TrimSpace(head[1 : len(head)-1]), sameAs: strings.TrimSpace(same), where: where}
	if b.original == "" || shared && b.sameAs == "" {
		return block{}, fmt.Errorf("substitution: %s: header %q names no food", where, line)
	}
	return b, nil
}

// parseAlt reads one alternative line.
func parseAlt(line, where string) (rawAlt, error) {
	fields := strings.Split(line, "|")
	if len(fields) < 4 || len(fields) > 5 {
		return rawAlt{}, fmt.Errorf("substitution: %s: want 4 or 5 fields separated by |, got %d", where, len(fields))
	}
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	if slices.Contains(fields[:4], "") {
		return rawAlt{}, fmt.Errorf("substitution: %s: food, ratio, impact and reason must all be given", where)
	}
	a := rawAlt{ratio: fields[1], impact: fields[2], reason: fields[3], where: where}
	var err error
	if a.foods, a.name, err = parseFoods(fields[0]); err != nil {
		return rawAlt{}, fmt.Errorf("substitution: %s: %w", where, err)
	}
	if len(fields) == 5 {
		if a.uses, err = parseUses(fields[4]); err != nil {
			return rawAlt{}, fmt.Errorf("substitution: %s: %w", where, err)
		}
	}
	return a, nil
}

// parseFoods reads "main + other … as name"; the name defaults to the main food.
func parseFoods(field string) (foods []string, name string, err error) {
	list, name, _ := strings.Cut(field, " as ")
	for f := range strings.SplitSeq(list, "+") {
		if f = strings.TrimSpace(f); f == "" {
			return nil, "", fmt.Errorf("empty food in %q", field)
		}
		foods = append(foods, f)
	}
	if name = strings.TrimSpace(name); name == "" {
		name = foods[0]
	}
	return foods, name, nil
}
