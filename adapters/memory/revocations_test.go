package memory_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

var fakeEpoch = time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC)

func TestRevocationListContract(t *testing.T) {
	t.Parallel()
	porttest.RevocationList(t, func(t *testing.T) ports.RevocationList { return memory.NewRevocationList(nil) })
}

func TestRevocationListExpiresOnTheClock(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clock := memory.NewClock(fakeEpoch)
	l := memory.NewRevocationList(clock.Now)
	if err := l.Revoke(ctx, fakeEpoch.Add(time.Hour), "jti"); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Hour - time.Nanosecond)
	if !mustCheckRevoked(t, l, "jti") {
		t.Fatal("not revoked a nanosecond before the end")
	}
	clock.Advance(time.Nanosecond)
	if mustCheckRevoked(t, l, "jti") {
		t.Fatal("still revoked at the end")
	}
}

func TestRevocationListSweepsExpired(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	clock := memory.NewClock(fakeEpoch)
	l := memory.NewRevocationList(clock.Now)
	for i := range 100 {
		if err := l.Revoke(ctx, fakeEpoch.Add(time.Minute), fmt.Sprint("old-", i)); err != nil {
			t.Fatal(err)
		}
	}
	clock.Advance(2 * time.Minute)
	if err := l.Revoke(ctx, clock.Now().Add(time.Hour), "new"); err != nil {
		t.Fatal(err)
	}
	if got := l.Len(); got != 1 {
		t.Errorf("Len() = %d after the old revocations expired, want 1", got)
	}
}

func mustCheckRevoked(t *testing.T, l *memory.RevocationList, ids ...string) bool {
	t.Helper()
	revoked, err := l.AnyRevoked(context.Background(), ids...)
	if err != nil {
		t.Fatal(err)
	}
	return revoked
}
