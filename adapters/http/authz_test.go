package http_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// matrixRoute is one route of the slice with a body that succeeds for its owner.
type matrixRoute struct {
	method, path string // {id} is replaced by the owner's id, {rid} by a seeded recipe's
	body         func(owner session) any
	ok           int // status for an allowed caller
	public       bool
	selfOnly     bool // acts on the caller, so every signed-in caller is "owner"
	shared       bool // the shared catalogue: every signed-in caller may
	adminOnly    bool // 403 for anyone signed in but an admin
	// send replaces the JSON request, for a body that is not JSON.
	send func(a *api, path, token string) response
}

var matrix = []matrixRoute{
	{method: "POST", path: "/auth/register", ok: 201, public: true, body: func(session) any {
		return map[string]string{"email": "fresh@example.com", "password": goodPassword}
	}},
	{method: "POST", path: "/auth/login", ok: 200, public: true, body: func(o session) any {
		return map[string]string{"email": o.Email, "password": goodPassword}
	}},
	{method: "POST", path: "/auth/refresh", ok: 200, public: true, body: func(o session) any {
		return map[string]string{"refreshToken": o.Refresh}
	}},
	{method: "POST", path: "/auth/forgot-password", ok: 200, public: true, body: func(o session) any {
		return map[string]string{"email": o.Email}
	}},
	{method: "POST", path: "/auth/reset-password", ok: 400, public: true, body: func(session) any {
		return map[string]string{"token": "not-a-token", "newPassword": "N3w!password"}
	}},
	{method: "POST", path: "/auth/logout", ok: 200, selfOnly: true},
	{method: "GET", path: "/auth/me", ok: 200, selfOnly: true},
	{method: "POST", path: "/auth/onboarding/complete", ok: 200, selfOnly: true},
	{method: "PUT", path: "/auth/profile", ok: 200, selfOnly: true, body: func(session) any { return map[string]string{"name": "N"} }},
	{method: "PUT", path: "/auth/password", ok: 200, selfOnly: true, body: func(session) any {
		return map[string]string{"currentPassword": goodPassword, "newPassword": "N3w!password"}
	}},
	{method: "PUT", path: "/auth/preferences", ok: 200, selfOnly: true, body: func(session) any { return map[string]any{"theme": "dark"} }},
	{method: "GET", path: "/users/{id}", ok: 200},
	{method: "PATCH", path: "/users/{id}", ok: 200, body: func(session) any { return map[string]string{"name": "N"} }},
	{method: "DELETE", path: "/users/{id}", ok: 204, body: func(session) any { return map[string]string{"password": goodPassword} }},
	{method: "PATCH", path: "/users/{id}/preferences", ok: 200, body: func(session) any { return map[string]any{"householdSize": 3} }},
	{method: "PATCH", path: "/users/{id}/password", ok: 200, body: func(session) any {
		return map[string]string{"currentPassword": goodPassword, "newPassword": "N3w!password"}
	}},
	{method: "GET", path: "/users/{id}/export", ok: 200},
	{method: "GET", path: "/users/{id}/activities", ok: 200},
	{method: "POST", path: "/users/{id}/activities", ok: 201, body: func(session) any { return map[string]string{"action": "view_recipe"} }},
	{method: "GET", path: "/users/{id}/favorites", ok: 200},

	{method: "GET", path: "/recipes", ok: 200, shared: true},
	{method: "GET", path: "/recipes/search", ok: 200, shared: true},
	{method: "GET", path: "/recipes/categories", ok: 200, shared: true},
	{method: "GET", path: "/recipes/cuisines", ok: 200, shared: true},
	{method: "GET", path: "/recipes/favorites", ok: 200, shared: true},
	{method: "GET", path: "/recipes/{rid}", ok: 200, shared: true},
	{method: "GET", path: "/recipes/{rid}/nutrition", ok: 200, shared: true},
	{method: "GET", path: "/recipes/{rid}/similar", ok: 200, shared: true},
	{method: "POST", path: "/recipes/{rid}/favorite", ok: 200, shared: true},
	{method: "DELETE", path: "/recipes/{rid}/favorite", ok: 204, shared: true},
	{method: "PUT", path: "/recipes/{rid}/rating", ok: 200, shared: true, body: func(session) any { return map[string]int{"stars": 4} }},
	{method: "POST", path: "/recipes", ok: 201, adminOnly: true, body: func(session) any { return newRecipeBody() }},
	{method: "PUT", path: "/recipes/{rid}", ok: 200, adminOnly: true, body: func(session) any { return newRecipeBody() }},
	{method: "PATCH", path: "/recipes/{rid}", ok: 200, adminOnly: true, body: func(session) any { return map[string]string{"name": "N"} }},
	{method: "DELETE", path: "/recipes/{rid}", ok: 204, adminOnly: true},
	{method: "POST", path: "/recipes/{rid}/image", ok: 200, adminOnly: true, send: func(a *api, path, token string) response {
		return a.upload(path, token, "image", "image/png", pngImage(a.t, 16, 16))
	}},
	{method: "POST", path: "/recipes/{rid}/upload-url", ok: 200, adminOnly: true, body: func(session) any {
		return map[string]string{"contentType": "image/webp"}
	}},
	// An admin with a key that was never uploaded gets as far as the check of the key.
	{method: "POST", path: "/recipes/{rid}/confirm-upload", ok: 400, adminOnly: true, body: func(session) any {
		return map[string]string{"key": "uploads/recipes/52772/never"}
	}},
}

// TestAuthorizationMatrix calls every route of the slice as anonymous, the
// owner, another user and an admin, on a fresh server each time.
func TestAuthorizationMatrix(t *testing.T) {
	for _, rt := range matrix {
		for _, caller := range []string{"anonymous", "owner", "other", "admin"} {
			name := fmt.Sprintf("%s %s as %s", rt.method, rt.path, caller)
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				a := newAPI(t)
				a.seed()
				owner := a.register("owner@example.com")
				callers := map[string]session{"owner": owner, "other": a.register("other@example.com"), "admin": a.admin("admin@example.com")}
				var body any
				if rt.body != nil {
					body = rt.body(owner)
				}
				path := "/api/v1" + strings.NewReplacer("{id}", owner.ID, "{rid}", "52772").Replace(rt.path)
				var res response
				if rt.send != nil {
					res = rt.send(a, path, callers[caller].Token)
				} else {
					res = a.do(rt.method, path, callers[caller].Token, body)
				}
				if want := expected(rt, caller); res.Status != want {
					t.Errorf("status %d, want %d: %s", res.Status, want, res.Body)
				}
			})
		}
	}
}

func expected(rt matrixRoute, caller string) int {
	switch {
	case rt.public:
		return rt.ok
	case caller == "anonymous":
		return http.StatusUnauthorized
	case rt.adminOnly && caller != "admin":
		return http.StatusForbidden
	case rt.selfOnly, rt.shared, rt.adminOnly, caller == "owner", caller == "admin":
		return rt.ok
	}
	return http.StatusNotFound // another user's data does not exist for you
}
