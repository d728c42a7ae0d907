// Package sendgrid delivers email through the SendGrid v3 Mail Send API with
// sendgrid-go.
package sendgrid

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	netmail "net/mail"
	"net/url"
	"strings"
	"time"

	"github.com/sendgrid/rest"
	sg "github.com/sendgrid/sendgrid-go"
	"github.com/sendgrid/sendgrid-go/helpers/mail"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var _ ports.Mailer = (*Mailer)(nil)

// Defaults applied by New to a zero Config field.
const (
	DefaultBaseURL = "https://api.sendgrid.com"
	DefaultTimeout = 10 * time.Second
)

// sendPath is the Mail Send endpoint, relative to the base URL.
const sendPath = "/v3/mail/send"

// Config says how to reach SendGrid and who the mail is from.
type Config struct {
	APIKey    string
	FromEmail string
	FromName  string
	// BaseURL is the API host, DefaultBaseURL when empty; tests point it at
	// an httptest server.
	BaseURL string
	// Timeout bounds one Send, DefaultTimeout when zero.
	Timeout time.Duration
}

// Mailer is a ports.Mailer that sends through SendGrid. It is safe for
// concurrent use.
type Mailer struct {
	cfg    Config
	client *rest.Client
}

// New validates cfg, fills in its defaults and returns a mailer. It does no
// I/O: a wrong key shows up on the first Send.
func New(cfg Config) (*Mailer, error) {
	cfg, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	// A dedicated client with a timeout: sendgrid-go would otherwise go
	// through the package-level rest.DefaultClient, whose http.Client never
	// times out and which any other code in the process may reconfigure.
	client := &rest.Client{HTTPClient: &http.Client{Timeout: cfg.Timeout}}
	return &Mailer{cfg: cfg, client: client}, nil
}

func (c Config) withDefaults() (Config, error) {
	c.APIKey = strings.TrimSpace(c.APIKey)
	if c.APIKey == "" {
		return c, errors.New("sendgrid: API key is required")
	}
	if c.FromEmail == "" {
		return c, errors.New("sendgrid: from email is required")
	}
	if _, err := netmail.ParseAddress(c.FromEmail); err != nil {
		return c, fmt.Errorf("sendgrid: from email %q is not an address", c.FromEmail)
	}
	if c.BaseURL == "" {
		c.BaseURL = DefaultBaseURL
	}
	u, err := url.Parse(c.BaseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, fmt.Errorf("sendgrid: base URL %q must be an http(s) URL", c.BaseURL)
	}
	c.BaseURL = strings.TrimRight(c.BaseURL, "/")
	switch {
	case c.Timeout < 0:
		return c, errors.New("sendgrid: timeout must not be negative")
	case c.Timeout == 0:
		c.Timeout = DefaultTimeout
	}
	return c, nil
}

// Send hands the message to SendGrid. SERVICE_UNAVAILABLE when SendGrid cannot
// be reached in time, rate-limits (429) or fails (5xx); any other refusal is an
// internal error carrying SendGrid's status, since retrying will not help.
func (m *Mailer) Send(ctx context.Context, e ports.Email) error {
	if e.To == "" || (e.Text == "" && e.HTML == "") {
		return fmt.Errorf("sendgrid: message %q needs a recipient and a body", e.Subject)
	}
	body, err := json.Marshal(m.message(e))
	if err != nil {
		return fmt.Errorf("sendgrid: encode message: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, m.cfg.Timeout)
	defer cancel()
	// A fresh request per call: sendgrid.Client.SendWithContext writes the
	// body into the shared request, which races when one client is shared.
	req := sg.GetRequest(m.cfg.APIKey, sendPath, m.cfg.BaseURL)
	req.Method = rest.Post
	req.Headers["Content-Type"] = "application/json"
	req.Body = body
	resp, err := m.client.SendWithContext(ctx, req)
	if resp == nil {
		return unavailable(err)
	}
	// A response with an error means the body could not be read; the status
	// line already tells whether SendGrid took the message.
	return checkStatus(resp, m.cfg.APIKey)
}

// message builds the v3 payload: one personalization, text before HTML (the
// order SendGrid requires), the category for analytics and custom headers.
func (m *Mailer) message(e ports.Email) *mail.SGMailV3 {
	msg := mail.NewV3Mail()
	msg.SetFrom(mail.NewEmail(m.cfg.FromName, m.cfg.FromEmail))
	msg.Subject = e.Subject
	p := mail.NewPersonalization()
	p.AddTos(mail.NewEmail(e.ToName, e.To))
	msg.AddPersonalizations(p)
	if e.Text != "" {
		msg.AddContent(mail.NewContent("text/plain", e.Text))
	}
	if e.HTML != "" {
		msg.AddContent(mail.NewContent("text/html", e.HTML))
	}
	if e.Category != "" {
		msg.AddCategories(e.Category)
	}
	for k, v := range e.Headers {
		msg.SetHeader(k, v)
	}
	return msg
}

// checkStatus maps SendGrid's answer to the port's errors.
func checkStatus(resp *rest.Response, apiKey string) error {
	status := resp.StatusCode
	switch {
	case status >= 200 && status < 300:
		return nil
	case status == http.StatusTooManyRequests || status >= 500:
		return unavailable(fmt.Errorf("status %d: %s", status, snippet(resp.Body, apiKey)))
	default:
		return fmt.Errorf("sendgrid: provider refused the message: status %d: %s", status, snippet(resp.Body, apiKey))
	}
}

// unavailable wraps the cause beside the domain error: callers and the HTTP
// adapter see SERVICE_UNAVAILABLE, logs see why.
func unavailable(cause error) error {
	if cause == nil {
		cause = errors.New("no response")
	}
	return fmt.Errorf("sendgrid: %w: %w", &domain.Error{Code: domain.CodeUnavailable, Message: "email provider unavailable"}, cause)
}

// maxSnippet bounds how much of SendGrid's error body goes into an error.
const maxSnippet = 512

// snippet shortens the provider's body for a log line and removes the API key
// should the body ever echo it.
func snippet(body, apiKey string) string {
	body = strings.ReplaceAll(body, apiKey, "[redacted]")
	if len(body) > maxSnippet {
		body = body[:maxSnippet] + "…"
	}
	return strings.TrimSpace(body)
}
