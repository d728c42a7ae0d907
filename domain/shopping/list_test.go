package shopping

import (
	"reflect"
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

func weekItems(t *testing.T, lines ...Line) []Item {
	t.Helper()
	plan := []PlannedRecipe{{RecipeID: 1, RecipeName: "R", Servings: 2, RecipeServings: 2, Ingredients: lines}}
	return Consolidate(plan, mustTable(t), measure.Metric)
}

func find(items []Item, key string) (Item, bool) {
	for _, it := range items {
		if it.Key == key {
			return it, true
		}
	}
	return Item{}, false
}

func TestRegenerateReplace(t *testing.T) {
	t.Parallel()
	old := weekItems(t, Line{"milk", "1 cup"}, Line{"onion", "2"})
	for i := range old {
		old[i].Checked = old[i].Key == "milk|volume"
	}
	old, _ = AddManual(old, "paper towels", 1, "", mustTable(t))
	gen := weekItems(t, Line{"milk", "2 cups"}, Line{"carrot", "3"})
	got := Regenerate(old, gen, Replace)
	if milk, ok := find(got, "milk|volume"); !ok || !milk.Checked || milk.Quantity != "473" {
		t.Errorf("milk should survive checked with the new quantity: %+v", milk)
	}
	if _, ok := find(got, "onion|count"); ok {
		t.Error("onion is no longer planned and should be gone")
	}
	if _, ok := find(got, "manual:paper towels|count"); !ok {
		t.Error("manual item lost")
	}
	if c, ok := find(got, "carrot|count"); !ok || c.Checked {
		t.Errorf("carrot should be new and unchecked: %+v", c)
	}
	if again := Regenerate(got, gen, Replace); !reflect.DeepEqual(again, got) {
		t.Errorf("replace is not idempotent:\n%+v\n%+v", got, again)
	}
}

func TestRegenerateMerge(t *testing.T) {
	t.Parallel()
	old := weekItems(t, Line{"milk", "1 cup"}, Line{"onion", "2"})
	gen := weekItems(t, Line{"milk", "2 cups"}, Line{"carrot", "3"})
	got := Regenerate(old, gen, Merge)
	if len(got) != 3 {
		t.Fatalf("want milk, onion, carrot; got %+v", got)
	}
	if milk, _ := find(got, "milk|volume"); milk.Quantity != "237" {
		t.Errorf("merge must keep the existing milk: %+v", milk)
	}
	if again := Regenerate(got, gen, Merge); !reflect.DeepEqual(again, got) {
		t.Error("merge is not idempotent")
	}
}

func TestAddManualAbsorbs(t *testing.T) {
	t.Parallel()
	table := mustTable(t)
	items := weekItems(t, Line{"milk", "200 ml"}, Line{"eggs", "2"})
	items, it := AddManual(items, "Milk", 0.5, "l", table)
	if it.Key != "milk|volume" || it.Quantity != "700" || it.Unit != "ml" || len(items) != 2 {
		t.Errorf("milk should absorb 500 ml: %+v (%d items)", it, len(items))
	}
	items, it = AddManual(items, "egg", 100, "g", table)
	if it.Key != "egg|count" || it.Quantity != "4" || it.Name != "eggs" {
		t.Errorf("eggs should absorb 100 g as 2 eggs: %+v", it)
	}
	items, it = AddManual(items, "egg", 0, "", table)
	if len(items) != 2 || it.Key != "egg|count" {
		t.Errorf("a quantity-less egg should not duplicate the eggs: %+v", it)
	}
}

func TestAddManualNewItems(t *testing.T) {
	t.Parallel()
	table := mustTable(t)
	items := weekItems(t, Line{"milk", "200 ml"}, Line{"garlic", "1 head"})
	items[0].Checked = true // garlic (Produce) sorts before milk
	items, it := AddManual(items, "garlic", 1, "head", table)
	if !it.Manual || it.Section != "Produce" || it.Quantity != "1" || it.Unit != "head" || len(items) != 3 {
		t.Errorf("a checked item must not absorb: %+v (%d items)", it, len(items))
	}
	items, it = AddManual(items, "milk", 1, "bag", table)
	if !it.Manual || len(items) != 4 {
		t.Errorf("bags of milk do not convert to ml: %+v", it)
	}
	_, it = AddManual(items, "Kitchen foil", 0, "", table)
	if it.Section != "Other" || it.Quantity != "" || it.Name != "Kitchen foil" {
		t.Errorf("unknown foods go to Other: %+v", it)
	}
}

func TestProgress(t *testing.T) {
	t.Parallel()
	items := weekItems(t, Line{"milk", "1 cup"}, Line{"egg", "2"}, Line{"onion", "1"}, Line{"salt", "to taste"})
	items, _ = AddManual(items, "batteries", 4, "", mustTable(t))
	for i := range items {
		items[i].Checked = items[i].Section == "Dairy & Eggs" && items[i].Food == "milk" || items[i].Section == "Produce"
	}
	sections, checked, total := Progress(items)
	want := []SectionCount{{"Produce", 1, 1}, {"Dairy & Eggs", 2, 1}, {"Pantry", 1, 0}, {"Other", 1, 0}}
	if !reflect.DeepEqual(sections, want) || checked != 2 || total != 5 {
		t.Errorf("got %+v %d/%d", sections, checked, total)
	}
}
