package shopping

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
)

func TestShareFor(t *testing.T) {
	t.Parallel()
	tests := []struct {
		days int
		ok   bool
	}{{0, false}, {1, true}, {7, true}, {30, true}, {31, false}, {-3, false}}
	for _, tt := range tests {
		l := mustList(t, counter(), Line{"milk", "1 cup"})
		s, err := l.ShareFor("secret", tt.days, listLater)
		if !tt.ok {
			wantCode(t, err, domain.CodeValidation)
			if l.Share != nil {
				t.Errorf("%d days: a refused share was kept", tt.days)
			}
			continue
		}
		want := listLater.Add(time.Duration(tt.days) * 24 * time.Hour)
		if err != nil || s.ID != "secret" || !s.ExpiresAt.Equal(want) || l.Share == nil || *l.Share != s {
			t.Errorf("%d days: %+v %v", tt.days, s, err)
		}
	}
	if _, err := mustList(t, counter()).ShareFor("", 7, listLater); err == nil {
		t.Error("a share without an id was accepted")
	}
}

func TestSharedAs(t *testing.T) {
	t.Parallel()
	l := mustList(t, counter(), Line{"milk", "1 cup"})
	if _, err := l.ShareFor("old", 7, listStart); err != nil {
		t.Fatal(err)
	}
	if _, err := l.ShareFor("new", 7, listStart); err != nil {
		t.Fatal(err)
	}
	expiry := l.Share.ExpiresAt
	tests := []struct {
		name string
		id   string
		at   time.Time
		want bool
	}{
		{"current id", "new", listLater, true},
		{"replaced id", "old", listLater, false},
		{"empty id", "", listLater, false},
		{"a moment before expiry", "new", expiry.Add(-time.Nanosecond), true},
		{"at expiry", "new", expiry, false},
		{"after expiry", "new", expiry.Add(time.Hour), false},
	}
	for _, tt := range tests {
		if got := l.SharedAs(tt.id, tt.at); got != tt.want {
			t.Errorf("%s: %v, want %v", tt.name, got, tt.want)
		}
	}
	l.Unshare(listLater)
	if l.Share != nil || l.SharedAs("new", listLater) || !l.UpdatedAt.Equal(listLater) {
		t.Errorf("revoked share still opens the list: %+v", l.Share)
	}
}
