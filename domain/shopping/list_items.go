package shopping

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
)

// Bounds on what a person types into a list. Field names in errors are the
// contract's JSON names (the section is "category").
const (
	MaxItemNameLength = 200
	MaxNoteLength     = 500
	MaxUnitLength     = 30
	MaxQuantity       = 1_000_000
)

var errItemNotFound = domain.NotFound("item not found")

// NewItem is an item a person adds by hand. Quantity 0 means none; Section ""
// lets the food table decide.
type NewItem struct {
	Name     string
	Quantity float64
	Unit     string
	Section  string
	Note     string
}

// Validate reports every bad field of n.
func (n NewItem) Validate() error {
	var fe domain.FieldErrors
	checkText(&fe, "name", n.Name, true, MaxItemNameLength)
	checkQuantity(&fe, n.Quantity)
	checkText(&fe, "unit", n.Unit, false, MaxUnitLength)
	if strings.TrimSpace(n.Section) != "" {
		checkSection(&fe, n.Section)
	}
	checkText(&fe, "note", n.Note, false, MaxNoteLength)
	return fe.Err()
}

// AddItem adds n through AddManual: an unchecked item of the same food whose
// unit converts absorbs the quantity, keeping its own section (and its note,
// unless it has none); otherwise a new manual item joins with an ID from
// newID and the section given, or the food's. It returns the item added or
// the one that absorbed it.
func (l *List) AddItem(n NewItem, table *food.Table, newID func() string, now time.Time) (Item, error) {
	if err := n.Validate(); err != nil {
		return Item{}, err
	}
	// Every item has an ID before AddManual, so the one without is the new one.
	AssignIDs(l.Items, newID)
	items, it := AddManual(l.Items, n.Name, n.Quantity, n.Unit, table)
	i := slices.IndexFunc(items, func(x Item) bool { return x.ID == it.ID })
	if it.ID == "" {
		items[i].ID = newID()
		if s, ok := food.CanonicalSection(n.Section); ok {
			items[i].Section = s
		}
	}
	if note := strings.TrimSpace(n.Note); note != "" && items[i].Note == "" {
		items[i].Note = note
	}
	added := items[i]
	sortItems(items)
	l.Items, l.UpdatedAt = items, now
	return added, nil
}

// ItemEdit changes some fields of an item; nil fields stay as they are.
type ItemEdit struct {
	Checked  *bool
	Name     *string
	Quantity *float64 // 0 clears the quantity (and the unit with it)
	Unit     *string
	Section  *string
	Note     *string
}

// Validate reports every bad field of e.
func (e ItemEdit) Validate() error {
	var fe domain.FieldErrors
	if e.Name != nil {
		checkText(&fe, "name", *e.Name, true, MaxItemNameLength)
	}
	if e.Quantity != nil {
		checkQuantity(&fe, *e.Quantity)
	}
	if e.Unit != nil {
		checkText(&fe, "unit", *e.Unit, false, MaxUnitLength)
	}
	if e.Section != nil {
		checkSection(&fe, *e.Section)
	}
	if e.Note != nil {
		checkText(&fe, "note", *e.Note, false, MaxNoteLength)
	}
	return fe.Err()
}

// EditItem applies e to the item with the given id and returns it as edited.
// A new name changes only what the item shows: it stays the same food for
// absorption and regeneration. NOT_FOUND when no item has the id.
func (l *List) EditItem(id string, e ItemEdit, table *food.Table, now time.Time) (Item, error) {
	if err := e.Validate(); err != nil {
		return Item{}, err
	}
	i := slices.IndexFunc(l.Items, func(it Item) bool { return it.ID == id })
	if id == "" || i < 0 {
		return Item{}, errItemNotFound
	}
	e.apply(&l.Items[i], table)
	edited := l.Items[i]
	sortItems(l.Items)
	l.UpdatedAt = now
	return edited, nil
}

// apply writes the fields e sets onto it; e is valid.
func (e ItemEdit) apply(it *Item, table *food.Table) {
	if e.Checked != nil {
		it.Checked = *e.Checked
	}
	if e.Name != nil {
		it.Name = strings.TrimSpace(*e.Name)
	}
	if e.Note != nil {
		it.Note = strings.TrimSpace(*e.Note)
	}
	if e.Section != nil {
		it.Section, _ = food.CanonicalSection(*e.Section)
	}
	if e.Quantity != nil || e.Unit != nil {
		requantify(it, e, table)
	}
}

// requantify shows an item in the quantity and unit typed and keeps its exact
// Amount, Dimension and the group in its Key in step with them, because
// absorption converts into the group the Key names.
func requantify(it *Item, e ItemEdit, table *food.Table) {
	q := measure.Parse(it.Quantity).Quantity
	if e.Quantity != nil {
		q = *e.Quantity
	}
	unit := it.Unit
	if e.Unit != nil {
		unit = strings.TrimSpace(*e.Unit)
	}
	a, u := typedAmount(q, unit)
	var f *food.Food
	if table != nil && it.Food != "" {
		f, _ = table.Lookup(it.Food)
	}
	p := portionOf(a, Source{}, it.Name, f, 1)
	it.Amount, it.Dimension, it.Quantity, it.Unit = 0, measure.Unmeasured, "", ""
	if p.measured {
		it.Amount, it.Dimension = p.base, p.native.dim
		it.Quantity, it.Unit = formatManual(q, u), unitLabel(u, q)
	}
	it.Key = it.Key[:strings.LastIndexByte(it.Key, '|')+1] + p.native.key()
}

// RemoveItem deletes the item with the given id. NOT_FOUND when none has it.
func (l *List) RemoveItem(id string, now time.Time) error {
	i := slices.IndexFunc(l.Items, func(it Item) bool { return it.ID == id })
	if id == "" || i < 0 {
		return errItemNotFound
	}
	l.Items = slices.Delete(l.Items, i, i+1)
	l.UpdatedAt = now
	return nil
}

// UncheckAll clears every item's Checked state.
func (l *List) UncheckAll(now time.Time) {
	for i := range l.Items {
		l.Items[i].Checked = false
	}
	l.UpdatedAt = now
}

// checkText reports a blank required value or one longer than max characters.
func checkText(fe *domain.FieldErrors, field, value string, required bool, max int) {
	switch n := utf8.RuneCountInString(strings.TrimSpace(value)); {
	case required && n == 0:
		fe.Add(field, field+" is required")
	case n > max:
		fe.Add(field, fmt.Sprintf("%s must be at most %d characters", field, max))
	}
}

func checkQuantity(fe *domain.FieldErrors, q float64) {
	if math.IsNaN(q) || q < 0 || q > MaxQuantity {
		fe.Add("quantity", fmt.Sprintf("quantity must be a number from 0 to %d", MaxQuantity))
	}
}

func checkSection(fe *domain.FieldErrors, section string) {
	if _, ok := food.CanonicalSection(section); !ok {
		fe.Add("category", "category must be one of the shopping sections")
	}
}
