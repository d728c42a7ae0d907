package http

import (
	"net/http"
	"net/url"
	"strings"
)

const (
	corsAllowMethods  = "GET, POST, PUT, PATCH, DELETE, OPTIONS"
	corsAllowHeaders  = "Authorization, Content-Type, X-Request-ID"
	corsExposeHeaders = "X-Total-Count, X-Request-ID, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Recommendation-Source"
	corsMaxAge        = "600"
)

// cors answers cross-origin requests from an allow-list of exact origins
// (scheme, host and port). It wraps the router from outside, so a preflight
// is answered here with 204 and never reaches mux (which would say 405).
// No credentials are allowed: the API authenticates with bearer tokens, not cookies.
func cors(allowed []string) func(http.Handler) http.Handler {
	origins := make(map[string]bool, len(allowed))
	for _, o := range allowed {
		if n, ok := normalizeOrigin(o); ok {
			origins[n] = true
		}
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			h := w.Header()
			// Responses differ by Origin, so shared caches must key on it.
			h.Add("Vary", "Origin")
			origin := r.Header.Get("Origin")
			n, ok := normalizeOrigin(origin)
			allow := ok && origins[n]
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				h.Add("Vary", "Access-Control-Request-Method")
				h.Add("Vary", "Access-Control-Request-Headers")
				if allow {
					h.Set("Access-Control-Allow-Origin", origin)
					h.Set("Access-Control-Allow-Methods", corsAllowMethods)
					h.Set("Access-Control-Allow-Headers", corsAllowHeaders)
					h.Set("Access-Control-Max-Age", corsMaxAge)
				}
				w.WriteHeader(http.StatusNoContent)
				return
			}
			if allow {
				h.Set("Access-Control-Allow-Origin", origin)
				h.Set("Access-Control-Expose-Headers", corsExposeHeaders)
			}
			next.ServeHTTP(w, r)
		})
	}
}

// normalizeOrigin reduces an origin to lower-case scheme://host[:port], with
// the scheme's default port dropped, so configuration need not match the
// browser's spelling byte for byte.
func normalizeOrigin(o string) (string, bool) {
	u, err := url.Parse(strings.TrimSuffix(strings.TrimSpace(o), "/"))
	if err != nil || !isBareOrigin(u) {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	host, port := strings.ToLower(u.Hostname()), u.Port()
	if port == defaultPorts[scheme] {
		port = ""
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]" // IPv6 literal
	}
	if port != "" {
		host += ":" + port
	}
	return scheme + "://" + host, true
}

var defaultPorts = map[string]string{"http": "80", "https": "443"}

// isBareOrigin rejects anything with a path, query, fragment or user: those are URLs, not origins.
func isBareOrigin(u *url.URL) bool {
	_, web := defaultPorts[strings.ToLower(u.Scheme)]
	return web && u.Host != "" && u.User == nil && u.Path == "" && u.RawQuery == "" && u.Fragment == ""
}
