package http

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestRecoverPanicsAnswersTheContractBody(t *testing.T) {
	logger, logs := newTestLogger()
	h := requestID(logRequests(logger, nil)(recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic("boom: secret detail")
	}))))
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("X-Request-ID", "panic-1")
	h.ServeHTTP(rec, req)

	if rec.Code != 500 || strings.TrimSpace(rec.Body.String()) != `{"error":"internal server error","code":"INTERNAL_ERROR"}` {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
	line := findLog(t, logs.String(), "panic serving request")
	stack, _ := line["stack"].(string)
	if line["level"] != "ERROR" || line["panic"] != "boom: secret detail" || line["request_id"] != "panic-1" ||
		!strings.Contains(stack, "recover_test.go") {
		t.Errorf("log line %v", line)
	}
	if access := findLog(t, logs.String(), "http request"); access["status"] != 500.0 {
		t.Errorf("access log status %v", access["status"])
	}
}

func TestRecoverPanicsRepanicsAbortHandler(t *testing.T) {
	h := recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		panic(http.ErrAbortHandler)
	}))
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/", nil))
	t.Error("ErrAbortHandler was swallowed")
}

func TestRecoverPanicsAbortsAfterPartialResponse(t *testing.T) {
	h := recoverPanics(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"partial":`))
		panic(errors.New("mid-stream"))
	}))
	rec := httptest.NewRecorder()
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler so the client sees a broken response", v)
		}
		if strings.Contains(rec.Body.String(), "INTERNAL_ERROR") {
			t.Errorf("an error body was appended to a started response: %s", rec.Body)
		}
	}()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
}
