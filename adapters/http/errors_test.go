package http

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain"
)

// serveError runs writeError behind requestID and logRequests, as in the
// server, and returns the recorder and the log output.
func serveError(t *testing.T, err error) (*httptest.ResponseRecorder, string) {
	t.Helper()
	logger, logs := newTestLogger()
	h := requestID(logRequests(logger, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, err)
	})))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/x", nil)
	req.Header.Set("X-Request-ID", "req-42")
	h.ServeHTTP(rec, req)
	return rec, logs.String()
}

func decodeErrorBody(t *testing.T, rec *httptest.ResponseRecorder) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &m); err != nil {
		t.Fatalf("error body is not JSON: %v: %s", err, rec.Body)
	}
	return m
}

func TestWriteErrorMapsEveryCode(t *testing.T) {
	want := map[domain.Code]int{
		domain.CodeValidation: 400, domain.CodeUnauthorized: 401, domain.CodeForbidden: 403,
		domain.CodeAccountLocked: 403, domain.CodeNotFound: 404, domain.CodeConflict: 409,
		domain.CodePayloadTooLarge: 413, domain.CodeUnsupportedMedia: 415, domain.CodeRateLimited: 429,
		domain.CodeUnavailable: 503,
	}
	for code, status := range want {
		rec, _ := serveError(t, fmt.Errorf("wrapped: %w", &domain.Error{Code: code, Message: "msg for " + string(code)}))
		if rec.Code != status {
			t.Errorf("%s: status %d, want %d", code, rec.Code, status)
		}
		m := decodeErrorBody(t, rec)
		if m["error"] != "msg for "+string(code) || m["code"] != string(code) {
			t.Errorf("%s: body %v", code, m)
		}
		if _, has := m["details"]; has {
			t.Errorf("%s: empty details must be omitted: %s", code, rec.Body)
		}
		if ct := rec.Header().Get("Content-Type"); ct != "application/json; charset=utf-8" {
			t.Errorf("%s: content type %q", code, ct)
		}
	}
	if len(statusByCode) != len(want)+1 {
		t.Errorf("statusByCode has %d codes, the test knows %d plus INTERNAL_ERROR", len(statusByCode), len(want))
	}
}

func TestWriteErrorHidesAndLogsUnknownErrors(t *testing.T) {
	for _, err := range []error{
		errors.New("pq: relation users does not exist"),
		&domain.Error{Code: domain.CodeInternal, Message: "disk full at /var/lib"},
		&domain.Error{Code: "SOMETHING_NEW", Message: "internal detail"},
	} {
		rec, logs := serveError(t, err)
		if rec.Code != 500 {
			t.Errorf("%v: status %d", err, rec.Code)
		}
		if got := strings.TrimSpace(rec.Body.String()); got != `{"error":"internal server error","code":"INTERNAL_ERROR"}` {
			t.Errorf("%v: body %s", err, got)
		}
		line := findLog(t, logs, "internal error")
		if line["level"] != "ERROR" || line["request_id"] != "req-42" || !strings.Contains(fmt.Sprint(line["error"]), err.Error()) {
			t.Errorf("%v: log line %v", err, line)
		}
	}
}

func TestWriteErrorTreatsClientHangUpAsWarning(t *testing.T) {
	logger, logs := newTestLogger()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req := httptest.NewRequest("GET", "/x", nil).WithContext(ctx)
	h := logRequests(logger, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, fmt.Errorf("query: %w", context.Canceled))
	}))
	h.ServeHTTP(httptest.NewRecorder(), req)
	if line := findLog(t, logs.String(), "request cancelled by client"); line["level"] != "WARN" {
		t.Errorf("log line %v", line)
	}
}

func TestWriteErrorUsesGenericTextForEmptyMessage(t *testing.T) {
	rec, _ := serveError(t, domain.ErrNotFound)
	if m := decodeErrorBody(t, rec); m["error"] != "not found" || m["code"] != "NOT_FOUND" {
		t.Errorf("body %v", m)
	}
	for code, msg := range genericMessages {
		if msg == "" {
			t.Errorf("%s has no generic message", code)
		}
	}
	for code := range statusByCode {
		if genericMessages[code] == "" {
			t.Errorf("%s has no generic message", code)
		}
	}
}

func TestWriteErrorKeepsDetails(t *testing.T) {
	rec, _ := serveError(t, domain.Invalid("bad", map[string]string{"email": "invalid email format"}))
	m := decodeErrorBody(t, rec)
	details, _ := m["details"].(map[string]any)
	if details["email"] != "invalid email format" {
		t.Errorf("details %v", m["details"])
	}
}

func TestWriteErrorSetsRetryAfter(t *testing.T) {
	cases := []struct {
		name string
		err  error
		want string
	}{
		{"503 default", domain.ErrUnavailable, "5"},
		{"429 from details", &domain.Error{Code: domain.CodeRateLimited, Details: map[string]any{"retryAfter": 12}}, "12"},
		{"429 fraction rounds up", &domain.Error{Code: domain.CodeRateLimited, Details: map[string]any{"retryAfter": 1.2}}, "2"},
		{"429 without hint", &domain.Error{Code: domain.CodeRateLimited}, ""},
		{"409 never", &domain.Error{Code: domain.CodeConflict, Details: map[string]any{"retryAfter": 3}}, ""},
	}
	for _, c := range cases {
		rec, _ := serveError(t, c.err)
		if got := rec.Header().Get("Retry-After"); got != c.want {
			t.Errorf("%s: Retry-After %q, want %q", c.name, got, c.want)
		}
	}
	rec := httptest.NewRecorder()
	rec.Header().Set("Retry-After", "30")
	writeError(rec, httptest.NewRequest("GET", "/", nil), domain.ErrUnavailable)
	if got := rec.Header().Get("Retry-After"); got != "30" {
		t.Errorf("a handler's Retry-After was replaced by %q", got)
	}
}

func TestWriteErrorSurvivesUnencodableDetails(t *testing.T) {
	rec, _ := serveError(t, &domain.Error{Code: domain.CodeConflict, Message: "x", Details: map[string]any{"f": func() {}}})
	if rec.Code != 500 || decodeErrorBody(t, rec)["code"] != "INTERNAL_ERROR" {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
}
