package http

import (
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// latencyBuckets are dense around the 50 ms P95 budget so that the budget
// can be read off the histogram, with a tail for slow AI and export calls.
var latencyBuckets = []float64{0.001, 0.0025, 0.005, 0.01, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics is the API's Prometheus registry. Each Metrics has its own
// registry rather than the global one, so tests can build many servers.
type Metrics struct {
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec
	duration   *prometheus.HistogramVec
	rejections *prometheus.CounterVec

	mu    sync.Mutex
	funcs map[string]bool
}

// NewMetrics builds a registry with the Go runtime and process collectors and
// the HTTP metrics.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "http_requests_total", Help: "HTTP requests by method, route template and status.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "http_request_duration_seconds", Help: "HTTP request latency by method and route template.",
			Buckets: latencyBuckets,
		}, []string{"method", "route"}),
		rejections: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "rate_limit_rejections_total", Help: "Requests refused by a rate limit, by rule.",
		}, []string{"rule"}),
		funcs: map[string]bool{},
	}
	m.registry.MustRegister(collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}),
		m.requests, m.duration, m.rejections)
	return m
}

// Handler serves the registry in the Prometheus exposition format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

// GaugeFunc registers a gauge read from fn at each scrape (pool sizes, queue
// depth). Registering a name twice keeps the first and ignores the second.
func (m *Metrics) GaugeFunc(name, help string, fn func() float64) {
	m.registerFunc(name, func() prometheus.Collector {
		return prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, fn)
	})
}

// CounterFunc registers a counter read from fn at each scrape (cache hits,
// misses); fn must never decrease. A second registration of a name is ignored.
func (m *Metrics) CounterFunc(name, help string, fn func() float64) {
	m.registerFunc(name, func() prometheus.Collector {
		return prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, fn)
	})
}

func (m *Metrics) registerFunc(name string, build func() prometheus.Collector) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.funcs[name] {
		return
	}
	if err := m.registry.Register(build()); err != nil {
		// A bad or clashing name is a wiring bug; losing one metric must not stop the API.
		slog.Default().Error("metric not registered", "metric", name, "error", err)
		return
	}
	m.funcs[name] = true
}

// knownMethods keeps the method label bounded: anything else a client sends is "OTHER".
var knownMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodPost: true, http.MethodPut: true,
	http.MethodPatch: true, http.MethodDelete: true, http.MethodOptions: true,
}

func (m *Metrics) observeRequest(method, route string, status int, d time.Duration) {
	if m == nil {
		return
	}
	if !knownMethods[method] {
		method = "OTHER"
	}
	m.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	m.duration.WithLabelValues(method, route).Observe(d.Seconds())
}

func (m *Metrics) rejectRate(rule string) {
	if m == nil {
		return
	}
	m.rejections.WithLabelValues(rule).Inc()
}
