package food

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
)

// requiredColumns must all appear in the header; alcohol_g may be left out.
var requiredColumns = []string{
	"key", "aliases", "plural", "section", "kcal", "protein_g", "carbohydrate_g", "fat_g",
	"fiber_g", "sugars_g", "sodium_mg", "density_g_per_ml", "unit_g", "unit_name", "flags",
	"source", "fdc_id",
}

const optionalColumn = "alcohol_g"

// Parse reads a food table in the format of the embedded foods.csv: a header
// row naming the columns, then one food per row; lines starting with # are
// comments. It rejects unknown sections and flags, bad or negative numbers and
// a name (key, alias or plural) used by two foods, naming the offending line.
func Parse(r io.Reader) (*Table, error) {
	cr := csv.NewReader(r)
	cr.Comment = '#'
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("food: reading header: %w", err)
	}
	cols, err := columnIndex(header)
	if err != nil {
		return nil, fmt.Errorf("food: line 1: %w", err)
	}
	var foods []Food
	owner := map[string]int{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("food: %w", err)
		}
		line, _ := cr.FieldPos(0)
		f, err := parseRow(rec, cols)
		if err == nil {
			err = claimNames(owner, foods, &f)
		}
		if err != nil {
			return nil, fmt.Errorf("food: line %d: %w", line, err)
		}
		foods = append(foods, f)
	}
	return newTable(foods), nil
}

// columnIndex maps column names to positions and checks the header is complete.
func columnIndex(header []string) (map[string]int, error) {
	cols := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.TrimSpace(h)
		if !slices.Contains(requiredColumns, h) && h != optionalColumn {
			return nil, fmt.Errorf("unknown column %q", h)
		}
		if _, dup := cols[h]; dup {
			return nil, fmt.Errorf("column %q appears twice", h)
		}
		cols[h] = i
	}
	for _, c := range requiredColumns {
		if _, ok := cols[c]; !ok {
			return nil, fmt.Errorf("missing column %q", c)
		}
	}
	return cols, nil
}

// claimNames records the new food's normalised names, refusing any that an
// earlier food (or the same one) already uses: a name must lead to one food.
func claimNames(owner map[string]int, foods []Food, f *Food) error {
	self := len(foods)
	for _, n := range explicitNames(f) {
		norm := normalize(n)
		if norm == "" {
			return fmt.Errorf("name %q has no letters or digits", n)
		}
		if i, taken := owner[norm]; taken {
			if i == self {
				return fmt.Errorf("%q lists %q twice", f.Key, norm)
			}
			return fmt.Errorf("name %q of %q is already used by %q", n, f.Key, foods[i].Key)
		}
		owner[norm] = self
	}
	return nil
}

// parseRow turns one record into a Food, validating every field.
func parseRow(rec []string, cols map[string]int) (Food, error) {
	p := fields{rec: rec, cols: cols}
	f := Food{
		Key:      p.text("key"),
		Aliases:  p.list("aliases"),
		Plural:   p.text("plural"),
		Section:  p.text("section"),
		UnitName: p.text("unit_name"),
		Source:   p.text("source"),
		Per100g: Nutrients{
			Calories: p.amount("kcal"), Protein: p.amount("protein_g"),
			Carbohydrate: p.amount("carbohydrate_g"), Fat: p.amount("fat_g"),
			Fiber: p.amount("fiber_g"), Sugars: p.amount("sugars_g"), Sodium: p.amount("sodium_mg"),
		},
		Alcohol:   p.optional("alcohol_g", true),
		Density:   p.optional("density_g_per_ml", false),
		UnitGrams: p.optional("unit_g", false),
		Flags:     p.flags("flags"),
		FDCID:     p.fdcID("fdc_id"),
	}
	if p.err != nil {
		return Food{}, p.err
	}
	return f, checkFood(&f)
}

// checkFood applies the rules that span fields.
func checkFood(f *Food) error {
	switch {
	case f.Key == "":
		return errors.New("key is empty")
	case f.Key != strings.ToLower(f.Key):
		return fmt.Errorf("key %q must be lower case", f.Key)
	case f.UnitName != "" && f.UnitGrams == 0:
		return fmt.Errorf("%q has unit_name %q but no unit_g", f.Key, f.UnitName)
	}
	// The data file must use the contract's exact spelling; only user input is
	// matched case-insensitively (CanonicalSection).
	if !slices.Contains(sections[:], f.Section) {
		return fmt.Errorf("%q: unknown section %q", f.Key, f.Section)
	}
	return nil
}

// fields reads named cells of one record, keeping the first error so a row
// can be read in one expression and checked once.
type fields struct {
	rec  []string
	cols map[string]int
	err  error
}

func (p *fields) text(col string) string {
	i, ok := p.cols[col]
	if !ok {
		return ""
	}
	return strings.TrimSpace(p.rec[i])
}

func (p *fields) fail(col, v, why string) {
	if p.err == nil {
		p.err = fmt.Errorf("%s %q: %s", col, v, why)
	}
}

// list splits a |-separated cell, dropping nothing silently: an empty item is an error.
func (p *fields) list(col string) []string {
	v := p.text(col)
	if v == "" {
		return nil
	}
	items := strings.Split(v, "|")
	for i, it := range items {
		items[i] = strings.TrimSpace(it)
		if items[i] == "" {
			p.fail(col, v, "empty item")
		}
	}
	return items
}

// number parses a finite, non-negative decimal.
func (p *fields) number(col, v string) float64 {
	x, err := strconv.ParseFloat(v, 64)
	switch {
	case err != nil || math.IsNaN(x) || math.IsInf(x, 0):
		p.fail(col, v, "not a number")
	case x < 0:
		p.fail(col, v, "negative")
	}
	return x
}

// amount reads a required nutrient amount.
func (p *fields) amount(col string) float64 {
	v := p.text(col)
	if v == "" {
		p.fail(col, v, "missing")
		return 0
	}
	return p.number(col, v)
}

// optional reads a cell that may be empty (0). Zero is accepted only where it
// means something (no alcohol); a density or unit weight of 0 is a typo.
func (p *fields) optional(col string, zeroOK bool) float64 {
	v := p.text(col)
	if v == "" {
		return 0
	}
	x := p.number(col, v)
	if x == 0 && !zeroOK {
		p.fail(col, v, "must be positive or empty")
	}
	return x
}

func (p *fields) flags(col string) Flags {
	var set Flags
	for _, name := range p.list(col) {
		f, ok := ParseFlag(name)
		if !ok {
			p.fail(col, name, "unknown flag")
		}
		set |= f
	}
	return set.withImplied()
}

func (p *fields) fdcID(col string) int {
	v := p.text(col)
	if v == "" {
		return 0
	}
	id, err := strconv.Atoi(v)
	if err != nil || id <= 0 {
		p.fail(col, v, "not a positive integer")
	}
	return id
}
