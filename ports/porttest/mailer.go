package porttest

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
)

// Mailer runs the contract of ports.Mailer against the implementation that
// newMailer builds, fresh for every subtest. The second value newMailer
// returns reads back what the backend behind the mailer received (the
// recording fake's list, the outbox folder, what an HTTP fake of the provider
// decoded), so the suite checks what arrived, not what the adapter says.
func Mailer(t *testing.T, newMailer func(t *testing.T) (ports.Mailer, func() []ports.Email)) {
	t.Helper()
	t.Run("every field arrives intact", func(t *testing.T) { mailerAllFields(t, newMailer) })
	t.Run("text only message", func(t *testing.T) { mailerTextOnly(t, newMailer) })
	t.Run("two sends are two messages", func(t *testing.T) { mailerTwoSends(t, newMailer) })
	t.Run("concurrent sends all arrive", func(t *testing.T) { mailerConcurrent(t, newMailer) })
}

func mailerAllFields(t *testing.T, newMailer func(t *testing.T) (ports.Mailer, func() []ports.Email)) {
	m, received := newMailer(t)
	want := ports.Email{
		To:       "ada@example.com",
		ToName:   "Ada Lovelace",
		Subject:  "Your week is planned — 7 dinners",
		Text:     "Hello Ada,\nyour plan is ready: https://app.example.com/plans/1",
		HTML:     `<p>Hello Ada,</p><p>your plan is <a href="https://app.example.com/plans/1">ready</a> &amp; waiting.</p>`,
		Category: "weekly_summary",
		Headers: map[string]string{
			"List-Unsubscribe":      "<https://app.example.com/unsubscribe?token=abc.def>",
			"List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
		},
	}
	mustSend(t, m, want)
	got := received()
	if len(got) != 1 {
		t.Fatalf("received %d messages, want 1", len(got))
	}
	assertEmail(t, got[0], want)
}

func mailerTextOnly(t *testing.T, newMailer func(t *testing.T) (ports.Mailer, func() []ports.Email)) {
	m, received := newMailer(t)
	want := ports.Email{To: "bob@example.com", Subject: "Reset your password", Text: "Use this link: https://x/reset?t=1"}
	mustSend(t, m, want)
	got := received()
	if len(got) != 1 {
		t.Fatalf("received %d messages, want 1", len(got))
	}
	assertEmail(t, got[0], want)
}

func mailerTwoSends(t *testing.T, newMailer func(t *testing.T) (ports.Mailer, func() []ports.Email)) {
	m, received := newMailer(t)
	first := ports.Email{To: "a@example.com", Subject: "first", Text: "one"}
	second := ports.Email{To: "b@example.com", Subject: "second", Text: "two", Category: "welcome"}
	mustSend(t, m, first)
	mustSend(t, m, second)
	got := received()
	if len(got) != 2 {
		t.Fatalf("received %d messages, want 2", len(got))
	}
	// Order is not part of the contract: a provider may reorder deliveries.
	slices.SortFunc(got, func(a, b ports.Email) int { return strings.Compare(a.Subject, b.Subject) })
	assertEmail(t, got[0], first)
	assertEmail(t, got[1], second)
}

func mailerConcurrent(t *testing.T, newMailer func(t *testing.T) (ports.Mailer, func() []ports.Email)) {
	m, received := newMailer(t)
	const senders = 10
	var wg sync.WaitGroup
	errs := make(chan error, senders)
	for i := range senders {
		wg.Go(func() {
			e := ports.Email{To: fmt.Sprintf("user%d@example.com", i), Subject: fmt.Sprintf("message %d", i), Text: "hi"}
			errs <- m.Send(mailerContext(t), e)
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("concurrent Send: %v", err)
		}
	}
	got := received()
	subjects := make(map[string]bool, len(got))
	for _, e := range got {
		subjects[e.Subject] = true
	}
	if len(got) != senders || len(subjects) != senders {
		t.Fatalf("received %d messages with %d distinct subjects, want %d of each", len(got), len(subjects), senders)
	}
}

func mailerContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	t.Cleanup(cancel)
	return ctx
}

func mustSend(t *testing.T, m ports.Mailer, e ports.Email) {
	t.Helper()
	if err := m.Send(mailerContext(t), e); err != nil {
		t.Fatalf("Send(%q): %v", e.Subject, err)
	}
}

// assertEmail compares field by field so that a nil and an empty headers map
// count as the same: backends differ in how they store "no headers".
func assertEmail(t *testing.T, got, want ports.Email) {
	t.Helper()
	fields := []struct{ name, got, want string }{
		{"To", got.To, want.To}, {"ToName", got.ToName, want.ToName}, {"Subject", got.Subject, want.Subject},
		{"Text", got.Text, want.Text}, {"HTML", got.HTML, want.HTML}, {"Category", got.Category, want.Category},
	}
	for _, f := range fields {
		if f.got != f.want {
			t.Errorf("%s = %q, want %q", f.name, f.got, f.want)
		}
	}
	if !maps.Equal(got.Headers, want.Headers) {
		t.Errorf("Headers = %v, want %v", got.Headers, want.Headers)
	}
}
