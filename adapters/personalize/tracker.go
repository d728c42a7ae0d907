package personalize

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mealplanner/backend/ports"
)

var _ ports.EventTracker = (*Tracker)(nil)

// Defaults of a Tracker.
const (
	DefaultQueueSize   = 1024
	DefaultSendTimeout = 5 * time.Second
)

// maxGather bounds how many queued events one wake-up of the worker takes,
// so a full queue is sent in slices rather than held in one.
const maxGather = 100

// Sender delivers up to MaxBatch events of one user and session in one
// call; *Client is one.
type Sender interface {
	PutEvents(ctx context.Context, events []ports.Event) error
}

// TrackerConfig tunes a Tracker; zero values take the defaults.
type TrackerConfig struct {
	// QueueSize is how many events may wait; past it new ones are dropped.
	QueueSize int
	// SendTimeout bounds one PutEvents call.
	SendTimeout time.Duration
	// Logger hears about dropped and failed events; nil discards.
	Logger *slog.Logger
}

// TrackerStats counts what became of the tracked events.
type TrackerStats struct {
	Sent    uint64 // accepted by the service
	Failed  uint64 // refused by the service or not delivered in time
	Dropped uint64 // never sent: the queue was full or the tracker closed
}

// Tracker is a ports.EventTracker that never makes the request wait: Track
// puts the event in a bounded queue and a worker sends the queue in batches
// of one user's and session's events. Delivery is best effort: an event is
// dropped with a log line when the queue is full, and a failed batch is not
// retried, since the service learns from the bulk of events and a retry
// would only pile onto an overloaded service. Close drains the queue.
type Tracker struct {
	sender  Sender
	timeout time.Duration
	logger  *slog.Logger
	queue   chan ports.Event
	done    chan struct{}
	ctx     context.Context // cancelled when Close gives up on the queue
	cancel  context.CancelFunc

	mu     sync.Mutex
	closed bool

	sent, failed, dropped atomic.Uint64
}

// NewTracker starts a tracker sending through sender. Close it to stop its
// worker.
func NewTracker(sender Sender, cfg TrackerConfig) *Tracker {
	if cfg.QueueSize <= 0 {
		cfg.QueueSize = DefaultQueueSize
	}
	if cfg.SendTimeout <= 0 {
		cfg.SendTimeout = DefaultSendTimeout
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t := &Tracker{sender: sender, timeout: cfg.SendTimeout, logger: cfg.Logger,
		queue: make(chan ports.Event, cfg.QueueSize), done: make(chan struct{}), ctx: ctx, cancel: cancel}
	go t.run()
	return t
}

// Track queues the event and returns at once. VALIDATION_ERROR for an event
// the service would refuse; a full queue or a closed tracker drops the event
// with a log line and still returns nil, since the caller has nothing to do
// about it.
func (t *Tracker) Track(_ context.Context, e ports.Event) error {
	if err := checkEvent(e); err != nil {
		return err
	}
	if e.At.IsZero() {
		e.At = time.Now()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		t.drop(e, "tracker closed")
		return nil
	}
	select {
	case t.queue <- e:
	default:
		t.drop(e, "queue full")
	}
	return nil
}

// Close stops taking events and waits until the queued ones are sent. When
// ctx ends first, the rest are dropped and ctx's error is returned.
func (t *Tracker) Close(ctx context.Context) error {
	t.mu.Lock()
	if !t.closed {
		t.closed = true
		close(t.queue)
	}
	t.mu.Unlock()
	select {
	case <-t.done:
		return nil
	case <-ctx.Done():
		t.cancel()
		<-t.done
		return fmt.Errorf("personalize: close tracker: %w", ctx.Err())
	}
}

// Stats returns the counts so far, for metrics.
func (t *Tracker) Stats() TrackerStats {
	return TrackerStats{Sent: t.sent.Load(), Failed: t.failed.Load(), Dropped: t.dropped.Load()}
}

func (t *Tracker) drop(e ports.Event, reason string) {
	n := t.dropped.Add(1)
	t.logger.Warn("personalize: event dropped", "reason", reason, "type", string(e.Type), "droppedSoFar", n)
}

func (t *Tracker) run() {
	defer close(t.done)
	defer t.cancel()
	for e := range t.queue {
		for _, batch := range batches(t.gather(e)) {
			t.flush(batch)
		}
	}
}

// gather takes first and whatever else is already waiting.
func (t *Tracker) gather(first ports.Event) []ports.Event {
	events := []ports.Event{first}
	for len(events) < maxGather {
		select {
		case e, ok := <-t.queue:
			if !ok {
				return events
			}
			events = append(events, e)
		default:
			return events
		}
	}
	return events
}

func (t *Tracker) flush(batch []ports.Event) {
	if t.ctx.Err() != nil {
		for _, e := range batch {
			t.drop(e, "tracker closed before sending")
		}
		return
	}
	ctx, cancel := context.WithTimeout(t.ctx, t.timeout)
	defer cancel()
	if err := t.sender.PutEvents(ctx, batch); err != nil {
		t.failed.Add(uint64(len(batch)))
		t.logger.Warn("personalize: events not sent", "count", len(batch), "err", err)
		return
	}
	t.sent.Add(uint64(len(batch)))
}

// batches groups events by user and session, in the order each pair first
// appears, and cuts each group into calls of at most MaxBatch.
func batches(events []ports.Event) [][]ports.Event {
	type key struct{ user, session string }
	var order []key
	groups := map[key][]ports.Event{}
	for _, e := range events {
		k := key{e.UserID, sessionID(e)}
		if _, seen := groups[k]; !seen {
			order = append(order, k)
		}
		groups[k] = append(groups[k], e)
	}
	var out [][]ports.Event
	for _, k := range order {
		for chunk := range slices.Chunk(groups[k], MaxBatch) {
			out = append(out, chunk)
		}
	}
	return out
}
