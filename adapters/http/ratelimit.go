package http

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// rateRule is one limit: Limit requests per Window, counted per key under Name.
type rateRule struct {
	Name   string
	Limit  int
	Window time.Duration
}

const (
	headerRateLimit     = "X-RateLimit-Limit"
	headerRateRemaining = "X-RateLimit-Remaining"
	headerRateReset     = "X-RateLimit-Reset"
)

// rateLimit counts each request against rule under rule.Name+":"+key(r) and
// refuses it with 429 once the window is used up. A failing limiter lets the
// request through: the Redis adapter already falls back to a local count, so
// an error here means both failed, and refusing all traffic would be worse.
func rateLimit(l ports.RateLimiter, rule rateRule, key func(*http.Request) string, m *Metrics) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			d, err := l.Allow(r.Context(), rule.Name+":"+key(r), rule.Limit, rule.Window)
			if err != nil {
				loggerFrom(r.Context()).Warn("rate limiter failed, request let through", "rule", rule.Name, "error", err)
				next.ServeHTTP(w, r)
				return
			}
			now := time.Now()
			setRateHeaders(w.Header(), rule, d, now)
			if !d.Allowed {
				m.rejectRate(rule.Name)
				writeError(w, r, tooManyRequests(d, now))
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// setRateHeaders describes the decision. When an outer rule already set the
// headers (general + auth), the one with fewer requests left wins, since that
// is the limit the client will hit first; a refusal always wins.
func setRateHeaders(h http.Header, rule rateRule, d ports.RateDecision, now time.Time) {
	remaining := max(d.Remaining, 0)
	if prev, err := strconv.Atoi(h.Get(headerRateRemaining)); err == nil && prev <= remaining && d.Allowed {
		return
	}
	limit := d.Limit
	if limit <= 0 {
		limit = rule.Limit
	}
	reset := d.ResetAt
	if reset.IsZero() {
		reset = now.Add(rule.Window)
	}
	h.Set(headerRateLimit, strconv.Itoa(limit))
	h.Set(headerRateRemaining, strconv.Itoa(remaining))
	h.Set(headerRateReset, strconv.FormatInt(reset.Unix(), 10))
}

func tooManyRequests(d ports.RateDecision, now time.Time) error {
	wait := d.RetryAfter
	if wait <= 0 {
		wait = d.ResetAt.Sub(now)
	}
	seconds := max(1, int((wait+time.Second-1)/time.Second))
	return &domain.Error{Code: domain.CodeRateLimited, Message: "too many requests, please try again later",
		Details: map[string]any{"retryAfter": seconds}}
}

// clientIP is the address rate limits count against: the peer, or with
// trustProxy the last X-Forwarded-For entry. A client can write anything into
// that header; only the entry our own proxy appended, the last one, can be
// trusted, so trustProxy means exactly one proxy of ours in front of the API.
func clientIP(r *http.Request, trustProxy bool) string {
	if xff := r.Header.Get("X-Forwarded-For"); trustProxy && xff != "" {
		last := xff[strings.LastIndex(xff, ",")+1:]
		if ip := net.ParseIP(strings.TrimSpace(last)); ip != nil {
			return ip.String()
		}
	}
	return remoteHost(r.RemoteAddr)
}
