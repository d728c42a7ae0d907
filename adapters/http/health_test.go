package http

import (
	"context"
	"errors"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

type pingFunc func(ctx context.Context) error

func (f pingFunc) Ping(ctx context.Context) error { return f(ctx) }

var pingOK = pingFunc(func(context.Context) error { return nil })

func serveReady(t *testing.T, checks []Check, draining *atomic.Bool) (*httptest.ResponseRecorder, string) {
	t.Helper()
	logger, logs := newTestLogger()
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/ready", nil)
	logRequests(logger, nil)(handleReady(checks, draining)).ServeHTTP(rec, req)
	res := rec.Result()
	res.Header.Set("X-Request-ID", "r")
	checkResponse(t, req, res, rec.Body.Bytes())
	return rec, logs.String()
}

func TestHealth(t *testing.T) {
	rec := httptest.NewRecorder()
	handleHealth()(rec, httptest.NewRequest("GET", "/health", nil))
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"status":"healthy","service":"meal-planner-api"}` {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
}

func TestReadyWhenEveryCheckAnswers(t *testing.T) {
	rec, _ := serveReady(t, []Check{{"database", pingOK}, {"cache", pingOK}}, new(atomic.Bool))
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `{"status":"ready","checks":{"cache":"ok","database":"ok"}}` {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
}

func TestReadyFailsWithoutLeakingTheCause(t *testing.T) {
	failing := pingFunc(func(context.Context) error { return errors.New("dial tcp 10.0.0.5:5432: connection refused") })
	rec, logs := serveReady(t, []Check{{"database", failing}, {"cache", pingOK}}, nil)
	want := `{"error":"service not ready","code":"SERVICE_UNAVAILABLE","details":{"cache":"ok","database":"unavailable"}}`
	if rec.Code != 503 || strings.TrimSpace(rec.Body.String()) != want || rec.Header().Get("Retry-After") != "5" {
		t.Errorf("status %d body %s headers %v", rec.Code, rec.Body, rec.Header())
	}
	if line := findLog(t, logs, "readiness check failed"); line["check"] != "database" || !strings.Contains(line["error"].(string), "refused") {
		t.Errorf("log line %v", line)
	}
}

func TestReadyTimesOutAPingerThatHangs(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the 2 s readiness timeout")
	}
	release := make(chan struct{})
	defer close(release)
	hung := pingFunc(func(context.Context) error { <-release; return nil }) // ignores its context
	start := time.Now()
	rec, _ := serveReady(t, []Check{{"database", pingOK}, {"cache", hung}}, nil)
	if rec.Code != 503 || !strings.Contains(rec.Body.String(), `"cache":"unavailable"`) || !strings.Contains(rec.Body.String(), `"database":"ok"`) {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
	if elapsed := time.Since(start); elapsed > readyTimeout+time.Second {
		t.Errorf("took %v", elapsed)
	}
}

func TestReadyFailsWhileDraining(t *testing.T) {
	var draining atomic.Bool
	draining.Store(true)
	rec, _ := serveReady(t, []Check{{"database", pingOK}}, &draining)
	want := `{"error":"service not ready","code":"SERVICE_UNAVAILABLE","details":{"server":"draining"}}`
	if rec.Code != 503 || strings.TrimSpace(rec.Body.String()) != want {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
}
