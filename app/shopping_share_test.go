package app_test

import (
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
)

// sharedWeek is u1's generated list of the breakfast week.
func sharedWeek(t *testing.T) (*shop, app.Principal, string) {
	t.Helper()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	return s, p, mustGenerate(t, s, p, plan.ID).ID
}

func TestShareLinkLifetime(t *testing.T) {
	t.Parallel()
	s, p, listID := sharedWeek(t)
	link, err := s.ShareList(t.Context(), p, listID, 7)
	if err != nil {
		t.Fatal(err)
	}
	if link.URL != "https://api.example.com/api/v1/shopping-lists/shared/"+link.ShareID || len(link.ShareID) < 22 ||
		!link.ExpiresAt.Equal(s.clock.Now().Add(7*24*time.Hour)) {
		t.Fatalf("link = %+v", link)
	}
	again, err := s.ShareList(t.Context(), p, listID, 1)
	if err != nil || again.ShareID == link.ShareID {
		t.Fatalf("sharing again must make a new id: %+v %v", again, err)
	}
	tests := []struct {
		name    string
		shareID string
		advance time.Duration
		found   bool
	}{
		{"replaced id", link.ShareID, 0, false},
		{"current id", again.ShareID, 0, true},
		{"unknown id", "nope", 0, false},
		{"empty id", "", 0, false},
		{"overlong id", strings.Repeat("a", 129), 0, false},
		{"just before expiry", again.ShareID, 24*time.Hour - time.Second, true},
		{"at expiry", again.ShareID, time.Second, false},
	}
	for _, tt := range tests {
		s.clock.Advance(tt.advance)
		l, err := s.SharedList(t.Context(), tt.shareID)
		switch {
		case tt.found && (err != nil || l.ID != listID):
			t.Errorf("%s: %v", tt.name, err)
		case !tt.found:
			wantErr(t, err, domain.CodeNotFound, "shopping list not found")
		}
	}
}

func TestShareLinkRevocation(t *testing.T) {
	t.Parallel()
	s, p, listID := sharedWeek(t)
	link, err := s.ShareList(t.Context(), p, listID, 30)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UnshareList(t.Context(), p, listID); err != nil {
		t.Fatal(err)
	}
	_, err = s.SharedList(t.Context(), link.ShareID)
	wantErr(t, err, domain.CodeNotFound, "shopping list not found")
	if err := s.UnshareList(t.Context(), p, listID); err != nil {
		t.Errorf("revoking twice: %v", err)
	}
	for _, days := range []int{0, 31} {
		_, err := s.ShareList(t.Context(), p, listID, days)
		wantErr(t, err, domain.CodeValidation, "expiresInDays must be between 1 and 30")
	}
	if l, _ := s.List(t.Context(), p, listID); l.Share != nil {
		t.Errorf("a refused share was stored: %+v", l.Share)
	}
}

func TestListManagement(t *testing.T) {
	t.Parallel()
	s := newShop(t)
	p, plan := breakfastWeek(t, s, "metric")
	older := mustGenerate(t, s, p, plan.ID)
	s.clock.Advance(time.Minute)
	s.mustPlan(t, "u1", "plan-next", "2026-11-29", slot{"2026-11-30", "dinner", 1, 2})
	newer := mustGenerate(t, s, p, "plan-next")
	page, err := s.ListPage(t.Context(), p, app.PageRequest{Page: 1, Limit: 1})
	if err != nil || page.Total != 2 || len(page.Items) != 1 || page.Items[0].ID != newer.ID {
		t.Fatalf("first page: %+v %v", page, err)
	}
	page, _ = s.ListPage(t.Context(), p, app.PageRequest{Page: 3, Limit: 1})
	if page.Total != 2 || len(page.Items) != 0 {
		t.Errorf("page past the end: %+v", page)
	}
	renamed, err := s.RenameList(t.Context(), p, older.ID, "  Sunday shop ")
	if err != nil || renamed.Name != "Sunday shop" || !renamed.UpdatedAt.Equal(s.clock.Now()) {
		t.Errorf("rename: %+v %v", renamed, err)
	}
	_, err = s.RenameList(t.Context(), p, older.ID, " ")
	wantErr(t, err, domain.CodeValidation, "name is required")
	if err := s.DeleteList(t.Context(), p, older.ID); err != nil {
		t.Fatal(err)
	}
	wantErr(t, s.DeleteList(t.Context(), p, older.ID), domain.CodeNotFound, "shopping list not found")
	_, err = s.List(t.Context(), p, older.ID)
	wantErr(t, err, domain.CodeNotFound, "shopping list not found")
	all, err := s.AllLists(t.Context(), "u1")
	if err != nil || len(all) != 1 || all[0].ID != newer.ID {
		t.Errorf("all lists: %+v %v", all, err)
	}
}
