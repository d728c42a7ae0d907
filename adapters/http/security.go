package http

import "net/http"

const (
	// apiContentSecurityPolicy suits JSON: a response that a browser is
	// tricked into rendering can load and frame nothing.
	apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'"
	// htmlContentSecurityPolicy is for the few HTML pages (a shared shopping
	// list, the unsubscribe confirmation): inline styles, same-origin images
	// and a form that posts back to us, still no scripts.
	htmlContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: https:; " +
		"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)

// securityHeaders sets defaults before the handler runs, so a handler may
// replace any of them (an HTML page its CSP, a cacheable response its
// Cache-Control).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		// Personal data must not linger in shared or browser caches unless a handler says so.
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", apiContentSecurityPolicy)
		next.ServeHTTP(w, r)
	})
}
