// Package http is the driving adapter the frontend talks to: the router,
// middleware, handlers, error mapping and the OpenAPI document.
package http

import (
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// RateLimit is one limit: Limit requests per Window.
type RateLimit struct {
	Limit  int
	Window time.Duration
}

// Config is what the HTTP adapter needs to know about the deployment.
type Config struct {
	CORSOrigins []string
	BodyLimit   int64 // bytes; 1 MiB when zero
	TrustProxy  bool  // take the client address from X-Forwarded-For
	General     RateLimit
	Auth        RateLimit
	AI          RateLimit // on top of General for /ai routes; unlimited when zero
}

// Deps are the use cases and infrastructure the handlers call.
type Deps struct {
	Accounts  *app.Accounts
	Catalogue *app.Catalogue
	Planner   *app.Planner
	Shopping  *app.Shopping
	AI        *app.AI
	// Images serves /images/ (the local image store of the embedded default);
	// nil when images live elsewhere (S3 behind a CDN).
	Images  http.Handler
	Limiter ports.RateLimiter
	Checks  []Check
	Metrics *Metrics
	Logger  *slog.Logger
}

// Server is the API as an http.Handler.
type Server struct {
	handler  http.Handler
	draining atomic.Bool
}

// NewServer builds the router and wraps it in the middleware every request
// passes: outermost the ones that must see even unroutable requests.
func NewServer(cfg Config, deps Deps) *Server {
	if cfg.BodyLimit <= 0 {
		cfg.BodyLimit = 1 << 20
	}
	if deps.Logger == nil {
		deps.Logger = slog.Default()
	}
	if deps.Metrics == nil {
		deps.Metrics = NewMetrics()
	}
	s := &Server{}
	router := mux.NewRouter()
	router.Use(recordRoute)
	router.NotFoundHandler = http.HandlerFunc(handleNoRoute)
	router.MethodNotAllowedHandler = http.HandlerFunc(handleNoMethod)
	s.routes(router, cfg, deps)

	var h http.Handler = limitBody(cfg.BodyLimit)(router)
	if deps.Images != nil {
		h = withImages(deps.Images, h)
	}
	h = securityHeaders(h)
	h = cors(cfg.CORSOrigins)(h)
	h = recoverPanics(h)
	h = logRequests(deps.Logger, deps.Metrics)(h)
	h = requestID(h)
	s.handler = h
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Drain makes /ready fail so a load balancer stops sending traffic before shutdown.
func (s *Server) Drain() { s.draining.Store(true) }

// withImages sends /images/ to the local image store, past the JSON body
// limit: uploads through its presigned URLs may be 5 MiB and it enforces that
// itself.
func withImages(images, api http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/images/") {
			images.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

func handleNoRoute(w http.ResponseWriter, r *http.Request) {
	writeError(w, r, domain.NotFound("route not found"))
}

func handleNoMethod(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(http.StatusMethodNotAllowed)
	_, _ = w.Write([]byte(`{"error":"method not allowed","code":"METHOD_NOT_ALLOWED"}` + "\n"))
}
