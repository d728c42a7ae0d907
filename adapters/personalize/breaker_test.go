package personalize_test

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// fakeClock stands still until a test moves it.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// step is one call through the breaker: move the clock, set the fake up,
// call, then check the answer, how many calls reached the fake in all, and
// the breaker's state.
type step struct {
	advance   time.Duration
	fail      bool
	wantCode  domain.Code // "" for success
	wantCalls int
	wantState personalize.BreakerState
}

func TestBreakerAgainstTheService(t *testing.T) {
	t.Parallel()
	const (
		closed   = personalize.BreakerClosed
		open     = personalize.BreakerOpen
		failCode = domain.CodeUnavailable
	)
	tests := []struct {
		name     string
		failures int
		steps    []step
	}{
		{"opens after five failures and closes after the cool-down", 0, []step{
			{0, true, failCode, 1, closed}, {0, true, failCode, 2, closed}, {0, true, failCode, 3, closed},
			{0, true, failCode, 4, closed}, {0, true, failCode, 5, open},
			{0, false, failCode, 5, open}, // refused at once, though the service is back
			{29 * time.Second, false, failCode, 5, open},
			{time.Second, false, "", 6, closed},
			{0, false, "", 7, closed},
		}},
		{"a failed trial opens it again", 2, []step{
			{0, true, failCode, 1, closed}, {0, true, failCode, 2, open},
			{30 * time.Second, true, failCode, 3, open},
			{0, false, failCode, 3, open},
			{30 * time.Second, false, "", 4, closed},
		}},
		{"only failures in a row count", 3, []step{
			{0, true, failCode, 1, closed}, {0, true, failCode, 2, closed}, {0, false, "", 3, closed},
			{0, true, failCode, 4, closed}, {0, true, failCode, 5, closed}, {0, true, failCode, 6, open},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			f.setItems(predictedItem{"1", 0.5})
			clock := &fakeClock{now: at}
			b := personalize.NewBreaker(mustClient(t, f), personalize.BreakerConfig{Failures: tc.failures, Clock: clock})
			for i, s := range tc.steps {
				runStep(t, i, s, b, f, clock)
			}
		})
	}
}

func runStep(t *testing.T, i int, s step, b *personalize.Breaker, f *fakePersonalize, clock *fakeClock) {
	t.Helper()
	clock.advance(s.advance)
	f.fail(map[bool]int{true: http.StatusInternalServerError}[s.fail], "InternalServerError")
	_, err := b.Recommend(t.Context(), ports.RecommendationRequest{UserID: "u-1", Count: 1})
	if (s.wantCode == "") != (err == nil) || err != nil && domain.ErrorCode(err) != s.wantCode {
		t.Errorf("step %d: err = %v, want code %q", i, err, s.wantCode)
	}
	if got := len(f.recommendations()); got != s.wantCalls {
		t.Errorf("step %d: %d calls reached the service, want %d", i, got, s.wantCalls)
	}
	if got := b.State(); got != s.wantState {
		t.Errorf("step %d: state %s, want %s", i, got, s.wantState)
	}
}

func TestBreakerReadsHalfOpenAfterCoolDown(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{now: at}
	b := personalize.NewBreaker(recommenderFunc(failing), personalize.BreakerConfig{Failures: 1, CoolDown: time.Minute, Clock: clock})
	_, _ = b.Recommend(t.Context(), ports.RecommendationRequest{UserID: "u-1", Count: 1})
	for _, tc := range []struct {
		advance time.Duration
		want    personalize.BreakerState
	}{{0, personalize.BreakerOpen}, {59 * time.Second, personalize.BreakerOpen}, {time.Second, personalize.BreakerHalfOpen}} {
		clock.advance(tc.advance)
		if got := b.State(); got != tc.want {
			t.Errorf("after %v more: state %s, want %s", tc.advance, got, tc.want)
		}
	}
}

// TestBreakerCountsTimeouts lets the service hang: every call times out,
// and the timeouts open the circuit like any failure.
func TestBreakerCountsTimeouts(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	f.hold()
	c := mustClient(t, f, func(c *personalize.Config) { c.Timeout = 20 * time.Millisecond })
	// Counted here rather than at the fake: a call may time out before its
	// request gets there.
	var calls atomic.Int32
	counted := recommenderFunc(func(ctx context.Context, req ports.RecommendationRequest) ([]ports.Recommendation, error) {
		calls.Add(1)
		return c.Recommend(ctx, req)
	})
	b := personalize.NewBreaker(counted, personalize.BreakerConfig{Failures: 2, Clock: &fakeClock{now: at}})
	for i := range 3 {
		_, err := b.Recommend(t.Context(), ports.RecommendationRequest{UserID: "u-1", Count: 1})
		if !domain.IsCode(err, domain.CodeUnavailable) {
			t.Errorf("call %d: err = %v, want SERVICE_UNAVAILABLE", i, err)
		}
	}
	if got := calls.Load(); got != 2 {
		t.Errorf("%d calls went to the client, want 2: the third should be refused", got)
	}
	if got := b.State(); got != personalize.BreakerOpen {
		t.Errorf("state %s, want open", got)
	}
}

// TestBreakerIgnoresWhatSaysNothingAboutTheService: an invalid request or
// a caller who gave up is not the service's failure.
func TestBreakerIgnoresWhatSaysNothingAboutTheService(t *testing.T) {
	t.Parallel()
	invalid := func(context.Context, ports.RecommendationRequest) ([]ports.Recommendation, error) {
		return nil, domain.Invalid("bad", nil)
	}
	gaveUp := func(ctx context.Context, _ ports.RecommendationRequest) ([]ports.Recommendation, error) {
		return nil, ctx.Err()
	}
	cancelled, cancel := context.WithCancel(t.Context())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		next recommenderFunc
		want personalize.BreakerState
	}{
		{"invalid request", t.Context(), invalid, personalize.BreakerClosed},
		{"caller gave up", cancelled, gaveUp, personalize.BreakerClosed},
		{"service failed", t.Context(), failing, personalize.BreakerOpen},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := personalize.NewBreaker(tc.next, personalize.BreakerConfig{Failures: 1, Clock: &fakeClock{now: at}})
			if _, err := b.Recommend(tc.ctx, ports.RecommendationRequest{UserID: "u-1", Count: 1}); err == nil {
				t.Fatal("the failure was swallowed")
			}
			if got := b.State(); got != tc.want {
				t.Errorf("state %s, want %s", got, tc.want)
			}
		})
	}
}

func TestBreakerLetsOneTrialThrough(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{now: at}
	entered, release := make(chan struct{}), make(chan struct{})
	var mu sync.Mutex
	calls := 0
	next := func(context.Context, ports.RecommendationRequest) ([]ports.Recommendation, error) {
		mu.Lock()
		calls++
		first := calls == 1
		mu.Unlock()
		if first {
			return failing(context.Background(), ports.RecommendationRequest{})
		}
		close(entered)
		<-release
		return []ports.Recommendation{{RecipeID: 1, Score: 1}}, nil
	}
	b := personalize.NewBreaker(recommenderFunc(next), personalize.BreakerConfig{Failures: 1, Clock: clock})
	req := ports.RecommendationRequest{UserID: "u-1", Count: 1}
	_, _ = b.Recommend(t.Context(), req)
	clock.advance(personalize.DefaultCoolDown)
	trial := make(chan error)
	go func() { _, err := b.Recommend(t.Context(), req); trial <- err }()
	<-entered
	if _, err := b.Recommend(t.Context(), req); !domain.IsCode(err, domain.CodeUnavailable) {
		t.Errorf("second call during the trial: err = %v, want SERVICE_UNAVAILABLE", err)
	}
	close(release)
	if err := <-trial; err != nil {
		t.Errorf("trial: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 2 || b.State() != personalize.BreakerClosed {
		t.Errorf("calls = %d, state %s; want 2 and closed", calls, b.State())
	}
}

// recommenderFunc is a ports.Recommender made of a function, for failure
// injection.
type recommenderFunc func(context.Context, ports.RecommendationRequest) ([]ports.Recommendation, error)

func (f recommenderFunc) Recommend(ctx context.Context, req ports.RecommendationRequest) ([]ports.Recommendation, error) {
	return f(ctx, req)
}

func failing(context.Context, ports.RecommendationRequest) ([]ports.Recommendation, error) {
	return nil, errors.Join(errors.New("boom"), domain.ErrUnavailable)
}
