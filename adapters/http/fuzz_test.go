package http_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	backend "github.com/mealplanner/backend"
)

// fuzzTargets are the routes that decode a JSON body, as an owner calls them.
var fuzzTargets = []struct{ method, path string }{
	{"POST", "/api/v1/auth/register"},
	{"POST", "/api/v1/auth/login"},
	{"POST", "/api/v1/auth/refresh"},
	{"POST", "/api/v1/auth/logout"},
	{"PUT", "/api/v1/auth/profile"},
	{"PUT", "/api/v1/auth/password"},
	{"PUT", "/api/v1/auth/preferences"},
	{"POST", "/api/v1/auth/forgot-password"},
	{"POST", "/api/v1/auth/reset-password"},
	{"PATCH", "/api/v1/users/me"},
	{"PATCH", "/api/v1/users/me/preferences"},
	{"POST", "/api/v1/users/me/activities"},
	{"DELETE", "/api/v1/users/me"},
	{"POST", "/api/v1/recipes"},
	{"PUT", "/api/v1/recipes/1"},
	{"PATCH", "/api/v1/recipes/1"},
	{"PUT", "/api/v1/recipes/1/rating"},
	{"POST", "/api/v1/recipes/1/upload-url"},
	{"POST", "/api/v1/recipes/1/confirm-upload"},
}

// FuzzRequestBodies sends arbitrary bodies to every JSON route through the
// real router: whatever arrives, the answer is never a 5xx and never a panic
// (a panic would be answered 500 by the recovery middleware).
func FuzzRequestBodies(f *testing.F) {
	seeds := []string{
		`{"email":"a@b.co","password":"Str0ng!pass"}`, `{}`, `null`, `[]`, `"x"`, `{"email":1}`,
		`{"householdSize":1e309}`, `{"maxPrepTime":-1,"nutritionTargets":{"calories":"x"}}`,
		`{"dietary":[null,1,"Vegan"]}`, `{"action":"add_meal","metadata":{"a":{"b":1}}}`,
		`{"name":"\u0000"}`, `{"ingredients":[{"name":"x","quantity":1e308,"unit":"g"}],"stars":3}`,
		`{"refreshToken":"` + strings.Repeat("A", 5000) + `"}`, "\xff\xfe", `{"a":`,
	}
	for i, s := range seeds {
		f.Add(uint8(i), s)
	}
	ta, cleanup, err := backend.InitializeTest(backend.TestOptions{})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(cleanup)
	token := fuzzToken(f, ta)
	f.Fuzz(func(t *testing.T, route uint8, body string) {
		target := fuzzTargets[int(route)%len(fuzzTargets)]
		req := httptest.NewRequest(target.method, target.path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		rec := httptest.NewRecorder()
		ta.Server.ServeHTTP(rec, req)
		if rec.Code >= 500 {
			t.Fatalf("%s %s with %q: %d %s", target.method, target.path, body, rec.Code, rec.Body)
		}
	})
}

// fuzzToken registers the caller the fuzzed requests act as. The fuzzer may
// log it out or erase it; later inputs then exercise the 401 path, which must
// hold up just as well.
func fuzzToken(f *testing.F, ta *backend.TestApp) string {
	req := httptest.NewRequest("POST", "/api/v1/auth/register",
		strings.NewReader(`{"email":"fuzz@example.com","password":"Str0ng!pass"}`))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	ta.Server.ServeHTTP(rec, req)
	if rec.Code != http.StatusCreated {
		f.Fatalf("register: %d %s", rec.Code, rec.Body)
	}
	_, after, _ := strings.Cut(rec.Body.String(), `"token":"`)
	token, _, _ := strings.Cut(after, `"`)
	return token
}
