package http

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/mealplanner/backend/ports"
)

// fakeLimiter counts per key in one fixed window, or fails when told to.
type fakeLimiter struct {
	mu     sync.Mutex
	counts map[string]int
	keys   []string
	reset  time.Time
	fail   error
}

func (f *fakeLimiter) Allow(_ context.Context, key string, limit int, window time.Duration) (ports.RateDecision, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keys = append(f.keys, key)
	if f.fail != nil {
		return ports.RateDecision{}, f.fail
	}
	if f.counts == nil {
		f.counts = map[string]int{}
	}
	f.counts[key]++
	n := f.counts[key]
	d := ports.RateDecision{Allowed: n <= limit, Limit: limit, Remaining: max(limit-n, 0), ResetAt: f.reset}
	if !d.Allowed {
		d.RetryAfter = time.Until(f.reset)
	}
	return d, nil
}

func limited(l ports.RateLimiter, m *Metrics, rules ...rateRule) http.Handler {
	var h http.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	for i := len(rules) - 1; i >= 0; i-- {
		h = rateLimit(l, rules[i], func(r *http.Request) string { return clientIP(r, false) }, m)(h)
	}
	return h
}

func TestRateLimitSetsHeadersAndRefuses(t *testing.T) {
	reset := time.Now().Add(90*time.Second + 700*time.Millisecond)
	l := &fakeLimiter{reset: reset}
	m := NewMetrics()
	h := limited(l, m, rateRule{Name: "auth", Limit: 2, Window: 15 * time.Minute})
	var rec *httptest.ResponseRecorder
	for i, want := range []struct{ status, remaining int }{{200, 1}, {200, 0}, {429, 0}} {
		rec = httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("POST", "/login", nil))
		wantRateHeaders(t, rec, want.status, "2", strconv.Itoa(want.remaining), strconv.FormatInt(reset.Unix(), 10))
		if t.Failed() {
			t.Fatalf("request %d", i+1)
		}
	}
	if got := rec.Header().Get("Retry-After"); got != "91" {
		t.Errorf("Retry-After %q, want 91 (rounded up)", got)
	}
	body := decodeErrorBody(t, rec)
	details, _ := body["details"].(map[string]any)
	if body["code"] != "RATE_LIMITED" || body["error"] != "too many requests, please try again later" || details["retryAfter"] != 91.0 {
		t.Errorf("body %v", body)
	}
	if l.keys[0] != "auth:192.0.2.1" {
		t.Errorf("limiter key %q, want rule name and client", l.keys[0])
	}
	if got := scrape(t, m); !containsLine(got, `rate_limit_rejections_total{rule="auth"} 1`) {
		t.Errorf("rejection not counted:\n%s", got)
	}
}

func wantRateHeaders(t *testing.T, rec *httptest.ResponseRecorder, status int, limit, remaining, reset string) {
	t.Helper()
	if rec.Code != status {
		t.Errorf("status %d, want %d", rec.Code, status)
	}
	want := map[string]string{"X-RateLimit-Limit": limit, "X-RateLimit-Remaining": remaining, "X-RateLimit-Reset": reset}
	for k, v := range want {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}
}

func TestRateLimitTighterRuleWinsTheHeaders(t *testing.T) {
	l := &fakeLimiter{reset: time.Now().Add(time.Minute)}
	general := rateRule{Name: "general", Limit: 100, Window: time.Minute}
	auth := rateRule{Name: "auth", Limit: 3, Window: 15 * time.Minute}
	for _, order := range [][]rateRule{{general, auth}, {auth, general}} {
		l.counts = nil
		rec := httptest.NewRecorder()
		limited(l, nil, order...).ServeHTTP(rec, httptest.NewRequest("POST", "/login", nil))
		wantRateHeaders(t, rec, 200, "3", "2", rec.Header().Get("X-RateLimit-Reset"))
	}
}

func TestRateLimitFailsOpen(t *testing.T) {
	logger, logs := newTestLogger()
	l := &fakeLimiter{fail: errors.New("redis: connection refused")}
	h := logRequests(logger, nil)(limited(l, nil, rateRule{Name: "general", Limit: 1, Window: time.Minute}))
	for range 3 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
		if rec.Code != 200 || rec.Header().Get("X-RateLimit-Limit") != "" {
			t.Errorf("status %d headers %v", rec.Code, rec.Header())
		}
	}
	if line := findLog(t, logs.String(), "rate limiter failed, request let through"); line["level"] != "WARN" || line["rule"] != "general" {
		t.Errorf("log line %v", line)
	}
}

func TestTooManyRequestsRetryAfterIsAtLeastOneSecond(t *testing.T) {
	now := time.Now()
	for _, d := range []ports.RateDecision{{RetryAfter: time.Millisecond}, {ResetAt: now.Add(-time.Second)}, {}} {
		err := tooManyRequests(d, now)
		if got := fmtDetails(err); got != `{"retryAfter":1}` {
			t.Errorf("%+v: details %s", d, got)
		}
	}
}

func TestClientIP(t *testing.T) {
	cases := []struct {
		remote, xff string
		trust       bool
		want        string
	}{
		{"203.0.113.5:1234", "", false, "203.0.113.5"},
		{"203.0.113.5:1234", "198.51.100.7", false, "203.0.113.5"},
		{"10.0.0.2:1234", "198.51.100.7, 10.0.0.1", true, "10.0.0.1"},
		{"10.0.0.2:1234", "1.2.3.4, 198.51.100.7", true, "198.51.100.7"}, // a spoofed first entry is ignored
		{"10.0.0.2:1234", " 2001:db8::1 ", true, "2001:db8::1"},
		{"10.0.0.2:1234", "not-an-ip", true, "10.0.0.2"},
		{"10.0.0.2:1234", "", true, "10.0.0.2"},
		{"[2001:db8::2]:443", "", false, "2001:db8::2"},
		{"pipe", "", false, "pipe"},
	}
	for _, c := range cases {
		req := httptest.NewRequest("GET", "/", nil)
		req.RemoteAddr = c.remote
		if c.xff != "" {
			req.Header.Set("X-Forwarded-For", c.xff)
		}
		if got := clientIP(req, c.trust); got != c.want {
			t.Errorf("%q %q trust=%v: %q, want %q", c.remote, c.xff, c.trust, got, c.want)
		}
	}
}
