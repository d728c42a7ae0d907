package http_test

import (
	"net/http"
	"strings"
	"testing"
)

func TestUserRoutesAcceptMeAndOwnID(t *testing.T) {
	a := newAPI(t)
	s := a.register("self@example.com")
	for _, id := range []string{"me", s.ID} {
		res := a.do("GET", "/api/v1/users/"+id, s.Token, nil)
		wantStatus(t, res, 200)
		if res.JSON(t)["user"].(map[string]any)["id"] != s.ID {
			t.Errorf("GET /users/%s: %s", id, res.Body)
		}
	}
	res := a.do("PATCH", "/api/v1/users/me", s.Token, map[string]string{"name": "Renamed"})
	wantStatus(t, res, 200)
	if res.JSON(t)["user"].(map[string]any)["name"] != "Renamed" {
		t.Errorf("PATCH: %s", res.Body)
	}
}

func TestActivitiesNewestFirst(t *testing.T) {
	a := newAPI(t)
	s := a.register("act@example.com")
	empty := a.do("GET", "/api/v1/users/me/activities", s.Token, nil)
	wantStatus(t, empty, 200)
	if strings.TrimSpace(string(empty.Body)) != "[]" {
		t.Errorf("empty log = %s, want []", empty.Body)
	}
	for _, action := range []string{"view_recipe", "add_meal", "rate_recipe"} {
		a.app.Clock.Advance(1e9)
		res := a.do("POST", "/api/v1/users/me/activities", s.Token, map[string]any{"action": action, "details": "d " + action, "relatedId": "52772"})
		wantStatus(t, res, 201)
		m := res.JSON(t)
		if m["action"] != action || m["userId"] != s.ID || m["relatedId"] != "52772" {
			t.Errorf("created %s", res.Body)
		}
	}
	res := a.do("GET", "/api/v1/users/"+s.ID+"/activities?limit=2", s.Token, nil)
	wantStatus(t, res, 200)
	if !strings.Contains(string(res.Body), "rate_recipe") || strings.Contains(string(res.Body), "view_recipe") {
		t.Errorf("limit 2 newest first: %s", res.Body)
	}
	wantStatus(t, a.do("POST", "/api/v1/users/me/activities", s.Token, map[string]any{"action": "hack"}), 400)
	for _, q := range []string{"0", "101", "abc"} {
		wantStatus(t, a.do("GET", "/api/v1/users/me/activities?limit="+q, s.Token, nil), 400)
	}
	// Changing preferences records its own activity.
	a.do("PUT", "/api/auth/preferences", s.Token, map[string]any{"theme": "dark"})
	res = a.do("GET", "/api/v1/users/me/activities?limit=1", s.Token, nil)
	if !strings.Contains(string(res.Body), "update_preferences") {
		t.Errorf("preference change not recorded: %s", res.Body)
	}
}

func TestExportHasEverythingOfTheUserAndNothingElse(t *testing.T) {
	a := newAPI(t)
	s := a.register("export@example.com")
	other := a.register("other@example.com")
	a.do("POST", "/api/v1/users/me/activities", s.Token, map[string]any{"action": "view_recipe", "details": "mine"})
	a.do("POST", "/api/v1/users/me/activities", other.Token, map[string]any{"action": "view_recipe", "details": "theirs"})
	res := a.do("GET", "/api/v1/users/me/export", s.Token, nil)
	wantStatus(t, res, 200)
	if cd := res.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") {
		t.Errorf("Content-Disposition = %q", cd)
	}
	m := res.JSON(t)
	for _, k := range []string{"favorites", "ratings", "mealPlans", "shoppingLists", "activities"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s = %#v, want an array", k, m[k])
		}
	}
	body := string(res.Body)
	if !strings.Contains(body, "mine") || strings.Contains(body, "theirs") || strings.Contains(body, other.Email) {
		t.Errorf("export leaks or misses data: %s", body)
	}
	if strings.Contains(body, "$2a$") || strings.Contains(strings.ToLower(body), "passwordhash") {
		t.Error("export contains the password hash")
	}
}

func TestDeleteErasesAndFreesTheEmail(t *testing.T) {
	a := newAPI(t)
	s := a.register("gone@example.com")
	second := a.login(s.Email, goodPassword)
	a.do("POST", "/api/v1/users/me/activities", s.Token, map[string]any{"action": "view_recipe"})
	bad := a.do("DELETE", "/api/v1/users/me", s.Token, map[string]string{"password": "Wr0ng!pass"})
	wantStatus(t, bad, 400)
	wantStatus(t, a.do("DELETE", "/api/v1/users/me", s.Token, map[string]string{"password": goodPassword}), 204)
	wantStatus(t, a.do("GET", "/api/auth/me", second.Token, nil), 401)
	res := a.do("POST", "/api/auth/login", "", map[string]string{"email": s.Email, "password": goodPassword})
	wantStatus(t, res, 401)
	again := a.register(s.Email)
	if again.ID == s.ID {
		t.Error("re-registration reused the erased id")
	}
	acts := a.do("GET", "/api/v1/users/me/activities", again.Token, nil)
	if strings.TrimSpace(string(acts.Body)) != "[]" {
		t.Errorf("new account inherited activities: %s", acts.Body)
	}
}

func TestAdminCanActOnOtherUsers(t *testing.T) {
	a := newAPI(t)
	adm := a.admin("root@example.com")
	s := a.register("managed@example.com")
	wantStatus(t, a.do("GET", "/api/v1/users/"+s.ID, adm.Token, nil), 200)
	wantStatus(t, a.do("PATCH", "/api/v1/users/"+s.ID+"/preferences", adm.Token, map[string]any{"householdSize": 3}), 200)
	wantStatus(t, a.do("DELETE", "/api/v1/users/"+s.ID, adm.Token, nil), 204)
	wantStatus(t, a.do("GET", "/api/v1/users/"+s.ID, adm.Token, nil), 404)
	wantStatus(t, a.do("GET", "/api/auth/me", s.Token, nil), 401)
}

func TestCORSPreflightFromTheFrontend(t *testing.T) {
	a := newAPI(t)
	req, _ := http.NewRequest("OPTIONS", a.srv.URL+"/api/auth/login", nil)
	req.Header.Set("Origin", "http://localhost:3000")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "authorization,content-type")
	res, err := a.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 204 {
		t.Fatalf("preflight status %d", res.StatusCode)
	}
	h := res.Header
	if h.Get("Access-Control-Allow-Origin") != "http://localhost:3000" ||
		!strings.Contains(h.Get("Access-Control-Allow-Methods"), "PATCH") ||
		!strings.Contains(strings.ToLower(h.Get("Access-Control-Allow-Headers")), "authorization") {
		t.Errorf("preflight headers: %v", h)
	}
	get := jsonReq(a, "GET", "/health", "")
	get.Header.Set("Origin", "http://localhost:3000")
	r := a.send(get)
	if !strings.Contains(r.Header.Get("Access-Control-Expose-Headers"), "X-Total-Count") {
		t.Errorf("expose headers: %v", r.Header)
	}
}

func TestEveryResponseCarriesRequestIDAndSecurityHeaders(t *testing.T) {
	a := newAPI(t)
	req := jsonReq(a, "GET", "/api/v1/auth/me", "")
	req.Header.Set("X-Request-ID", "trace-123")
	res := a.send(req)
	if res.Header.Get("X-Request-ID") != "trace-123" || res.Header.Get("X-Content-Type-Options") != "nosniff" ||
		res.Header.Get("X-Frame-Options") != "DENY" || res.Header.Get("Referrer-Policy") != "no-referrer" {
		t.Errorf("headers: %v", res.Header)
	}
	if a.do("GET", "/health", "", nil).Header.Get("X-Request-ID") == "" {
		t.Error("no generated request id")
	}
}

func TestAuthRateLimitPerIP(t *testing.T) {
	a := newAPI(t, withAuthLimit(3))
	body := map[string]string{"email": "nobody@example.com", "password": goodPassword}
	var last response
	for i := 0; i < 3; i++ {
		last = a.do("POST", "/api/v1/auth/login", "", body)
		wantStatus(t, last, 401)
	}
	if last.Header.Get("X-RateLimit-Limit") != "3" || last.Header.Get("X-RateLimit-Remaining") != "0" || last.Header.Get("X-RateLimit-Reset") == "" {
		t.Errorf("rate-limit headers: %v", last.Header)
	}
	res := a.do("POST", "/api/v1/auth/login", "", body)
	wantStatus(t, res, 429)
	m := res.JSON(t)
	if m["code"] != "RATE_LIMITED" || res.Header.Get("Retry-After") == "" {
		t.Errorf("429: %v %s", res.Header, res.Body)
	}
	if d, ok := m["details"].(map[string]any); !ok || d["retryAfter"] == nil {
		t.Errorf("429 details: %s", res.Body)
	}
}

func TestHealthReadyMetricsAndOpenAPI(t *testing.T) {
	a := newAPI(t)
	res := a.do("GET", "/health", "", nil)
	wantStatus(t, res, 200)
	if m := res.JSON(t); m["status"] != "healthy" || m["service"] != "meal-planner-api" {
		t.Errorf("health: %s", res.Body)
	}
	wantStatus(t, a.do("GET", "/ready", "", nil), 200)
	a.do("GET", "/api/v1/auth/me", "", nil)
	metrics := a.do("GET", "/metrics", "", nil)
	if !strings.Contains(string(metrics.Body), "http_requests_total") {
		t.Error("metrics lack http_requests_total")
	}
	doc := a.do("GET", "/api/v1/openapi.json", "", nil)
	wantStatus(t, doc, 200)
	if !strings.Contains(string(doc.Body), `"/auth/register"`) {
		t.Error("OpenAPI document lacks /auth/register")
	}
	a.app.Server.Drain()
	wantStatus(t, a.do("GET", "/ready", "", nil), 503)
}
