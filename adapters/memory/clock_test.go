package memory_test

import (
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/memory"
)

func TestClockSetAndAdvance(t *testing.T) {
	start := time.Date(2025, 3, 9, 9, 0, 0, 0, time.UTC)
	c := memory.NewClock(start)
	if !c.Now().Equal(start) {
		t.Fatalf("Now = %v, want %v", c.Now(), start)
	}
	if got := c.Advance(90 * time.Minute); !got.Equal(start.Add(90*time.Minute)) || !c.Now().Equal(got) {
		t.Fatalf("Advance returned %v, Now %v", got, c.Now())
	}
	earlier := start.Add(-time.Hour)
	c.Set(earlier)
	if !c.Now().Equal(earlier) {
		t.Fatalf("after Set, Now = %v, want %v", c.Now(), earlier)
	}
}

func TestClockConcurrentAdvance(t *testing.T) {
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	c := memory.NewClock(start)
	var wg sync.WaitGroup
	for range 50 {
		wg.Go(func() {
			c.Advance(time.Second)
			_ = c.Now()
		})
	}
	wg.Wait()
	if got := c.Now().Sub(start); got != 50*time.Second {
		t.Fatalf("advanced by %v, want 50s", got)
	}
}
