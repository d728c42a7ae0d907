package http

import (
	"bufio"
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/mux"
)

// syncBuffer lets a handler goroutine log while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func newTestLogger() (*slog.Logger, *syncBuffer) {
	buf := &syncBuffer{}
	return slog.New(slog.NewJSONHandler(buf, &slog.HandlerOptions{Level: slog.LevelDebug})), buf
}

// findLog returns the first JSON log line with the given message.
func findLog(t *testing.T, logs, msg string) map[string]any {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(logs))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("log line is not JSON: %s", sc.Text())
		}
		if line["msg"] == msg {
			return line
		}
	}
	t.Fatalf("no log line %q in:\n%s", msg, logs)
	return nil
}

// routedServer builds requestID → logRequests → a mux router with recordRoute, as the server does.
func routedServer(logger *slog.Logger, m *Metrics, h http.HandlerFunc) http.Handler {
	r := mux.NewRouter()
	r.Use(recordRoute)
	r.Handle("/api/v1/users/{userId}", h)
	return requestID(logRequests(logger, m)(r))
}

func TestLogRequestsWritesOneStructuredLine(t *testing.T) {
	logger, logs := newTestLogger()
	h := routedServer(logger, nil, func(w http.ResponseWriter, r *http.Request) {
		if requestIDFrom(r.Context()) == "" {
			t.Error("no request id in context")
		}
		loggerFrom(r.Context()).Info("inside")
		w.WriteHeader(http.StatusCreated)
		_, _ = w.Write([]byte("hello"))
	})
	req := httptest.NewRequest("PATCH", "/api/v1/users/42", nil)
	req.RemoteAddr = "203.0.113.9:5555"
	req.Header.Set("X-Request-ID", "abc-1")
	h.ServeHTTP(httptest.NewRecorder(), req)

	if inside := findLog(t, logs.String(), "inside"); inside["request_id"] != "abc-1" {
		t.Errorf("handler's logger lacks the request id: %v", inside)
	}
	line := findLog(t, logs.String(), "http request")
	want := map[string]any{"level": "INFO", "method": "PATCH", "route": "/api/v1/users/{userId}",
		"status": 201.0, "bytes": 5.0, "request_id": "abc-1", "remote_ip": "203.0.113.9"}
	for k, v := range want {
		if line[k] != v {
			t.Errorf("%s = %v, want %v", k, line[k], v)
		}
	}
	if d, ok := line["duration_ms"].(float64); !ok || d < 0 {
		t.Errorf("duration_ms = %v", line["duration_ms"])
	}
}

func TestLogRequestsUnmatchedAndServerErrors(t *testing.T) {
	logger, logs := newTestLogger()
	h := routedServer(logger, nil, func(w http.ResponseWriter, r *http.Request) {})
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/nope", nil))
	if line := findLog(t, logs.String(), "http request"); line["route"] != "unmatched" || line["status"] != 404.0 {
		t.Errorf("unmatched request logged as %v", line)
	}

	logger, logs = newTestLogger()
	h = routedServer(logger, nil, func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(502) })
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/api/v1/users/me", nil))
	if line := findLog(t, logs.String(), "http request"); line["level"] != "ERROR" || line["status"] != 502.0 {
		t.Errorf("5xx logged as %v", line)
	}
}

func TestLoggerFromFallsBackToDefault(t *testing.T) {
	req := httptest.NewRequest("GET", "/", nil)
	if loggerFrom(req.Context()) != slog.Default() {
		t.Error("without middleware loggerFrom must be slog.Default()")
	}
}

func TestStatusWriterKeepsFlusherAndUnwrap(t *testing.T) {
	logger, _ := newTestLogger()
	type result struct{ flusher, deadline bool }
	results := make(chan result, 2)
	h := logRequests(logger, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f, ok := w.(http.Flusher)
		if ok {
			_, _ = w.Write([]byte("part"))
			f.Flush()
		}
		// Only the real connection's writer supports deadlines: this checks Unwrap.
		results <- result{ok, http.NewResponseController(w).SetWriteDeadline(time.Now().Add(time.Minute)) == nil}
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	res, err := srv.Client().Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := <-results; !got.flusher || !got.deadline {
		t.Errorf("flusher %v, write deadline through ResponseController %v", got.flusher, got.deadline)
	}

	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !rec.Flushed {
		t.Error("Flush did not reach the underlying writer")
	}
}

func TestStatusWriterIgnoresInformationalStatus(t *testing.T) {
	sw := trackWrites(httptest.NewRecorder())
	sw.WriteHeader(http.StatusEarlyHints)
	sw.WriteHeader(http.StatusAccepted)
	if sw.statusOrOK() != http.StatusAccepted || trackWrites(sw) != sw {
		t.Errorf("status %d", sw.statusOrOK())
	}
}
