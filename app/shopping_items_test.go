package app_test

import (
	"context"
	"testing"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/domain/activity"
	"github.com/mealplanner/backend/domain/shopping"
	"github.com/mealplanner/backend/ports"
)

func checked(v bool) shopping.ItemEdit { return shopping.ItemEdit{Checked: &v} }

func newItem(name string, qty float64, unit string) shopping.NewItem {
	return shopping.NewItem{Name: name, Quantity: qty, Unit: unit}
}

func mustGenerate(t *testing.T, s *shop, p app.Principal, planID string) *shopping.List {
	t.Helper()
	l, err := s.GenerateList(t.Context(), p, app.GenerateListInput{MealPlanID: planID})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestCompletionIsRecordedOncePerCompletion: the activity marks the moment
// the last item is checked, not every check after it.
func TestCompletionIsRecordedOncePerCompletion(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	l := mustGenerate(t, s, p, plan.ID)
	var err error
	for _, it := range l.Items {
		if l, err = s.EditItem(t.Context(), p, l.ID, it.ID, checked(true)); err != nil {
			t.Fatal(err)
		}
	}
	if _, checkedN, total := l.Progress(); checkedN != total || total != 4 {
		t.Fatalf("progress %d/%d", checkedN, total)
	}
	if _, err := s.EditItem(t.Context(), p, l.ID, l.Items[0].ID, checked(true)); err != nil {
		t.Fatal(err)
	}
	if n := countActions(s.activities(t, "u1"), activity.CompleteShoppingList); n != 1 {
		t.Fatalf("%d completions after checking everything, want 1", n)
	}
	if l, err = s.UncheckAll(t.Context(), p, l.ID); err != nil || l.Complete() {
		t.Fatalf("uncheck all: %v", err)
	}
	// Removing the only unchecked item completes the list as well.
	for _, it := range l.Items[1:] {
		if _, err := s.EditItem(t.Context(), p, l.ID, it.ID, checked(true)); err != nil {
			t.Fatal(err)
		}
	}
	if l, err = s.RemoveItem(t.Context(), p, l.ID, l.Items[0].ID); err != nil || len(l.Items) != 3 {
		t.Fatalf("remove: %v", err)
	}
	if n := countActions(s.activities(t, "u1"), activity.CompleteShoppingList); n != 2 {
		t.Errorf("%d completions, want 2", n)
	}
}

func TestItemUseCases(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	l := mustGenerate(t, s, p, plan.ID)
	l, err := s.AddItem(t.Context(), p, l.ID, newItem("Milk", 0.5, "l"))
	if err != nil || len(l.Items) != 4 || item(t, l, "milk").Quantity != "818" {
		t.Fatalf("milk should absorb half a litre: %v %+v", err, l.Items)
	}
	l, err = s.AddItem(t.Context(), p, l.ID, shopping.NewItem{Name: "candles", Quantity: 6, Section: "other", Note: "birthday"})
	if c := item(t, l, "candles"); err != nil || !c.Manual || c.Section != "Other" || c.Note != "birthday" || c.Quantity != "6" {
		t.Fatalf("candles: %v %+v", err, c)
	}
	flour := item(t, l, "all-purpose flour")
	sec, qty := "Bakery", 1.0
	unit := "kg"
	if l, err = s.EditItem(t.Context(), p, l.ID, flour.ID, shopping.ItemEdit{Section: &sec, Quantity: &qty, Unit: &unit}); err != nil {
		t.Fatal(err)
	}
	if f := item(t, l, "all-purpose flour"); f.Section != "Bakery" || f.Quantity != "1" || f.Unit != "kg" || f.ID != flour.ID {
		t.Errorf("flour = %+v", f)
	}
	_, err = s.EditItem(t.Context(), p, l.ID, "no-such-item", checked(true))
	wantErr(t, err, domain.CodeNotFound, "item not found")
	_, err = s.RemoveItem(t.Context(), p, l.ID, "no-such-item")
	wantErr(t, err, domain.CodeNotFound, "item not found")
	_, err = s.AddItem(t.Context(), p, l.ID, shopping.NewItem{Name: "x", Section: "Garden"})
	wantErr(t, err, domain.CodeValidation, "category must be one of the shopping sections")
	stored, _ := s.List(t.Context(), p, l.ID)
	if len(stored.Items) != 5 {
		t.Errorf("refused edits changed the stored list: %+v", stored.Items)
	}
}

// TestOwnership: another user's list is missing, whatever is asked of it.
func TestShoppingOwnership(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	l := mustGenerate(t, s, p, plan.ID)
	other := s.mustUser(t, "u2", "metric")
	id, itemID := l.ID, l.Items[0].ID
	ctx := t.Context()
	calls := map[string]func() error{
		"get":         func() error { _, err := s.List(ctx, other, id); return err },
		"rename":      func() error { _, err := s.RenameList(ctx, other, id, "mine"); return err },
		"delete":      func() error { return s.DeleteList(ctx, other, id) },
		"add item":    func() error { _, err := s.AddItem(ctx, other, id, newItem("x", 1, "")); return err },
		"edit item":   func() error { _, err := s.EditItem(ctx, other, id, itemID, checked(true)); return err },
		"remove item": func() error { _, err := s.RemoveItem(ctx, other, id, itemID); return err },
		"uncheck":     func() error { _, err := s.UncheckAll(ctx, other, id); return err },
		"share":       func() error { _, err := s.ShareList(ctx, other, id, 7); return err },
		"unshare":     func() error { return s.UnshareList(ctx, other, id) },
	}
	for name, call := range calls {
		if err := call(); domain.ErrorCode(err) != domain.CodeNotFound {
			t.Errorf("%s: %v, want NOT_FOUND", name, err)
		}
	}
	page, err := s.ListPage(ctx, other, app.PageRequest{Page: 1, Limit: 20})
	if err != nil || page.Total != 0 || len(page.Items) != 0 {
		t.Errorf("other user's page: %+v %v", page, err)
	}
	if got, err := s.List(ctx, p, id); err != nil || len(got.Items) != len(l.Items) || got.Name != l.Name {
		t.Errorf("owner's list changed: %+v %v", got, err)
	}
}

// staleLists fails the first n saves with CONFLICT, as a database would when
// another request saved the list first.
type staleLists struct {
	ports.ShoppingListRepository
	n, saves int
}

func (s *staleLists) Save(ctx context.Context, l *shopping.List) error {
	s.saves++
	if s.saves <= s.n && l.Version > 0 {
		return domain.Conflict("shopping list was changed by another request")
	}
	return s.ShoppingListRepository.Save(ctx, l)
}

func TestEditsRetryStaleSaves(t *testing.T) {
	t.Parallel()
	tests := []struct {
		stale     int
		wantErr   bool
		wantSaves int
	}{{0, false, 1}, {2, false, 3}, {3, true, 3}}
	for _, tt := range tests {
		var stale *staleLists
		s := newShop(t, func(r ports.ShoppingListRepository) ports.ShoppingListRepository {
			stale = &staleLists{ShoppingListRepository: r}
			return stale
		})
		p, plan := breakfastWeek(t, s, "metric")
		l := mustGenerate(t, s, p, plan.ID)
		stale.n, stale.saves = tt.stale, 0
		_, err := s.RenameList(t.Context(), p, l.ID, "Renamed")
		if (err != nil) != tt.wantErr || stale.saves != tt.wantSaves {
			t.Errorf("%d stale saves: err %v after %d saves, want %d", tt.stale, err, stale.saves, tt.wantSaves)
		}
		if tt.wantErr && domain.ErrorCode(err) != domain.CodeConflict {
			t.Errorf("gave up with %v, want CONFLICT", err)
		}
	}
}
