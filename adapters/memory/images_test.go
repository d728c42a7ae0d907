package memory_test

import (
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestImageStoreContract(t *testing.T) {
	t.Parallel()
	porttest.ImageStore(t, func(t *testing.T) ports.ImageStore {
		return memory.NewImageStore("https://cdn.example.test/", nil)
	})
}

func TestImageStoreURLsAndKeys(t *testing.T) {
	t.Parallel()
	clock := memory.NewClock(fakeEpoch)
	s := memory.NewImageStore("https://cdn.example.test/", clock.Now)
	if got := s.URL("recipes/1/large.jpg"); got != "https://cdn.example.test/recipes/1/large.jpg" {
		t.Errorf("URL = %q", got)
	}
	for _, k := range []string{"b", "a"} {
		if err := s.Put(t.Context(), k, []byte(k), "image/jpeg"); err != nil {
			t.Fatal(err)
		}
	}
	if got := s.Keys(); len(got) != 2 || got[0] != "a" || got[1] != "b" {
		t.Errorf("Keys() = %v, want [a b]", got)
	}
	p, err := s.PresignPut(t.Context(), "u/1.png", "image/png", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if want := fakeEpoch.Add(time.Minute); !p.ExpiresAt.Equal(want) {
		t.Errorf("ExpiresAt = %v, want %v by the store's clock", p.ExpiresAt, want)
	}
}
