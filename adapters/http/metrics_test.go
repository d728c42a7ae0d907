package http

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func scrape(t *testing.T, m *Metrics) string {
	t.Helper()
	rec := httptest.NewRecorder()
	m.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/metrics", nil))
	if rec.Code != 200 {
		t.Fatalf("metrics status %d", rec.Code)
	}
	b, _ := io.ReadAll(rec.Body)
	return string(b)
}

func containsLine(exposition, prefix string) bool {
	for _, line := range strings.Split(exposition, "\n") {
		if strings.HasPrefix(line, prefix) {
			return true
		}
	}
	return false
}

func TestMetricsCountRequestsByRouteTemplate(t *testing.T) {
	m := NewMetrics()
	logger, _ := newTestLogger()
	h := routedServer(logger, m, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusAccepted) })
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/v1/users/123", nil))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/random/path/42", nil))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("BREW", "/api/v1/users/1", nil))

	got := scrape(t, m)
	for _, want := range []string{
		`http_requests_total{method="GET",route="/api/v1/users/{userId}",status="202"} 1`,
		`http_requests_total{method="GET",route="unmatched",status="404"} 1`,
		`http_requests_total{method="OTHER",route="/api/v1/users/{userId}",status="202"} 1`,
		`http_request_duration_seconds_bucket{method="GET",route="/api/v1/users/{userId}",le="0.05"} 1`,
		`http_request_duration_seconds_count{method="GET",route="/api/v1/users/{userId}"} 1`,
		`go_goroutines `,
		`process_`,
	} {
		if !containsLine(got, want) {
			t.Errorf("exposition lacks %q", want)
		}
	}
}

func TestMetricsFuncsAreIdempotent(t *testing.T) {
	m := NewMetrics()
	m.GaugeFunc("db_pool_open_connections", "Open connections.", func() float64 { return 3 })
	m.GaugeFunc("db_pool_open_connections", "Registered again.", func() float64 { return 99 })
	m.CounterFunc("cache_hits_total", "Cache hits.", func() float64 { return 7 })
	m.CounterFunc("cache_hits_total", "Registered again.", func() float64 { return 99 })
	m.GaugeFunc("not a valid name", "Ignored.", func() float64 { return 1 })
	m.CounterFunc("http_requests_total", "Clashes with a built-in.", func() float64 { return 1 })

	got := scrape(t, m)
	for _, want := range []string{"db_pool_open_connections 3", "cache_hits_total 7"} {
		if !containsLine(got, want) {
			t.Errorf("exposition lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, " 99") {
		t.Error("a second registration replaced the first")
	}
}

func TestMetricsRegistriesAreIndependent(t *testing.T) {
	a, b := NewMetrics(), NewMetrics()
	a.GaugeFunc("queue_depth", "Depth.", func() float64 { return 1 })
	b.GaugeFunc("queue_depth", "Depth.", func() float64 { return 2 })
	if !containsLine(scrape(t, a), "queue_depth 1") || !containsLine(scrape(t, b), "queue_depth 2") {
		t.Error("registries share state")
	}
	var nilMetrics *Metrics
	nilMetrics.observeRequest("GET", "/", 200, 0) // logRequests and rateLimit accept a nil *Metrics
	nilMetrics.rejectRate("general")
}
