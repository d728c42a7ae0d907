package http

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

var testOrigins = []string{"http://localhost:3000", "http://localhost:5173/", "HTTPS://App.Example.com:443"}

func serveCORS(method, origin string, preflight bool) (*httptest.ResponseRecorder, bool) {
	called := false
	h := cors(testOrigins)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		called = true
		w.WriteHeader(http.StatusTeapot)
	}))
	req := httptest.NewRequest(method, "/api/v1/auth/login", nil)
	if origin != "" {
		req.Header.Set("Origin", origin)
	}
	if preflight {
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec, called
}

func TestCORSPreflightFromAllowedOrigin(t *testing.T) {
	rec, called := serveCORS("OPTIONS", "http://localhost:3000", true)
	if called || rec.Code != http.StatusNoContent {
		t.Fatalf("status %d, next called %v", rec.Code, called)
	}
	h := rec.Header()
	want := map[string]string{
		"Access-Control-Allow-Origin":  "http://localhost:3000",
		"Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
		"Access-Control-Allow-Headers": "Authorization, Content-Type, X-Request-ID",
		"Access-Control-Max-Age":       "600",
	}
	for k, v := range want {
		if h.Get(k) != v {
			t.Errorf("%s = %q, want %q", k, h.Get(k), v)
		}
	}
	if !strings.Contains(strings.Join(h.Values("Vary"), ","), "Origin") {
		t.Errorf("Vary = %v", h.Values("Vary"))
	}
	if h.Get("Access-Control-Allow-Credentials") != "" {
		t.Error("credentials must not be allowed")
	}
}

func TestCORSPreflightFromOtherOriginsGetsNoGrant(t *testing.T) {
	for _, origin := range []string{"http://evil.example", "http://localhost:3001", "https://localhost:3000", "null", ""} {
		rec, called := serveCORS("OPTIONS", origin, true)
		if called || rec.Code != http.StatusNoContent {
			t.Errorf("%q: status %d, next called %v", origin, rec.Code, called)
		}
		for _, k := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers"} {
			if rec.Header().Get(k) != "" {
				t.Errorf("%q: %s set", origin, k)
			}
		}
	}
}

func TestCORSSimpleRequests(t *testing.T) {
	for _, origin := range []string{"http://localhost:5173", "https://app.example.com"} {
		rec, called := serveCORS("GET", origin, false)
		if !called || rec.Header().Get("Access-Control-Allow-Origin") != origin {
			t.Errorf("%q: called %v, allow origin %q", origin, called, rec.Header().Get("Access-Control-Allow-Origin"))
		}
		wantExposed(t, rec.Header().Get("Access-Control-Expose-Headers"))
	}
	rec, called := serveCORS("GET", "http://evil.example", false)
	if !called || rec.Header().Get("Access-Control-Allow-Origin") != "" || rec.Header().Get("Vary") != "Origin" {
		t.Errorf("other origin: called %v, headers %v", called, rec.Header())
	}
	// A plain OPTIONS (no Access-Control-Request-Method) is not a preflight and reaches the router.
	if _, called := serveCORS("OPTIONS", "http://localhost:3000", false); !called {
		t.Error("plain OPTIONS did not reach the handler")
	}
}

func wantExposed(t *testing.T, expose string) {
	t.Helper()
	for _, h := range []string{"X-Total-Count", "X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining",
		"X-RateLimit-Reset", "Retry-After", "X-Recommendation-Source"} {
		if !strings.Contains(expose, h) {
			t.Errorf("%s not exposed (%q)", h, expose)
		}
	}
}
