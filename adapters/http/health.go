package http

import (
	"context"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// Check is one dependency that readiness depends on, such as "database" or "cache".
type Check struct {
	Name   string
	Pinger ports.Pinger
}

// readyTimeout bounds a readiness probe; load balancers give up after a few seconds.
const readyTimeout = 2 * time.Second

type healthResponse struct {
	Status  string `json:"status"`
	Service string `json:"service"`
}

type readyResponse struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

// handleHealth says the process runs; it checks nothing else on purpose, so
// a database outage does not get healthy instances restarted.
func handleHealth() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		respond(w, r, http.StatusOK, healthResponse{Status: "healthy", Service: "meal-planner-api"})
	}
}

// handleReady says whether this instance should get traffic: every check
// answers within readyTimeout and the server is not draining for shutdown.
func handleReady(checks []Check, draining *atomic.Bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if draining != nil && draining.Load() {
			writeError(w, r, &domain.Error{Code: domain.CodeUnavailable, Message: "service not ready",
				Details: map[string]any{"server": "draining"}})
			return
		}
		results, ok := pingAll(r.Context(), checks)
		if !ok {
			details := make(map[string]any, len(results))
			for name, errText := range results {
				details[name] = statusText(errText)
				if errText != "" {
					loggerFrom(r.Context()).Warn("readiness check failed", "check", name, "error", errText)
				}
			}
			writeError(w, r, &domain.Error{Code: domain.CodeUnavailable, Message: "service not ready", Details: details})
			return
		}
		out := readyResponse{Status: "ready", Checks: make(map[string]string, len(results))}
		for name := range results {
			out.Checks[name] = "ok"
		}
		respond(w, r, http.StatusOK, out)
	}
}

func statusText(errText string) string {
	if errText == "" {
		return "ok"
	}
	return "unavailable"
}

type pingResult struct {
	name, err string
}

// pingAll pings every check at once and returns each one's error text ("" when
// fine). A pinger that ignores its context is counted as failed at the deadline
// rather than holding the probe open.
func pingAll(ctx context.Context, checks []Check) (map[string]string, bool) {
	ctx, cancel := context.WithTimeout(ctx, readyTimeout)
	defer cancel()
	out := make(chan pingResult, len(checks)) // buffered: late pingers never block
	for _, c := range checks {
		go func() { out <- pingResult{c.Name, pingErr(ctx, c.Pinger)} }()
	}
	results := make(map[string]string, len(checks))
	for _, c := range checks {
		results[c.Name] = "timed out"
	}
	ok := true
	for range checks {
		select {
		case res := <-out:
			results[res.name] = res.err
			ok = ok && res.err == ""
		case <-ctx.Done():
			return results, false
		}
	}
	return results, ok
}

func pingErr(ctx context.Context, p ports.Pinger) string {
	if p == nil {
		return "no pinger configured"
	}
	if err := p.Ping(ctx); err != nil {
		return err.Error()
	}
	return ""
}
