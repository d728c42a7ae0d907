package http

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gorilla/mux"

	"github.com/mealplanner/backend/domain"
)

func TestOpenAPIDocumentLoadsAndValidates(t *testing.T) {
	spec, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	if got := spec.doc.OpenAPI; got != "3.0.3" {
		t.Errorf("openapi version %q, want 3.0.3", got)
	}
	var urls []string
	for _, s := range spec.doc.Servers {
		urls = append(urls, s.URL)
	}
	if !slices.Equal(urls, []string{"/api/v1", "/api"}) {
		t.Errorf("servers %v, want [/api/v1 /api]", urls)
	}
}

// contractOperations are the routes of the contract, plus the document
// itself; each area's test file lists its own.
var contractOperations = slices.Concat(accountAndRecipeOperations, planOperations, shoppingOperations, aiOperations)

// accountAndRecipeOperations are the routes of CONTRACT §2, §3, §4 and §10.
var accountAndRecipeOperations = []string{
	"POST /auth/register", "POST /auth/login", "POST /auth/refresh", "POST /auth/logout", "GET /auth/me",
	"POST /auth/onboarding/complete", "PUT /auth/profile", "PUT /auth/password", "PUT /auth/preferences",
	"POST /auth/forgot-password", "POST /auth/reset-password",
	"GET /users/{userId}", "PATCH /users/{userId}", "DELETE /users/{userId}", "PATCH /users/{userId}/preferences",
	"PATCH /users/{userId}/password", "GET /users/{userId}/export", "GET /users/{userId}/activities",
	"POST /users/{userId}/activities", "GET /users/{userId}/favorites",
	"GET /recipes", "POST /recipes", "GET /recipes/search", "GET /recipes/categories", "GET /recipes/cuisines",
	"GET /recipes/favorites", "GET /recipes/{id}", "PUT /recipes/{id}", "PATCH /recipes/{id}", "DELETE /recipes/{id}",
	"GET /recipes/{id}/nutrition", "GET /recipes/{id}/similar", "POST /recipes/{id}/favorite",
	"DELETE /recipes/{id}/favorite", "PUT /recipes/{id}/rating", "POST /recipes/{id}/image",
	"POST /recipes/{id}/upload-url", "POST /recipes/{id}/confirm-upload",
	"GET /health", "GET /ready", "GET /metrics", "GET /openapi.json",
}

func TestOpenAPIDocumentsExactlyTheContractRoutes(t *testing.T) {
	spec, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for path, item := range spec.doc.Paths.Map() {
		for method := range item.Operations() {
			got = append(got, method+" "+path)
		}
	}
	slices.Sort(got)
	want := slices.Sorted(slices.Values(contractOperations))
	if !slices.Equal(got, want) {
		t.Errorf("operations\n got %v\nwant %v", got, want)
	}
	for _, root := range []string{"/health", "/ready", "/metrics"} {
		item := spec.doc.Paths.Value(root)
		if len(item.Servers) != 1 || item.Servers[0].URL != "/" {
			t.Errorf("%s must override servers with [/]", root)
		}
	}
}

func TestOpenAPIPublicRoutesNeedNoToken(t *testing.T) {
	spec, err := openAPI()
	if err != nil {
		t.Fatal(err)
	}
	public := []string{"/auth/register", "/auth/login", "/auth/refresh", "/auth/forgot-password", "/auth/reset-password",
		"/health", "/ready", "/metrics", "/openapi.json", "/shopping-lists/shared/{shareId}"}
	for path, item := range spec.doc.Paths.Map() {
		for method, op := range item.Operations() {
			isPublic := op.Security != nil && len(*op.Security) == 0
			if want := slices.Contains(public, path); isPublic != want {
				t.Errorf("%s %s: public %v, want %v", method, path, isPublic, want)
			}
		}
	}
}

func TestHandleOpenAPIServesTheDocument(t *testing.T) {
	rec := httptest.NewRecorder()
	handleOpenAPI()(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("status %d, content type %q", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if string(body) != string(OpenAPIDocument()) {
		t.Error("served body differs from the embedded document")
	}
	res.Header.Set("X-Request-ID", "abc")
	checkResponse(t, httptest.NewRequest("GET", "/api/v1/openapi.json", nil), res, body)
}

const validUser = `{"id":"u1","email":"a@example.com","name":"","role":"user","hasCompletedOnboarding":false,
"createdAt":"2026-01-04T10:00:00Z","updatedAt":"2026-01-04T10:00:00.123Z","preferences":{"theme":"light",
"notifications":true,"dietary":["Vegan"],"allergies":["Peanuts","kiwi"],"dislikedIngredients":[],"favoriteCuisines":[],
"householdSize":2,"skillLevel":"intermediate","maxPrepTime":null,"unitSystem":"metric","timezone":"UTC",
"nutritionTargets":null,"email":{"weeklyReminder":true,"weeklySummary":true,"shoppingList":false}}}`

func jsonHeader() http.Header {
	return http.Header{"Content-Type": {"application/json; charset=utf-8"}, "X-Request-Id": {"req-1"}}
}

func TestCheckResponseAcceptsValidResponses(t *testing.T) {
	reset := time.Now().Add(time.Minute).Unix()
	cases := []struct {
		method, path string
		status       int
		header       http.Header
		body         string
	}{
		{"GET", "/api/v1/auth/me", 200, jsonHeader(), `{"user":` + validUser + `}`},
		{"GET", "/api/auth/me", 200, jsonHeader(), `{"user":` + validUser + `}`},
		{"GET", "/api/v1/users/me", 401, jsonHeader(), `{"error":"authentication required","code":"UNAUTHORIZED"}`},
		{"POST", "/api/auth/login", 403, jsonHeader(),
			`{"error":"account is locked. Please try again in 5 minute(s)","code":"ACCOUNT_LOCKED","details":{"retryAfter":300}}`},
		{"GET", "/api/v1/users/me/activities", 200, jsonHeader(),
			`[{"id":"a","userId":"u1","action":"view_recipe","details":"","relatedId":null,"timestamp":"2026-01-04T10:00:00Z","metadata":{}}]`},
		{"DELETE", "/api/v1/users/me", 204, http.Header{"X-Request-Id": {"r"}}, ``},
		{"POST", "/api/v1/auth/login", 429, http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {"r"},
			"Retry-After": {"3"}, "X-Ratelimit-Limit": {"20"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {strconv.FormatInt(reset, 10)}},
			`{"error":"too many requests, please try again later","code":"RATE_LIMITED","details":{"retryAfter":3}}`},
		{"GET", "/health", 200, jsonHeader(), `{"status":"healthy","service":"meal-planner-api"}`},
		{"GET", "/ready", 503, http.Header{"Content-Type": {"application/json"}, "X-Request-Id": {"r"}, "Retry-After": {"5"}},
			`{"error":"service not ready","code":"SERVICE_UNAVAILABLE","details":{"database":"unavailable"}}`},
		{"GET", "/metrics", 200, http.Header{"Content-Type": {"text/plain; version=0.0.4; charset=utf-8"}, "X-Request-Id": {"r"}}, "# HELP x\n"},
		{"GET", "/api/v1/no-such-route", 404, jsonHeader(), `{"error":"route not found","code":"NOT_FOUND"}`},
	}
	for _, c := range cases {
		req := httptest.NewRequest(c.method, c.path, nil)
		if err := validateResponse(req, c.status, c.header, []byte(c.body)); err != nil {
			t.Errorf("%s %s %d: %v", c.method, c.path, c.status, err)
		}
	}
}

func TestCheckResponseRejectsInvalidResponses(t *testing.T) {
	withoutEmail := strings.Replace(validUser, `"email":"a@example.com",`, "", 1)
	nullList := strings.Replace(validUser, `"dislikedIngredients":[]`, `"dislikedIngredients":null`, 1)
	leaked := strings.Replace(validUser, `"name":""`, `"name":"","passwordHash":"x"`, 1)
	localTime := strings.Replace(validUser, `"createdAt":"2026-01-04T10:00:00Z"`, `"createdAt":"2026-01-04T10:00:00+01:00"`, 1)
	cases := []struct {
		name, method, path string
		status             int
		header             http.Header
		body               string
	}{
		{"missing field", "GET", "/api/v1/auth/me", 200, jsonHeader(), `{"user":` + withoutEmail + `}`},
		{"null array", "GET", "/api/v1/auth/me", 200, jsonHeader(), `{"user":` + nullList + `}`},
		{"extra field", "GET", "/api/v1/auth/me", 200, jsonHeader(), `{"user":` + leaked + `}`},
		{"non-UTC time", "GET", "/api/v1/auth/me", 200, jsonHeader(), `{"user":` + localTime + `}`},
		{"undocumented status", "GET", "/api/v1/auth/me", 418, jsonHeader(), `{"error":"teapot","code":"CONFLICT"}`},
		{"code for another status", "GET", "/api/v1/auth/me", 401, jsonHeader(), `{"error":"x","code":"NOT_FOUND"}`},
		{"error not a string", "GET", "/api/v1/auth/me", 401, jsonHeader(), `{"error":{"message":"x"},"code":"UNAUTHORIZED"}`},
		{"no request id", "GET", "/api/v1/auth/me", 200, http.Header{"Content-Type": {"application/json"}}, `{"user":` + validUser + `}`},
		{"429 without Retry-After", "GET", "/api/v1/auth/me", 429, jsonHeader(),
			`{"error":"too many requests, please try again later","code":"RATE_LIMITED","details":{"retryAfter":3}}`},
		{"body on 204", "DELETE", "/api/v1/users/me", 204, jsonHeader(), `{}`},
		{"undocumented route served", "GET", "/api/v1/users/me/meal-plans", 200, jsonHeader(), `{"mealPlans":[]}`},
		{"text where JSON is documented", "GET", "/health", 200, http.Header{"Content-Type": {"text/plain"}, "X-Request-Id": {"r"}}, "ok"},
	}
	for _, c := range cases {
		req := httptest.NewRequest(c.method, c.path, nil)
		if err := validateResponse(req, c.status, c.header, []byte(c.body)); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
}

// TestPlatformResponsesMatchTheDocument runs the platform's own routes
// through the middleware chain the server uses and checks every answer.
func TestPlatformResponsesMatchTheDocument(t *testing.T) {
	logger, _ := newTestLogger()
	m := NewMetrics()
	var draining atomic.Bool
	r := mux.NewRouter()
	r.Use(recordRoute)
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, domain.NotFound("route not found"))
	})
	r.Handle("/health", handleHealth())
	r.Handle("/ready", handleReady([]Check{{"database", pingOK}}, &draining))
	r.Handle("/metrics", m.Handler())
	r.Handle("/api/v1/openapi.json", handleOpenAPI())
	r.Handle("/api/openapi.json", handleOpenAPI())
	h := requestID(logRequests(logger, m)(recoverPanics(cors(nil)(securityHeaders(limitBody(1 << 20)(r))))))
	srv := httptest.NewServer(h)
	defer srv.Close()

	get := func(path string) {
		t.Helper()
		req, _ := http.NewRequest("GET", srv.URL+path, nil)
		res, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		checkResponse(t, req, res, body)
	}
	for _, path := range []string{"/health", "/ready", "/metrics", "/api/v1/openapi.json", "/api/openapi.json", "/api/v1/nothing-here"} {
		get(path)
	}
	draining.Store(true)
	get("/ready")
}
