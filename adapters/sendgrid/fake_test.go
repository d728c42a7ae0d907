package sendgrid_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
)

// fakeSendGrid speaks enough of the v3 Mail Send protocol to check what the
// adapter puts on the wire: it answers only POST /v3/mail/send with the right
// bearer key and a JSON body of the v3 shape, records the decoded message and
// answers 202 with an empty body, or what a test told it to answer.
type fakeSendGrid struct {
	key  string
	from string
	srv  *httptest.Server

	mu       sync.Mutex
	received []ports.Email
	fromName []string
	status   int    // 0: accept with 202
	body     string // body sent with status
	delay    time.Duration
}

// v3Message is the part of the v3 payload the adapter sends; decoding with
// unknown fields disallowed catches anything else it might add.
type v3Message struct {
	From             v3Address `json:"from"`
	Subject          string    `json:"subject"`
	Personalizations []struct {
		To []v3Address `json:"to"`
	} `json:"personalizations"`
	Content []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
	} `json:"content"`
	Categories []string          `json:"categories"`
	Headers    map[string]string `json:"headers"`
}

type v3Address struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

func newFakeSendGrid(t *testing.T, key, from string) *fakeSendGrid {
	t.Helper()
	f := &fakeSendGrid{key: key, from: from}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serveHTTP))
	t.Cleanup(f.srv.Close)
	return f
}

// failWith makes every later request answer status with body.
func (f *fakeSendGrid) failWith(status int, body string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.status, f.body = status, body
}

// sleep makes every later request wait d (or until the client gives up).
func (f *fakeSendGrid) sleep(d time.Duration) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.delay = d
}

func (f *fakeSendGrid) messages() []ports.Email {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]ports.Email(nil), f.received...)
}

func (f *fakeSendGrid) senderNames() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.fromName...)
}

// admit answers and returns false for requests SendGrid would turn away
// before looking at the body.
func (f *fakeSendGrid) admit(w http.ResponseWriter, r *http.Request) bool {
	if r.Method != http.MethodPost || r.URL.Path != "/v3/mail/send" {
		writeV3Error(w, http.StatusNotFound, "not found")
		return false
	}
	if r.Header.Get("Authorization") != "Bearer "+f.key {
		writeV3Error(w, http.StatusUnauthorized, "The provided authorization grant is invalid, expired, or revoked")
		return false
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeV3Error(w, http.StatusUnsupportedMediaType, "Content-Type should be application/json")
		return false
	}
	return true
}

func (f *fakeSendGrid) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if !f.admit(w, r) {
		return
	}
	// Reading the body first lets net/http notice a client that hangs up
	// during the delay and cancel r.Context().
	payload, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	f.mu.Lock()
	status, body, delay := f.status, f.body, f.delay
	f.mu.Unlock()
	select {
	case <-time.After(delay):
	case <-r.Context().Done():
		return
	}
	if status != 0 {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
		return
	}
	e, fromName, err := f.decode(payload)
	if err != nil {
		writeV3Error(w, http.StatusBadRequest, err.Error())
		return
	}
	f.mu.Lock()
	f.received = append(f.received, e)
	f.fromName = append(f.fromName, fromName)
	f.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
}

// decode turns a v3 body into the message it carries, refusing what SendGrid
// would refuse: no recipient, no content, HTML before text, foreign sender.
func (f *fakeSendGrid) decode(payload []byte) (ports.Email, string, error) {
	var m v3Message
	dec := json.NewDecoder(bytes.NewReader(payload))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return ports.Email{}, "", fmt.Errorf("bad JSON: %w", err)
	}
	if m.From.Email != f.from {
		return ports.Email{}, "", fmt.Errorf("from %q is not a verified sender", m.From.Email)
	}
	if len(m.Personalizations) != 1 || len(m.Personalizations[0].To) != 1 || len(m.Categories) > 1 {
		return ports.Email{}, "", fmt.Errorf("want one personalization with one recipient and at most one category")
	}
	to := m.Personalizations[0].To[0]
	e := ports.Email{To: to.Email, ToName: to.Name, Subject: m.Subject, Headers: m.Headers}
	if len(m.Categories) == 1 {
		e.Category = m.Categories[0]
	}
	for i, c := range m.Content {
		switch {
		case c.Type == "text/plain" && i == 0:
			e.Text = c.Value
		case c.Type == "text/html" && e.HTML == "":
			e.HTML = c.Value
		default:
			return ports.Email{}, "", fmt.Errorf("content[%d] of type %q out of order", i, c.Type)
		}
	}
	if len(m.Content) == 0 {
		return ports.Email{}, "", fmt.Errorf("content is required")
	}
	return e, m.From.Name, nil
}

func writeV3Error(w http.ResponseWriter, status int, message string) {
	var b bytes.Buffer
	_ = json.NewEncoder(&b).Encode(map[string]any{"errors": []map[string]any{{"message": message, "field": nil}}})
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b.Bytes())
}
