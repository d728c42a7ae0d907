package system_test

import (
	"encoding/base64"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/mealplanner/backend/adapters/system"
)

const draws = 10_000

func TestClockIsUTCAndCurrent(t *testing.T) {
	before := time.Now()
	now := system.Clock{}.Now()
	if now.Location() != time.UTC {
		t.Fatalf("location = %v, want UTC", now.Location())
	}
	if now.Before(before.Add(-time.Second)) || now.After(time.Now().Add(time.Second)) {
		t.Fatalf("Now = %v, far from the wall clock", now)
	}
	if now.Nanosecond()%1000 != 0 {
		t.Errorf("Now = %v has sub-microsecond digits the databases would drop", now)
	}
}

func TestNewIDIsUUIDv7(t *testing.T) {
	id := system.IDs{}.NewID()
	u, err := uuid.Parse(id)
	if err != nil {
		t.Fatalf("NewID = %q: %v", id, err)
	}
	if u.Version() != 7 || u.Variant() != uuid.RFC4122 || u.String() != id {
		t.Fatalf("NewID = %q: version %d, variant %v; want a canonical v7", id, u.Version(), u.Variant())
	}
}

func TestNewIDUnique(t *testing.T) {
	ids := system.IDs{}
	seen := make(map[string]bool, draws)
	for range draws {
		id := ids.NewID()
		if seen[id] {
			t.Fatalf("duplicate id %q", id)
		}
		seen[id] = true
	}
}

func TestNewSecret(t *testing.T) {
	ids := system.IDs{}
	seen := make(map[string]bool, draws)
	for range draws {
		s := ids.NewSecret()
		raw, err := base64.RawURLEncoding.DecodeString(s)
		if err != nil || len(raw) != 32 || len(s) != 43 {
			t.Fatalf("NewSecret = %q (%d bytes, err %v), want 32 bytes as unpadded base64url", s, len(raw), err)
		}
		if seen[s] {
			t.Fatalf("duplicate secret %q", s)
		}
		seen[s] = true
	}
}
