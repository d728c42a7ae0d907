package http

import (
	"net/http"

	"github.com/gorilla/mux"
)

// routes lists every route of the API in one place. The API is mounted twice:
// /api/v1 is canonical, /api is what the live frontend calls.
func (s *Server) routes(r *mux.Router, cfg Config, deps Deps) {
	r.Handle("/health", handleHealth()).Methods(http.MethodGet)
	r.Handle("/ready", handleReady(deps.Checks, &s.draining)).Methods(http.MethodGet)
	r.Handle("/metrics", deps.Metrics.Handler()).Methods(http.MethodGet)
	for _, prefix := range []string{"/api/v1", "/api"} {
		mountAPI(r.PathPrefix(prefix).Subrouter(), cfg, deps)
	}
}

func mountAPI(r *mux.Router, cfg Config, deps Deps) {
	acc := deps.Accounts
	byIP := func(req *http.Request) string { return clientIP(req, cfg.TrustProxy) }
	byUser := func(req *http.Request) string { return principalFrom(req.Context()).UserID }
	general := rateRule{Name: "general", Limit: cfg.General.Limit, Window: cfg.General.Window}
	authRule := rateRule{Name: "auth", Limit: cfg.Auth.Limit, Window: cfg.Auth.Window}

	r.Handle("/openapi.json", handleOpenAPI()).Methods(http.MethodGet)

	public := r.NewRoute().Subrouter()
	public.Use(rateLimit(deps.Limiter, general, byIP, deps.Metrics), rateLimit(deps.Limiter, authRule, byIP, deps.Metrics))
	public.Handle("/auth/register", handleRegister(acc)).Methods(http.MethodPost)
	public.Handle("/auth/login", handleLogin(acc)).Methods(http.MethodPost)
	public.Handle("/auth/refresh", handleRefresh(acc)).Methods(http.MethodPost)
	public.Handle("/auth/forgot-password", handleForgotPassword(acc)).Methods(http.MethodPost)
	public.Handle("/auth/reset-password", handleResetPassword(acc)).Methods(http.MethodPost)

	user := r.NewRoute().Subrouter()
	user.Use(requireUser(acc), rateLimit(deps.Limiter, general, byUser, deps.Metrics))
	user.Handle("/auth/logout", handleLogout(acc)).Methods(http.MethodPost)
	user.Handle("/auth/me", handleMe(acc)).Methods(http.MethodGet)
	user.Handle("/auth/onboarding/complete", handleOnboardingComplete(acc)).Methods(http.MethodPost)
	user.Handle("/auth/profile", handleProfileUpdate(acc)).Methods(http.MethodPut)
	user.Handle("/auth/password", handlePasswordChange(acc)).Methods(http.MethodPut)
	user.Handle("/auth/preferences", handlePreferencesUpdate(acc)).Methods(http.MethodPut)

	user.Handle("/users/{userId}", handleUserGet(acc)).Methods(http.MethodGet)
	user.Handle("/users/{userId}", handleProfileUpdate(acc)).Methods(http.MethodPatch)
	user.Handle("/users/{userId}", handleUserDelete(acc)).Methods(http.MethodDelete)
	user.Handle("/users/{userId}/preferences", handlePreferencesUpdate(acc)).Methods(http.MethodPatch)
	user.Handle("/users/{userId}/password", handlePasswordChange(acc)).Methods(http.MethodPatch)
	user.Handle("/users/{userId}/export", handleUserExport(acc)).Methods(http.MethodGet)
	user.Handle("/users/{userId}/activities", handleActivitiesList(acc)).Methods(http.MethodGet)
	user.Handle("/users/{userId}/activities", handleActivityCreate(acc)).Methods(http.MethodPost)
}
