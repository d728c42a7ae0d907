package session_test

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/domain/session"
)

var t0 = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

func TestRotationRetiresTheToken(t *testing.T) {
	t.Parallel()
	s := session.Start("s1", "u1", session.HashToken("secret-1"), false, t0)
	if s.FamilyID != "s1" || s.ExpiresAt != t0.Add(7*24*time.Hour) {
		t.Fatalf("Start = %+v", s)
	}
	if got := s.Check(t0.Add(time.Hour)); got != session.Rotate {
		t.Fatalf("fresh token: Check = %v, want Rotate", got)
	}
	next := s.Successor("s2", session.HashToken("secret-2"), t0.Add(time.Hour))
	if next.FamilyID != "s1" || next.UserID != "u1" || !next.Active(t0.Add(time.Hour)) {
		t.Errorf("successor = %+v", next)
	}
	if got := s.Check(t0.Add(2 * time.Hour)); got != session.Reused {
		t.Errorf("rotated token: Check = %v, want Reused", got)
	}
	if s.Active(t0.Add(2 * time.Hour)) {
		t.Error("rotated token still active")
	}
}

func TestCheckRefusesExpiredAndRevoked(t *testing.T) {
	t.Parallel()
	s := session.Start("s1", "u1", "h", false, t0)
	if got := s.Check(t0.Add(7 * 24 * time.Hour)); got != session.Invalid {
		t.Errorf("expired: Check = %v, want Invalid", got)
	}
	s.Revoke(t0)
	first := *s.RevokedAt
	s.Revoke(t0.Add(time.Hour))
	if *s.RevokedAt != first {
		t.Error("second Revoke moved the revocation time")
	}
	if got := s.Check(t0.Add(time.Minute)); got != session.Invalid {
		t.Errorf("revoked: Check = %v, want Invalid", got)
	}
}

func TestRememberMeLastsThirtyDaysAndIsInherited(t *testing.T) {
	t.Parallel()
	s := session.Start("s1", "u1", "h", true, t0)
	if s.ExpiresAt != t0.Add(30*24*time.Hour) {
		t.Errorf("remember-me expiry = %v", s.ExpiresAt)
	}
	next := s.Successor("s2", "h2", t0.Add(24*time.Hour))
	if !next.RememberMe || next.ExpiresAt != t0.Add(31*24*time.Hour) {
		t.Errorf("successor = %+v, want remember-me renewed from the refresh", next)
	}
}

func TestFamiliesToEvictKeepsRoomForOneMore(t *testing.T) {
	t.Parallel()
	var active []session.Session
	for i := range 6 {
		s := session.Start(string(rune('a'+i)), "u1", "h", false, t0.Add(time.Duration(5-i)*time.Minute))
		active = append(active, s)
	}
	tests := []struct {
		n    int
		want []string
	}{
		{0, nil}, {4, nil}, {5, []string{"e"}}, {6, []string{"f", "e"}},
	}
	for _, tt := range tests {
		got := session.FamiliesToEvict(active[:tt.n])
		if len(got) != len(tt.want) {
			t.Errorf("n=%d: evict %v, want %v", tt.n, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("n=%d: evict %v, want %v (oldest first)", tt.n, got, tt.want)
			}
		}
	}
}

func TestHashTokenIsStableAndDistinct(t *testing.T) {
	t.Parallel()
	if session.HashToken("a") != session.HashToken("a") || session.HashToken("a") == session.HashToken("b") {
		t.Error("HashToken must be deterministic and distinguish inputs")
	}
	if len(session.HashToken("a")) != 64 {
		t.Error("want a hex SHA-256")
	}
}
