package shopping

import (
	"fmt"
	"math"
	"slices"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/food"
	"github.com/mealplanner/backend/domain/measure"
	"github.com/mealplanner/backend/domain/planning"
)

var (
	listStart = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	listLater = listStart.Add(time.Hour)
)

// counter hands out ids "id-1", "id-2", … so tests can predict them.
func counter() func() string {
	n := 0
	return func() string { n++; return fmt.Sprintf("id-%d", n) }
}

// mustList is a list of the given lines, generated with ids from newID.
func mustList(t *testing.T, newID func() string, lines ...Line) *List {
	t.Helper()
	l, err := NewList("l1", "u1", planning.NewDate(2026, 11, 25), "", listStart)
	if err != nil {
		t.Fatal(err)
	}
	l.Regenerate(weekItems(t, lines...), Replace, newID, listStart)
	return l
}

func itemByKey(t *testing.T, l *List, key string) Item {
	t.Helper()
	it, ok := find(l.Items, key)
	if !ok {
		t.Fatalf("no item %q in %+v", key, l.Items)
	}
	return it
}

func ptr[T any](v T) *T { return &v }

func wantCode(t *testing.T, err error, code domain.Code) {
	t.Helper()
	if domain.ErrorCode(err) != code {
		t.Fatalf("error %v, want %s", err, code)
	}
}

func TestNewListNamesTheWeek(t *testing.T) {
	t.Parallel()
	l := mustList(t, counter())
	if l.Name != "Week of Nov 22, 2026" || l.WeekStart != planning.NewDate(2026, 11, 22) || l.Items == nil {
		t.Errorf("list = %+v", l)
	}
	if err := l.Rename("  Party  ", listLater); err != nil || l.Name != "Party" || !l.UpdatedAt.Equal(listLater) {
		t.Errorf("rename: %v %+v", err, l)
	}
	for _, bad := range []string{"", "   ", string(make([]rune, 201))} {
		if err := l.Rename(bad, listLater); domain.ErrorCode(err) != domain.CodeValidation {
			t.Errorf("rename %q: %v", bad, err)
		}
	}
	if l.Name != "Party" {
		t.Errorf("a refused rename changed the name to %q", l.Name)
	}
}

func TestAddItem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name                string
		in                  NewItem
		wantKey, wantQty    string
		wantUnit, wantSect  string
		wantItems           int
		wantManual, wantNew bool
	}{
		{"absorbed by unchecked milk", NewItem{Name: "milk", Quantity: 300, Unit: "ml"},
			"milk|volume", "500", "ml", "Dairy & Eggs", 3, false, false},
		{"category ignored when absorbed", NewItem{Name: "Milk", Quantity: 1, Unit: "cup", Section: "Beverages"},
			"milk|volume", "437", "ml", "Dairy & Eggs", 3, false, false},
		{"checked garlic does not absorb", NewItem{Name: "garlic", Quantity: 2, Unit: "cloves"},
			"manual:garlic|count:clove", "2", "cloves", "Produce", 4, true, true},
		{"unknown food goes to Other", NewItem{Name: "Kitchen foil"},
			"manual:kitchen foil|none", "", "", "Other", 4, true, true},
		{"category given in any case", NewItem{Name: "Kitchen foil", Quantity: 1, Unit: "roll", Section: "snacks"},
			"manual:kitchen foil|count:roll", "1", "roll", "Snacks", 4, true, true},
		{"a bag of milk stays apart", NewItem{Name: "milk", Quantity: 1, Unit: "bag"},
			"manual:milk|count:bag", "1", "bag", "Dairy & Eggs", 4, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			newID := counter()
			l := mustList(t, newID, Line{"milk", "200 ml"}, Line{"garlic", "3 cloves"}, Line{"egg", "2"})
			for i := range l.Items {
				l.Items[i].Checked = l.Items[i].Food == "garlic"
			}
			got, err := l.AddItem(tt.in, mustTable(t), newID, listLater)
			if err != nil {
				t.Fatal(err)
			}
			if got.Key != tt.wantKey || got.Quantity != tt.wantQty || got.Unit != tt.wantUnit ||
				got.Section != tt.wantSect || got.Manual != tt.wantManual || len(l.Items) != tt.wantItems {
				t.Errorf("added %+v (%d items)", got, len(l.Items))
			}
			if stored, _ := find(l.Items, tt.wantKey); stored.ID != got.ID || got.ID == "" {
				t.Errorf("returned item %q is not the stored one %q", got.ID, stored.ID)
			}
			if isNew := got.ID == "id-4"; isNew != tt.wantNew {
				t.Errorf("id %q: new %v, want %v", got.ID, isNew, tt.wantNew)
			}
			checkSorted(t, l.Items)
		})
	}
}

func TestAddItemNoteAndValidation(t *testing.T) {
	t.Parallel()
	l := mustList(t, counter(), Line{"milk", "200 ml"})
	it, err := l.AddItem(NewItem{Name: "milk", Quantity: 100, Unit: "ml", Note: " semi-skimmed "}, mustTable(t), counter(), listLater)
	if err != nil || it.Note != "semi-skimmed" || it.Quantity != "300" {
		t.Fatalf("absorbing item takes the note when it has none: %+v %v", it, err)
	}
	it, _ = l.AddItem(NewItem{Name: "milk", Quantity: 100, Unit: "ml", Note: "oat"}, mustTable(t), counter(), listLater)
	if it.Note != "semi-skimmed" || it.Quantity != "400" {
		t.Errorf("an existing note is kept: %+v", it)
	}
	bad := []NewItem{{Name: " "}, {Name: "x", Quantity: -1}, {Name: "x", Quantity: math.NaN()},
		{Name: "x", Quantity: MaxQuantity + 1}, {Name: "x", Section: "Garden"}, {Name: "x", Note: string(make([]rune, 501))},
		{Name: "x", Unit: string(make([]rune, 31))}}
	for _, in := range bad {
		before := len(l.Items)
		_, err := l.AddItem(in, mustTable(t), counter(), listLater)
		wantCode(t, err, domain.CodeValidation)
		if len(l.Items) != before {
			t.Errorf("%+v: a refused item was added", in)
		}
	}
}

func TestEditItem(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name              string
		key               string
		edit              ItemEdit
		wantKey, wantName string
		wantQty, wantUnit string
		wantSection       string
		wantAmount        float64
		wantDim           measure.Dimension
		wantChecked       bool
	}{
		{"check", "milk|volume", ItemEdit{Checked: ptr(true)},
			"milk|volume", "milk", "200", "ml", "Dairy & Eggs", 200, measure.Volume, true},
		{"rename keeps the food", "milk|volume", ItemEdit{Name: ptr(" oat milk ")},
			"milk|volume", "oat milk", "200", "ml", "Dairy & Eggs", 200, measure.Volume, false},
		{"quantity in the same unit", "milk|volume", ItemEdit{Quantity: ptr(1.5), Unit: ptr("l")},
			"milk|volume", "milk", "1.5", "l", "Dairy & Eggs", 1500, measure.Volume, false},
		{"unit of another dimension rekeys", "milk|volume", ItemEdit{Unit: ptr("g")},
			"milk|mass", "milk", "200", "g", "Dairy & Eggs", 200, measure.Mass, false},
		{"quantity 0 clears unit", "milk|volume", ItemEdit{Quantity: ptr(0.0)},
			"milk|none", "milk", "", "", "Dairy & Eggs", 0, measure.Unmeasured, false},
		{"count noun spelt as plural", "garlic|count:clove", ItemEdit{Quantity: ptr(5.0)},
			"garlic|count:clove", "garlic", "5", "cloves", "Produce", 5, measure.Count, false},
		{"category canonicalised", "egg|count", ItemEdit{Section: ptr("pantry"), Note: ptr(" free range ")},
			"egg|count", "eggs", "2", "", "Pantry", 2, measure.Count, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l := mustList(t, counter(), Line{"milk", "200 ml"}, Line{"garlic", "3 cloves"}, Line{"egg", "2"})
			id := itemByKey(t, l, tt.key).ID
			got, err := l.EditItem(id, tt.edit, mustTable(t), listLater)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != id || got.Key != tt.wantKey || got.Name != tt.wantName || got.Quantity != tt.wantQty ||
				got.Unit != tt.wantUnit || got.Section != tt.wantSection || got.Checked != tt.wantChecked ||
				math.Abs(got.Amount-tt.wantAmount) > 1e-9 || got.Dimension != tt.wantDim {
				t.Errorf("edited %+v", got)
			}
			if stored := itemByKey(t, l, tt.wantKey); stored.ID != id || !l.UpdatedAt.Equal(listLater) {
				t.Errorf("stored %+v", stored)
			}
			checkSorted(t, l.Items)
		})
	}
}

// TestEditedItemStillAbsorbs: after a unit change the item absorbs in its new
// dimension, not the one it was generated in.
func TestEditedItemStillAbsorbs(t *testing.T) {
	t.Parallel()
	l := mustList(t, counter(), Line{"butter", "100 g"})
	id := itemByKey(t, l, "butter|mass").ID
	if _, err := l.EditItem(id, ItemEdit{Quantity: ptr(1.0), Unit: ptr("cup")}, mustTable(t), listLater); err != nil {
		t.Fatal(err)
	}
	got, err := l.AddItem(NewItem{Name: "butter", Quantity: 2, Unit: "tbsp"}, mustTable(t), counter(), listLater)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != id || got.Key != "butter|volume" || math.Abs(got.Amount-(236.5882365+2*14.78676478125)) > 1e-6 {
		t.Errorf("absorbed as %+v", got)
	}
}

func TestEditItemRefusals(t *testing.T) {
	t.Parallel()
	l := mustList(t, counter(), Line{"milk", "200 ml"})
	id := l.Items[0].ID
	tests := []struct {
		name string
		id   string
		edit ItemEdit
		code domain.Code
	}{
		{"unknown id", "nope", ItemEdit{Checked: ptr(true)}, domain.CodeNotFound},
		{"empty id", "", ItemEdit{Checked: ptr(true)}, domain.CodeNotFound},
		{"unknown category", id, ItemEdit{Section: ptr("Garden")}, domain.CodeValidation},
		{"blank name", id, ItemEdit{Name: ptr("  ")}, domain.CodeValidation},
		{"negative quantity", id, ItemEdit{Quantity: ptr(-2.0)}, domain.CodeValidation},
		{"long note", id, ItemEdit{Note: ptr(string(make([]rune, 501)))}, domain.CodeValidation},
	}
	for _, tt := range tests {
		before := l.Clone()
		_, err := l.EditItem(tt.id, tt.edit, mustTable(t), listLater)
		wantCode(t, err, tt.code)
		if !slices.EqualFunc(before.Items, l.Items, func(a, b Item) bool { return a.ID == b.ID && a.Name == b.Name && a.Checked == b.Checked }) {
			t.Errorf("%s: a refused edit changed the list", tt.name)
		}
	}
}

func TestRemoveItemAndUncheckAll(t *testing.T) {
	t.Parallel()
	l := mustList(t, counter(), Line{"milk", "200 ml"}, Line{"egg", "2"}, Line{"onion", "1"})
	for i := range l.Items {
		l.Items[i].Checked = true
	}
	if !l.Complete() {
		t.Fatal("all checked should be complete")
	}
	egg := itemByKey(t, l, "egg|count").ID
	if err := l.RemoveItem(egg, listLater); err != nil || len(l.Items) != 2 {
		t.Fatalf("remove: %v, %d items", err, len(l.Items))
	}
	wantCode(t, l.RemoveItem(egg, listLater), domain.CodeNotFound)
	l.UncheckAll(listLater)
	sections, checked, total := l.Progress()
	if checked != 0 || total != 2 || len(sections) != 2 || l.Complete() {
		t.Errorf("after uncheck all: %+v %d/%d", sections, checked, total)
	}
	empty := mustList(t, counter())
	if empty.Complete() {
		t.Error("an empty list is not complete")
	}
}

// checkSorted asserts the contract's order: sections in store order, then names.
func checkSorted(t *testing.T, items []Item) {
	t.Helper()
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		ra, rb := food.SectionRank(a.Section), food.SectionRank(b.Section)
		if ra > rb || ra == rb && a.Name > b.Name {
			t.Errorf("items out of order at %d: %q (%s) before %q (%s)", i, a.Name, a.Section, b.Name, b.Section)
		}
	}
}
