package personalize

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var _ ports.Recommender = (*Breaker)(nil)

// Defaults of a Breaker.
const (
	DefaultFailures = 5
	DefaultCoolDown = 30 * time.Second
)

// BreakerState is where a Breaker stands.
type BreakerState string

// The states of a Breaker.
const (
	// BreakerClosed lets every call through.
	BreakerClosed BreakerState = "closed"
	// BreakerOpen refuses every call until the cool-down has passed.
	BreakerOpen BreakerState = "open"
	// BreakerHalfOpen lets one trial call through; the others are refused.
	BreakerHalfOpen BreakerState = "half-open"
)

// BreakerConfig tunes a Breaker; zero values take the defaults.
type BreakerConfig struct {
	// Failures is how many failures in a row open the circuit.
	Failures int
	// CoolDown is how long the circuit stays open before a trial call.
	CoolDown time.Duration
	// Clock tells the time; nil means the system clock.
	Clock ports.Clock
	// Logger hears about each change of state; nil discards.
	Logger *slog.Logger
}

// Breaker is a circuit breaker in front of a recommender: after Failures
// failed calls in a row it answers SERVICE_UNAVAILABLE at once for CoolDown,
// so a sick service costs the caller nothing while the fallback answers; then
// one trial call decides whether to close again. Timeouts count as failures;
// invalid requests and calls whose caller gave up do not. It is safe for
// concurrent use.
type Breaker struct {
	next     ports.Recommender
	failures int
	coolDown time.Duration
	clock    ports.Clock
	logger   *slog.Logger

	mu       sync.Mutex
	state    BreakerState
	failed   int
	openedAt time.Time
	// gen changes with every change of state, so that a call that started
	// before one cannot undo it when it ends.
	gen uint64
}

type systemClock struct{}

func (systemClock) Now() time.Time { return time.Now() }

// NewBreaker puts a breaker in front of next.
func NewBreaker(next ports.Recommender, cfg BreakerConfig) *Breaker {
	b := &Breaker{next: next, failures: cfg.Failures, coolDown: cfg.CoolDown, clock: cfg.Clock,
		logger: cfg.Logger, state: BreakerClosed}
	if b.failures <= 0 {
		b.failures = DefaultFailures
	}
	if b.coolDown <= 0 {
		b.coolDown = DefaultCoolDown
	}
	if b.clock == nil {
		b.clock = systemClock{}
	}
	if b.logger == nil {
		b.logger = slog.New(slog.DiscardHandler)
	}
	return b
}

// Recommend passes the call on unless the circuit is open. SERVICE_UNAVAILABLE
// at once while it is open, else what the recommender behind returns.
func (b *Breaker) Recommend(ctx context.Context, req ports.RecommendationRequest) ([]ports.Recommendation, error) {
	gen, ok := b.allow()
	if !ok {
		return nil, fmt.Errorf("personalize: circuit %s: %w", b.State(), errRecommendUnavailable)
	}
	recs, err := b.next.Recommend(ctx, req)
	b.record(gen, outcomeOf(ctx, err))
	return recs, err
}

// State returns where the breaker stands, for health checks and metrics.
// An open circuit whose cool-down has passed reads as half-open.
func (b *Breaker) State() BreakerState {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.state == BreakerOpen && b.coolDownOver() {
		return BreakerHalfOpen
	}
	return b.state
}

type outcome int

const (
	succeeded outcome = iota
	failed
	neutral // says nothing about the service
)

func outcomeOf(ctx context.Context, err error) outcome {
	switch {
	case err == nil:
		return succeeded
	case domain.IsCode(err, domain.CodeValidation) || ctx.Err() != nil:
		return neutral
	}
	return failed
}

func (b *Breaker) allow() (uint64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	switch {
	case b.state == BreakerClosed:
		return b.gen, true
	case b.state == BreakerOpen && b.coolDownOver():
		b.moveTo(BreakerHalfOpen)
		return b.gen, true
	}
	return 0, false
}

func (b *Breaker) record(gen uint64, o outcome) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if gen != b.gen {
		return
	}
	switch o {
	case succeeded:
		b.failed = 0
		if b.state != BreakerClosed {
			b.moveTo(BreakerClosed)
		}
	case neutral:
		if b.state == BreakerHalfOpen {
			// The trial proved nothing: the next call tries again at once.
			b.state = BreakerOpen
			b.gen++
		}
	case failed:
		b.failed++
		if b.state == BreakerHalfOpen || b.failed >= b.failures {
			b.open()
		}
	}
}

func (b *Breaker) open() {
	b.openedAt = b.clock.Now()
	b.failed = 0
	b.moveTo(BreakerOpen)
}

func (b *Breaker) moveTo(s BreakerState) {
	b.logger.Info("personalize: circuit breaker", "from", string(b.state), "to", string(s))
	b.state = s
	b.gen++
}

func (b *Breaker) coolDownOver() bool {
	return !b.clock.Now().Before(b.openedAt.Add(b.coolDown))
}
