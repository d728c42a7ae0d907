package redis

import (
	"context"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestRevocationListContract(t *testing.T) {
	t.Parallel()
	porttest.RevocationList(t, func(t *testing.T) ports.RevocationList {
		return NewRevocationList(mustOpen(t), quietLogger(t))
	})
}

// Each instance answers its own revocations from memory, so the suite above
// would pass with Redis writes broken. Here one instance revokes and another
// checks, so every answer comes from Redis.
func TestRevocationListContractAcrossInstances(t *testing.T) {
	t.Parallel()
	porttest.RevocationList(t, func(t *testing.T) ports.RevocationList {
		writer := mustOpen(t)
		reader := mustOpenURL(t, testURL(t), writer.prefix)
		return splitList{
			writer: NewRevocationList(writer, quietLogger(t)),
			reader: NewRevocationList(reader, quietLogger(t)),
		}
	})
}

// splitList revokes through one instance and checks through another.
type splitList struct{ writer, reader *RevocationList }

func (s splitList) Revoke(ctx context.Context, until time.Time, ids ...string) error {
	return s.writer.Revoke(ctx, until, ids...)
}

func (s splitList) AnyRevoked(ctx context.Context, ids ...string) (bool, error) {
	return s.reader.AnyRevoked(ctx, ids...)
}

// A revocation made through one instance is seen by another.
func TestRevocationListSharedByInstances(t *testing.T) {
	t.Parallel()
	a := NewRevocationList(mustOpen(t), nil)
	b := NewRevocationList(mustOpenURL(t, testURL(t), a.c.prefix), nil)
	if err := a.Revoke(t.Context(), time.Now().Add(time.Hour), "jti"); err != nil {
		t.Fatal(err)
	}
	assertRevoked(t, b, true, "jti")
}

// With Redis gone an instance still honours its own revocations, before and
// during the outage, and fails open for other instances' (documented).
func TestRevocationListFallsBackWhenRedisGoes(t *testing.T) {
	t.Parallel()
	direct := mustOpen(t)
	p, proxied := startProxy(t, testURL(t))
	log, logged := newTestLogger()
	mine := NewRevocationList(mustOpenURL(t, proxied, direct.prefix), log)
	other := NewRevocationList(direct, nil)
	until := time.Now().Add(time.Hour)
	mustRevoke(t, mine, until, "before")
	mustRevoke(t, other, until, "theirs")
	assertRevoked(t, mine, true, "theirs")
	p.stop()
	mustRevoke(t, mine, until, "during")
	assertRevoked(t, mine, true, "before")
	assertRevoked(t, mine, true, "x", "during")
	assertRevoked(t, mine, false, "theirs")
	if n := logged.count("revocation kept on this instance only"); n != 1 {
		t.Errorf("failed Revoke logged %d times, want once", n)
	}
	if n := logged.count("only this instance's revocations are honoured"); n != 1 {
		t.Errorf("outage of AnyRevoked logged %d times, want once", n)
	}
}

func mustRevoke(t *testing.T, l *RevocationList, until time.Time, ids ...string) {
	t.Helper()
	if err := l.Revoke(t.Context(), until, ids...); err != nil {
		t.Fatalf("Revoke(%v): %v", ids, err)
	}
}

func assertRevoked(t *testing.T, l *RevocationList, want bool, ids ...string) {
	t.Helper()
	got, err := l.AnyRevoked(t.Context(), ids...)
	if err != nil {
		t.Fatalf("AnyRevoked(%v): %v", ids, err)
	}
	if got != want {
		t.Errorf("AnyRevoked(%v) = %v, want %v", ids, got, want)
	}
}
