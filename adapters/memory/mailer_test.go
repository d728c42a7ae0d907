package memory_test

import (
	"context"
	"errors"
	"testing"

	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestMailerContract(t *testing.T) {
	porttest.Mailer(t, func(t *testing.T) (ports.Mailer, func() []ports.Email) {
		m := memory.NewMailer()
		return m, m.Sent
	})
}

func TestMailerFailNext(t *testing.T) {
	m := memory.NewMailer()
	boom := errors.New("boom")
	m.FailNext(boom)
	m.FailNext(boom)
	ctx := context.Background()
	for i := range 2 {
		if err := m.Send(ctx, ports.Email{To: "a@example.com"}); !errors.Is(err, boom) {
			t.Fatalf("send %d: err = %v, want boom", i, err)
		}
	}
	if err := m.Send(ctx, ports.Email{To: "a@example.com"}); err != nil {
		t.Fatalf("third send: %v", err)
	}
	if n := len(m.Sent()); n != 1 {
		t.Fatalf("recorded %d messages, want 1 (failed sends record nothing)", n)
	}
	m.FailNext(boom)
	m.FailNext(nil)
	if err := m.Send(ctx, ports.Email{To: "a@example.com"}); err != nil {
		t.Fatalf("FailNext(nil) should clear the queue: %v", err)
	}
}

func TestMailerSentIsACopy(t *testing.T) {
	m := memory.NewMailer()
	headers := map[string]string{"List-Unsubscribe": "<https://x>"}
	if err := m.Send(context.Background(), ports.Email{To: "a@example.com", Headers: headers}); err != nil {
		t.Fatal(err)
	}
	headers["List-Unsubscribe"] = "changed by caller"
	m.Sent()[0].Headers["List-Unsubscribe"] = "changed by reader"
	if got := m.Sent()[0].Headers["List-Unsubscribe"]; got != "<https://x>" {
		t.Fatalf("recorded header = %q, want the original", got)
	}
}

func TestMailerCanceledContext(t *testing.T) {
	m := memory.NewMailer()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := m.Send(ctx, ports.Email{To: "a@example.com"}); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if len(m.Sent()) != 0 {
		t.Fatal("a canceled send was recorded")
	}
}
