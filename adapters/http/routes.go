package http

import (
	"net/http"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/app"
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

	// open serves public reads that need no account (shared lists), limited per IP.
	open := r.NewRoute().Subrouter()
	open.Use(rateLimit(deps.Limiter, general, byIP, deps.Metrics))

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
	mountRecipes(user, deps.Catalogue)
	mountPlans(user, deps.Planner)
	mountShopping(user, open, deps.Shopping)

	ai := user.NewRoute().Subrouter()
	if cfg.AI.Limit > 0 {
		ai.Use(rateLimit(deps.Limiter, rateRule{Name: "ai", Limit: cfg.AI.Limit, Window: cfg.AI.Window}, byUser, deps.Metrics))
	}
	mountAI(ai, deps.AI)
}

// mountRecipes adds the catalogue. Recipes are shared: every signed-in user
// reads them, and the use cases refuse the admin-only writes to others. The
// literal paths come before /recipes/{id}, which would otherwise take them.
func mountRecipes(user *mux.Router, cat *app.Catalogue) {
	user.Handle("/recipes", handleRecipeSearch(cat)).Methods(http.MethodGet)
	user.Handle("/recipes", handleRecipeCreate(cat)).Methods(http.MethodPost)
	user.Handle("/recipes/search", handleRecipeSearch(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/categories", handleRecipeCategories(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/cuisines", handleRecipeCuisines(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/favorites", handleFavoritesList(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/{id}", handleRecipeGet(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/{id}", handleRecipeReplace(cat)).Methods(http.MethodPut)
	user.Handle("/recipes/{id}", handleRecipePatch(cat)).Methods(http.MethodPatch)
	user.Handle("/recipes/{id}", handleRecipeDelete(cat)).Methods(http.MethodDelete)
	user.Handle("/recipes/{id}/nutrition", handleRecipeNutrition(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/{id}/similar", handleRecipeSimilar(cat)).Methods(http.MethodGet)
	user.Handle("/recipes/{id}/favorite", handleFavoriteAdd(cat)).Methods(http.MethodPost)
	user.Handle("/recipes/{id}/favorite", handleFavoriteRemove(cat)).Methods(http.MethodDelete)
	user.Handle("/recipes/{id}/rating", handleRecipeRate(cat)).Methods(http.MethodPut)
	user.Handle("/recipes/{id}/image", handleRecipeImageUpload(cat)).Methods(http.MethodPost)
	user.Handle("/recipes/{id}/upload-url", handleRecipeUploadURL(cat)).Methods(http.MethodPost)
	user.Handle("/recipes/{id}/confirm-upload", handleRecipeConfirmUpload(cat)).Methods(http.MethodPost)
	user.Handle("/users/{userId}/favorites", handleFavoritesList(cat)).Methods(http.MethodGet)
}
