package memory

import (
	"context"
	"maps"
	"sync"

	"github.com/mealplanner/backend/ports"
)

var _ ports.Mailer = (*Mailer)(nil)

// Mailer is a ports.Mailer that records what it is asked to send. Tests read
// the messages back with Sent and make sends fail with FailNext. It is safe for
// concurrent use.
type Mailer struct {
	mu       sync.Mutex
	sent     []ports.Email
	failures []error
}

// NewMailer returns a mailer that has sent nothing.
func NewMailer() *Mailer { return &Mailer{} }

// Send records the message, unless a failure is queued or ctx is done; a
// failed send records nothing, as a provider that refused would not deliver.
func (m *Mailer) Send(ctx context.Context, e ports.Email) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.failures) > 0 {
		err := m.failures[0]
		m.failures = m.failures[1:]
		return err
	}
	m.sent = append(m.sent, copyEmail(e))
	return nil
}

// FailNext makes the next Send return err instead of sending. Calls queue up:
// two calls fail the next two sends, in order. A nil err clears the queue.
func (m *Mailer) FailNext(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if err == nil {
		m.failures = nil
		return
	}
	m.failures = append(m.failures, err)
}

// Sent returns copies of the messages sent so far, oldest first.
func (m *Mailer) Sent() []ports.Email {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]ports.Email, len(m.sent))
	for i, e := range m.sent {
		out[i] = copyEmail(e)
	}
	return out
}

// copyEmail detaches the headers map so that neither the caller nor a test
// can change a recorded message afterwards.
func copyEmail(e ports.Email) ports.Email {
	if e.Headers != nil {
		e.Headers = maps.Clone(e.Headers)
	}
	return e
}
