package shopping

import (
	"testing"
)

// TestListRegenerateKeepsIDs: clients hold item ids across generations, so a
// surviving item keeps its id (and checked state and note), a new one gets a
// fresh id, and no id is ever handed out twice.
func TestListRegenerateKeepsIDs(t *testing.T) {
	t.Parallel()
	first := []Line{{"milk", "1 cup"}, {"onion", "2"}, {"salt", "to taste"}}
	second := []Line{{"milk", "2 cups"}, {"carrot", "3"}, {"salt", "1 tsp"}}
	tests := []struct {
		name      string
		mode      Mode
		wantKeys  []string
		keepsMilk string // the milk quantity after regenerating
	}{
		{"replace", Replace, []string{"carrot|count", "milk|volume", "manual:paper towels|count", "salt|volume"}, "473"},
		{"merge", Merge, []string{"carrot|count", "onion|count", "milk|volume", "manual:paper towels|count",
			"salt|none", "salt|volume"}, "237"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			newID := counter()
			l := mustList(t, newID, first...)
			milk := itemByKey(t, l, "milk|volume")
			note := "the blue one"
			if _, err := l.EditItem(milk.ID, ItemEdit{Checked: ptr(true), Note: &note}, mustTable(t), listLater); err != nil {
				t.Fatal(err)
			}
			towels, err := l.AddItem(NewItem{Name: "paper towels", Quantity: 1}, mustTable(t), newID, listLater)
			if err != nil {
				t.Fatal(err)
			}
			l.Regenerate(weekItems(t, second...), tt.mode, newID, listLater)
			assertKeys(t, l, tt.wantKeys)
			got := itemByKey(t, l, "milk|volume")
			if got.ID != milk.ID || !got.Checked || got.Note != note || got.Quantity != tt.keepsMilk {
				t.Errorf("milk = %+v, want id %s checked with note and quantity %s", got, milk.ID, tt.keepsMilk)
			}
			if got := itemByKey(t, l, "manual:paper towels|count"); got.ID != towels.ID {
				t.Errorf("manual item lost its id: %+v", got)
			}
			ids := uniqueIDs(t, l)
			again := l.Clone()
			again.Regenerate(weekItems(t, second...), tt.mode, newID, listLater)
			if len(again.Items) != len(l.Items) || uniqueIDs(t, again) != ids {
				t.Errorf("a second generation changed the list:\n%+v\n%+v", l.Items, again.Items)
			}
		})
	}
}

// TestReplaceWithDuplicateKeys: two generated items can share a Key after an
// edit; only one of them may pass its id on.
func TestReplaceWithDuplicateKeys(t *testing.T) {
	t.Parallel()
	newID := counter()
	l := mustList(t, newID, Line{"milk", "200 ml"}, Line{"milk", "1 bag"})
	bag := itemByKey(t, l, "milk|count:bag")
	if _, err := l.EditItem(bag.ID, ItemEdit{Unit: ptr("ml"), Checked: ptr(true)}, mustTable(t), listLater); err != nil {
		t.Fatal(err)
	}
	l.Regenerate(weekItems(t, Line{"milk", "200 ml"}, Line{"milk", "1 bag"}), Replace, newID, listLater)
	uniqueIDs(t, l)
	if got := itemByKey(t, l, "milk|volume"); !got.Checked {
		t.Errorf("a key checked in either copy stays checked: %+v", got)
	}
	if got := itemByKey(t, l, "milk|count:bag"); got.ID == bag.ID {
		t.Errorf("the bag item came back under the id of the edited one: %+v", got)
	}
}

func assertKeys(t *testing.T, l *List, want []string) {
	t.Helper()
	if len(l.Items) != len(want) {
		t.Fatalf("%d items, want %d: %+v", len(l.Items), len(want), l.Items)
	}
	for _, k := range want {
		itemByKey(t, l, k)
	}
	checkSorted(t, l.Items)
}

// uniqueIDs fails on a missing or repeated id and returns the ids joined.
func uniqueIDs(t *testing.T, l *List) string {
	t.Helper()
	seen := map[string]bool{}
	joined := ""
	for _, it := range l.Items {
		if it.ID == "" || seen[it.ID] {
			t.Fatalf("missing or repeated id %q in %+v", it.ID, l.Items)
		}
		seen[it.ID] = true
		joined += it.ID + ","
	}
	return joined
}
