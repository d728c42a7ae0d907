package http

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSecurityHeadersDefaultsAndOverrides(t *testing.T) {
	h := securityHeaders(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/page" {
			w.Header().Set("Content-Security-Policy", htmlContentSecurityPolicy)
			w.Header().Set("Cache-Control", "public, max-age=60")
		}
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/api", nil))
	want := map[string]string{
		"X-Content-Type-Options":  "nosniff",
		"X-Frame-Options":         "DENY",
		"Referrer-Policy":         "no-referrer",
		"Cache-Control":           "no-store",
		"Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
	}
	for k, v := range want {
		if got := rec.Header().Get(k); got != v {
			t.Errorf("%s = %q, want %q", k, got, v)
		}
	}

	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/page", nil))
	if rec.Header().Get("Content-Security-Policy") != htmlContentSecurityPolicy || rec.Header().Get("Cache-Control") != "public, max-age=60" {
		t.Errorf("handler overrides lost: %v", rec.Header())
	}
	if rec.Header().Get("X-Frame-Options") != "DENY" {
		t.Error("defaults lost on an overriding handler")
	}
}
