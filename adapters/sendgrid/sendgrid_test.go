package sendgrid_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sendgrid/rest"

	"github.com/mealplanner/backend/adapters/sendgrid"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

const (
	testKey  = "SG.test-key-that-must-never-leak"
	testFrom = "planner@example.com"
)

var testEmail = ports.Email{To: "ada@example.com", Subject: "Welcome", Text: "hello", HTML: "<p>hello</p>"}

func mustMailer(tb testing.TB, baseURL string, timeout time.Duration) *sendgrid.Mailer {
	tb.Helper()
	m, err := sendgrid.New(sendgrid.Config{APIKey: testKey, FromEmail: testFrom, FromName: "Meal Planner",
		BaseURL: baseURL, Timeout: timeout})
	if err != nil {
		tb.Fatalf("sendgrid.New: %v", err)
	}
	return m
}

func TestMailerContract(t *testing.T) {
	porttest.Mailer(t, func(t *testing.T) (ports.Mailer, func() []ports.Email) {
		fake := newFakeSendGrid(t, testKey, testFrom)
		return mustMailer(t, fake.srv.URL, 0), fake.messages
	})
}

func TestSendFromConfiguredSender(t *testing.T) {
	fake := newFakeSendGrid(t, testKey, testFrom)
	if err := mustMailer(t, fake.srv.URL+"/", 0).Send(context.Background(), testEmail); err != nil {
		t.Fatal(err)
	}
	if names := fake.senderNames(); len(names) != 1 || names[0] != "Meal Planner" {
		t.Fatalf("from names = %v, want [Meal Planner]", names)
	}
}

func TestNewValidatesConfig(t *testing.T) {
	good := sendgrid.Config{APIKey: testKey, FromEmail: testFrom}
	tests := map[string]func(c *sendgrid.Config){
		"no key":           func(c *sendgrid.Config) { c.APIKey = " " },
		"no from":          func(c *sendgrid.Config) { c.FromEmail = "" },
		"bad from":         func(c *sendgrid.Config) { c.FromEmail = "not an address" },
		"bad base URL":     func(c *sendgrid.Config) { c.BaseURL = "api.sendgrid.com" },
		"negative timeout": func(c *sendgrid.Config) { c.Timeout = -time.Second },
	}
	for name, spoil := range tests {
		t.Run(name, func(t *testing.T) {
			c := good
			spoil(&c)
			if _, err := sendgrid.New(c); err == nil {
				t.Fatal("New succeeded, want an error")
			} else if strings.Contains(err.Error(), testKey) {
				t.Fatalf("error leaks the key: %v", err)
			}
		})
	}
	if _, err := sendgrid.New(good); err != nil {
		t.Fatalf("New with defaults: %v", err)
	}
}

func TestSendMapsProviderErrors(t *testing.T) {
	tests := []struct {
		status int
		want   domain.Code
	}{
		{http.StatusTooManyRequests, domain.CodeUnavailable},
		{http.StatusInternalServerError, domain.CodeUnavailable},
		{http.StatusServiceUnavailable, domain.CodeUnavailable},
		{http.StatusBadRequest, domain.CodeInternal},
		{http.StatusForbidden, domain.CodeInternal},
	}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			fake := newFakeSendGrid(t, testKey, testFrom)
			// The worst case: a body that echoes the key must not carry it into the error.
			fake.failWith(tt.status, `{"errors":[{"message":"refused","help":"Bearer `+testKey+`"}]}`)
			err := mustMailer(t, fake.srv.URL, 0).Send(context.Background(), testEmail)
			assertSendError(t, err, tt.want)
			if tt.want == domain.CodeInternal && !strings.Contains(err.Error(), strconv.Itoa(tt.status)) {
				t.Errorf("error %q does not name the status %d", err, tt.status)
			}
		})
	}
}

func TestSendWrongKeyIsInternal(t *testing.T) {
	fake := newFakeSendGrid(t, "SG.another-key", testFrom)
	err := mustMailer(t, fake.srv.URL, 0).Send(context.Background(), testEmail)
	assertSendError(t, err, domain.CodeInternal)
	if !strings.Contains(err.Error(), "401") {
		t.Errorf("error %q does not name the status", err)
	}
}

func TestSendTimesOut(t *testing.T) {
	fake := newFakeSendGrid(t, testKey, testFrom)
	fake.sleep(5 * time.Second)
	start := time.Now()
	err := mustMailer(t, fake.srv.URL, 100*time.Millisecond).Send(context.Background(), testEmail)
	assertSendError(t, err, domain.CodeUnavailable)
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("Send took %v with a 100ms timeout", elapsed)
	}
}

func TestSendHonoursCallerDeadline(t *testing.T) {
	fake := newFakeSendGrid(t, testKey, testFrom)
	fake.sleep(5 * time.Second)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := mustMailer(t, fake.srv.URL, 0).Send(ctx, testEmail)
	assertSendError(t, err, domain.CodeUnavailable)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("error %q does not keep the cause", err)
	}
	if elapsed := time.Since(start); elapsed > 2*time.Second {
		t.Fatalf("Send took %v past a 100ms deadline", elapsed)
	}
}

func TestSendUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	err := mustMailer(t, url, time.Second).Send(context.Background(), testEmail)
	assertSendError(t, err, domain.CodeUnavailable)
}

// TestSendDoesNotUseDefaultClient breaks the package-level client that
// sendgrid-go would use by default and checks that sending still works.
func TestSendDoesNotUseDefaultClient(t *testing.T) {
	saved := rest.DefaultClient.HTTPClient
	rest.DefaultClient.HTTPClient = &http.Client{Transport: failingTransport{}}
	t.Cleanup(func() { rest.DefaultClient.HTTPClient = saved })
	fake := newFakeSendGrid(t, testKey, testFrom)
	if err := mustMailer(t, fake.srv.URL, 0).Send(context.Background(), testEmail); err != nil {
		t.Fatalf("Send went through rest.DefaultClient: %v", err)
	}
}

func TestSendRefusesEmptyMessage(t *testing.T) {
	fake := newFakeSendGrid(t, testKey, testFrom)
	m := mustMailer(t, fake.srv.URL, 0)
	for _, e := range []ports.Email{{Subject: "no recipient", Text: "x"}, {To: "a@example.com", Subject: "no body"}} {
		if err := m.Send(context.Background(), e); err == nil || domain.ErrorCode(err) != domain.CodeInternal {
			t.Errorf("Send(%q) = %v, want an internal error", e.Subject, err)
		}
	}
	if n := len(fake.messages()); n != 0 {
		t.Fatalf("fake received %d messages", n)
	}
}

type failingTransport struct{}

func (failingTransport) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("rest.DefaultClient must not be used")
}

func assertSendError(t *testing.T, err error, want domain.Code) {
	t.Helper()
	if err == nil {
		t.Fatal("Send succeeded, want an error")
	}
	if got := domain.ErrorCode(err); got != want {
		t.Fatalf("code = %s, want %s (err %v)", got, want, err)
	}
	if strings.Contains(err.Error(), testKey) {
		t.Fatalf("error leaks the API key: %v", err)
	}
	var de *domain.Error
	if want == domain.CodeUnavailable && (!errors.As(err, &de) || de.Message != "email provider unavailable") {
		t.Fatalf("domain error = %v, want message %q", de, "email provider unavailable")
	}
}
