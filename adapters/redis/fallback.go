package redis

import (
	"log/slog"
	"sync"
	"sync/atomic"
	"time"
)

// sweepEvery is how often the local structures drop expired entries; they
// are also swept when they have doubled since the last sweep, so a burst of
// new keys cannot grow them without bound between two sweeps.
const sweepEvery = time.Minute

// outage remembers whether Redis is failing for one adapter, so that an outage
// is logged once when it starts and once when it ends, not per request.
type outage struct {
	log  *slog.Logger
	what string
	down atomic.Bool
}

func newOutage(log *slog.Logger, what string) *outage {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &outage{log: log, what: what}
}

func (o *outage) failed(err error, consequence string) {
	if o.down.CompareAndSwap(false, true) {
		o.log.Warn("redis unavailable: "+consequence, "adapter", o.what, "err", err)
	}
}

func (o *outage) succeeded() {
	if o.down.Load() && o.down.CompareAndSwap(true, false) {
		o.log.Info("redis available again", "adapter", o.what)
	}
}

// sweeper decides when a map of expiring entries is due for a sweep.
type sweeper struct {
	next     time.Time
	lastSize int
}

func (s *sweeper) due(now time.Time, size int) bool {
	return !now.Before(s.next) || size > 2*s.lastSize+1024
}

func (s *sweeper) done(now time.Time, size int) {
	s.next = now.Add(sweepEvery)
	s.lastSize = size
}

// localWindows is an in-process fixed-window counter, the limiter's fallback.
type localWindows struct {
	mu      sync.Mutex
	windows map[string]localWindow
	sweep   sweeper
}

type localWindow struct {
	count   int
	resetAt time.Time
}

func newLocalWindows() *localWindows { return &localWindows{windows: map[string]localWindow{}} }

// hit counts one request against key and returns the window's count and end.
func (l *localWindows) hit(key string, window time.Duration, now time.Time) (int, time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sweep.due(now, len(l.windows)) {
		for k, w := range l.windows {
			if !now.Before(w.resetAt) {
				delete(l.windows, k)
			}
		}
		l.sweep.done(now, len(l.windows))
	}
	w, ok := l.windows[key]
	if !ok || !now.Before(w.resetAt) {
		w = localWindow{resetAt: now.Add(window)}
	}
	w.count++
	l.windows[key] = w
	return w.count, w.resetAt
}

// localRevocations is the in-process copy of the revocations made through
// this instance.
type localRevocations struct {
	mu    sync.Mutex
	until map[string]time.Time
	sweep sweeper
}

func newLocalRevocations() *localRevocations {
	return &localRevocations{until: map[string]time.Time{}}
}

func (l *localRevocations) revoke(until, now time.Time, ids ...string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.sweep.due(now, len(l.until)) {
		for id, u := range l.until {
			if !now.Before(u) {
				delete(l.until, id)
			}
		}
		l.sweep.done(now, len(l.until))
	}
	for _, id := range ids {
		// A revocation is never shortened by a later one.
		if until.After(l.until[id]) {
			l.until[id] = until
		}
	}
}

func (l *localRevocations) anyRevoked(now time.Time, ids ...string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, id := range ids {
		if u, ok := l.until[id]; ok && now.Before(u) {
			return true
		}
	}
	return false
}
