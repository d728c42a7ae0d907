package http_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	backend "github.com/mealplanner/backend"
	apihttp "github.com/mealplanner/backend/adapters/http"
)

// api is one test's running server on the test assembly.
type api struct {
	t   *testing.T
	app *backend.TestApp
	srv *httptest.Server
}

func newAPI(t *testing.T, opts ...func(*backend.TestOptions)) *api {
	t.Helper()
	o := backend.TestOptions{}
	for _, f := range opts {
		f(&o)
	}
	ta, cleanup, err := backend.InitializeTest(o)
	if err != nil {
		t.Fatalf("assembling the test server: %v", err)
	}
	srv := httptest.NewServer(ta.Server)
	t.Cleanup(func() { srv.Close(); cleanup() })
	return &api{t: t, app: ta, srv: srv}
}

// response is a finished request with its body read.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic value.
func (r response) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.Body)
	}
	return m
}

// ErrorText is the contract's error string.
func (r response) ErrorText(t *testing.T) string {
	t.Helper()
	s, ok := r.JSON(t)["error"].(string)
	if !ok {
		t.Fatalf("error body without a string error: %s", r.Body)
	}
	return s
}

// do sends a request and checks the response against the OpenAPI document.
func (a *api) do(method, path, token string, body any) response {
	a.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		buf, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		rd = bytes.NewReader(buf)
	}
	req, err := http.NewRequest(method, a.srv.URL+path, rd)
	if err != nil {
		a.t.Fatal(err)
	}
	if rd != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return a.send(req)
}

func (a *api) send(req *http.Request) response {
	a.t.Helper()
	res, err := a.srv.Client().Do(req)
	if err != nil {
		a.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	apihttp.CheckResponse(a.t, req, res, body)
	return response{Status: res.StatusCode, Header: res.Header, Body: body}
}

// session is a signed-in user.
type session struct {
	ID, Email, Password, Token, Refresh string
}

const goodPassword = "Str0ng!pass"

func (a *api) register(email string) session {
	a.t.Helper()
	res := a.do("POST", "/api/v1/auth/register", "", map[string]string{"email": email, "password": goodPassword, "name": "Test User"})
	if res.Status != http.StatusCreated {
		a.t.Fatalf("register %s: %d %s", email, res.Status, res.Body)
	}
	return a.sessionFrom(res, email)
}

func (a *api) login(email, password string) session {
	a.t.Helper()
	res := a.do("POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": password})
	if res.Status != http.StatusOK {
		a.t.Fatalf("login %s: %d %s", email, res.Status, res.Body)
	}
	return a.sessionFrom(res, email)
}

func (a *api) sessionFrom(res response, email string) session {
	a.t.Helper()
	m := res.JSON(a.t)
	u, _ := m["user"].(map[string]any)
	s := session{Email: email, Password: goodPassword}
	s.ID, _ = u["id"].(string)
	s.Token, _ = m["token"].(string)
	s.Refresh, _ = m["refreshToken"].(string)
	if s.ID == "" || s.Token == "" || s.Refresh == "" {
		a.t.Fatalf("auth response lacks user id or tokens: %s", res.Body)
	}
	return s
}

// admin creates an administrator through the use case, as the CLI does, and signs in.
func (a *api) admin(email string) session {
	a.t.Helper()
	if _, err := a.app.Accounts.CreateAdmin(a.t.Context(), email, goodPassword, "Admin"); err != nil {
		a.t.Fatal(err)
	}
	return a.login(email, goodPassword)
}

func wantStatus(t *testing.T, res response, want int) {
	t.Helper()
	if res.Status != want {
		t.Fatalf("status %d, want %d; body %s", res.Status, want, res.Body)
	}
}

func withAuthLimit(n int) func(*backend.TestOptions) {
	return func(o *backend.TestOptions) { o.AuthLimit = n }
}
