package http

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/uuid"
)

func serveRequestID(incoming string, set bool) (header, seen string) {
	h := requestID(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = requestIDFrom(r.Context())
	}))
	req := httptest.NewRequest("GET", "/", nil)
	if set {
		req.Header.Set("X-Request-ID", incoming)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Header().Get("X-Request-ID"), seen
}

func TestRequestIDEchoesValidIDs(t *testing.T) {
	for _, id := range []string{"a", "abc-123_x.y:z", strings.Repeat("A", 64), "0f8fad5b-d9cb-469f-a165-70867728950e"} {
		header, seen := serveRequestID(id, true)
		if header != id || seen != id {
			t.Errorf("%q: header %q, context %q", id, header, seen)
		}
	}
}

func TestRequestIDReplacesMissingOrBadIDs(t *testing.T) {
	bad := []string{"", strings.Repeat("A", 65), "has space", "new\nline", `quote"`, "ünïcode", "semi;colon", "slash/x"}
	for i, id := range append(bad, "absent") {
		header, seen := serveRequestID(id, i < len(bad))
		if header == id || header != seen {
			t.Errorf("%q: header %q, context %q", id, header, seen)
		}
		if _, err := uuid.Parse(header); err != nil {
			t.Errorf("%q: generated id %q is not a UUID", id, header)
		}
	}
	a, _ := serveRequestID("", false)
	b, _ := serveRequestID("", false)
	if a == b {
		t.Error("two requests got the same generated id")
	}
}

func TestRequestIDFromEmptyContext(t *testing.T) {
	if id := requestIDFrom(httptest.NewRequest("GET", "/", nil).Context()); id != "" {
		t.Errorf("got %q outside the middleware", id)
	}
}
