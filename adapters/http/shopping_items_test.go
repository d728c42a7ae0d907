package http_test

import (
	"testing"
)

func TestShoppingItemAdd(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	path := "/api/v1/shopping-lists/" + l.ID + "/items"
	tests := []struct {
		name                string
		body                any
		item                string
		qty, unit, category string
		manual              bool
		total               int
		from                string // the frontend's shape: quantity as a string and addedManually
	}{
		{name: "absorbed by the unchecked butter", body: map[string]any{"name": "Butter", "quantity": 50, "unit": "g"},
			item: "butter", qty: "100", unit: "g", category: "Dairy & Eggs", total: len(l.Items)},
		{name: "new item, section from the food table", body: map[string]any{"name": "bananas", "quantity": "6"},
			item: "bananas", qty: "6", category: "Produce", manual: true, total: len(l.Items) + 1},
		{name: "category given in any case", body: map[string]any{"name": "Paper towels", "quantity": "1 1/2",
			"unit": "roll", "category": "other", "addedManually": true},
			item: "Paper towels", qty: "1.5", unit: "roll", category: "Other", manual: true, total: len(l.Items) + 2},
		{name: "no quantity", body: map[string]any{"name": "birthday candles", "quantity": ""},
			item: "birthday candles", category: "Other", manual: true, total: len(l.Items) + 3},
	}
	for _, tt := range tests {
		res := a.do("POST", path, cook.Token, tt.body)
		wantStatus(t, res, 201)
		got := decodeList(t, res)
		it := got.item(t, tt.item)
		if it.Quantity != tt.qty || it.Unit != tt.unit || it.Category != tt.category || it.AddedManually != tt.manual ||
			got.TotalCount != tt.total || len(got.Items) != tt.total {
			t.Errorf("%s: %+v, %d items", tt.name, it, got.TotalCount)
		}
	}
}

func TestShoppingItemAddRefusals(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	path := "/api/v1/shopping-lists/" + a.generate(cook.Token, planID).ID + "/items"
	errs := []struct {
		body any
		text string
	}{
		{map[string]any{"quantity": 1}, "name is required"},
		{map[string]any{"name": "x", "category": "Garden"}, "category must be one of the shopping sections"},
		{map[string]any{"name": "x", "quantity": -1}, "quantity must be a non-negative number"},
		{map[string]any{"name": "x", "quantity": "two"}, "quantity must be a non-negative number"},
		{map[string]any{"name": "x", "quantity": "NaN"}, "quantity must be a non-negative number"},
		{map[string]any{"name": "x", "quantity": 2e6}, "quantity must be a number from 0 to 1000000"},
		{map[string]any{"name": "x", "quantity": true}, "quantity must be a non-negative number"},
		{map[string]any{"name": 3}, "name must be a string"},
	}
	for _, e := range errs {
		wantError(t, a.do("POST", path, cook.Token, e.body), 400, e.text)
	}
	wantError(t, a.do("POST", "/api/v1/shopping-lists/nope/items", cook.Token, map[string]any{"name": "x"}), 404, "shopping list not found")
}

func TestShoppingItemEditRemoveAndUncheck(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	base := "/api/v1/shopping-lists/" + l.ID
	flour := l.item(t, "all-purpose flour")
	res := a.do("PATCH", base+"/items/"+flour.ID, cook.Token, map[string]any{"checked": true, "quantity": "0.5",
		"unit": "kg", "category": "bakery", "note": "strong white"})
	wantStatus(t, res, 200)
	got := decodeList(t, res)
	if f := got.item(t, "all-purpose flour"); !f.Checked || f.Quantity != "0.5" || f.Unit != "kg" || f.Category != "Bakery" ||
		f.Note != "strong white" || f.ID != flour.ID {
		t.Errorf("flour = %+v", f)
	}
	if got.CheckedCount != 1 || sectionChecked(got, "Bakery") != 1 {
		t.Errorf("counts: %d checked, sections %+v", got.CheckedCount, got.Sections)
	}
	wantError(t, a.do("PATCH", base+"/items/nope", cook.Token, map[string]any{"checked": true}), 404, "item not found")
	wantError(t, a.do("PATCH", base+"/items/"+flour.ID, cook.Token, map[string]any{"category": "Garden"}), 400,
		"category must be one of the shopping sections")
	wantError(t, a.do("PATCH", base+"/items/"+flour.ID, cook.Token, map[string]any{"checked": "yes"}), 400, "checked must be a boolean")
	wantError(t, a.do("PATCH", base+"/items/"+flour.ID, cook.Token, map[string]any{"name": " "}), 400, "name is required")

	res = a.do("DELETE", base+"/items/"+flour.ID, cook.Token, nil)
	wantStatus(t, res, 200)
	if got = decodeList(t, res); got.TotalCount != len(l.Items)-1 || got.CheckedCount != 0 {
		t.Errorf("after removal: %d/%d", got.CheckedCount, got.TotalCount)
	}
	wantError(t, a.do("DELETE", base+"/items/"+flour.ID, cook.Token, nil), 404, "item not found")

	for _, it := range got.Items[:2] {
		wantStatus(t, a.do("PATCH", base+"/items/"+it.ID, cook.Token, map[string]bool{"checked": true}), 200)
	}
	res = a.do("POST", base+"/uncheck-all", cook.Token, nil)
	wantStatus(t, res, 200)
	if got = decodeList(t, res); got.CheckedCount != 0 || got.TotalCount != len(l.Items)-1 {
		t.Errorf("after uncheck-all: %d/%d", got.CheckedCount, got.TotalCount)
	}
}

// TestCheckingEverythingCompletesTheList: the last check records
// complete_shopping_list, once.
func TestCheckingEverythingCompletesTheList(t *testing.T) {
	a, cook, planID := newShopAPI(t)
	l := a.generate(cook.Token, planID)
	var got shopList
	for _, it := range l.Items {
		res := a.do("PATCH", "/api/v1/shopping-lists/"+l.ID+"/items/"+it.ID, cook.Token, map[string]bool{"checked": true})
		wantStatus(t, res, 200)
		got = decodeList(t, res)
	}
	wantStatus(t, a.do("PATCH", "/api/v1/shopping-lists/"+l.ID+"/items/"+l.Items[0].ID, cook.Token, map[string]bool{"checked": true}), 200)
	if got.CheckedCount != got.TotalCount || got.TotalCount != len(l.Items) {
		t.Fatalf("counts %d/%d", got.CheckedCount, got.TotalCount)
	}
	for _, s := range got.Sections {
		if s.Checked != s.Total {
			t.Errorf("section %+v not complete", s)
		}
	}
	if err := a.app.Shopping.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
	completions := 0
	for _, act := range a.get("/api/v1/users/me/activities", cook.Token, 200).List(t) {
		if m := act.(map[string]any); m["action"] == "complete_shopping_list" && m["relatedId"] == l.ID {
			completions++
		}
	}
	if completions != 1 {
		t.Errorf("%d completions recorded, want 1", completions)
	}
}

func sectionChecked(l shopList, name string) int {
	for _, s := range l.Sections {
		if s.Name == name {
			return s.Checked
		}
	}
	return -1
}
