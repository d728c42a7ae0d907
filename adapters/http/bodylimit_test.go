package http

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestLimitBodyRefusesDeclaredLengthAtOnce(t *testing.T) {
	called := false
	h := limitBody(8)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { called = true }))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader("123456789")))
	if called || rec.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("status %d, handler called %v", rec.Code, called)
	}
	m := decodeErrorBody(t, rec)
	if m["code"] != "PAYLOAD_TOO_LARGE" || m["error"] != "request body too large" {
		t.Errorf("body %v", m)
	}
}

func TestLimitBodyStopsStreamedBodies(t *testing.T) {
	decoded := make(chan error, 1)
	h := limitBody(8)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := decode[decodeTarget](w, r)
		decoded <- err
		writeError(w, r, err)
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	// An io.Reader of unknown length makes the client send the body chunked, without Content-Length.
	res, err := srv.Client().Post(srv.URL, "application/json", io.MultiReader(strings.NewReader(`{"name":`), strings.NewReader(`"abcdefgh"}`)))
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if err := <-decoded; !strings.Contains(fmt.Sprint(err), "PAYLOAD_TOO_LARGE") {
		t.Errorf("decoding past the limit gave %v", err)
	}
	if res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("status %d", res.StatusCode)
	}
}

func TestLimitBodyLetsSmallBodiesThrough(t *testing.T) {
	var got string
	h := limitBody(8)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		got = string(b)
	}))
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("POST", "/", strings.NewReader("12345678")))
	if got != "12345678" || rec.Code != 200 {
		t.Errorf("status %d, body read %q", rec.Code, got)
	}
}

func TestLimitBodyLeavesImageUploadsToTheirHandler(t *testing.T) {
	var reached []string
	h := limitBody(8)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached = append(reached, r.URL.Path) }))
	for _, c := range []struct {
		method, path string
		through      bool
	}{
		{"POST", "/api/v1/recipes/52772/image", true},
		{"POST", "/api/recipes/1/image", true},
		{"PUT", "/api/recipes/1/image", false},
		{"POST", "/api/v1/users/me/image", false},
		{"POST", "/api/v1/recipes/1/rating", false},
	} {
		rec := httptest.NewRecorder()
		reached = nil
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, strings.NewReader("123456789")))
		if got := len(reached) == 1; got != c.through {
			t.Errorf("%s %s reached the handler: %v, want %v (status %d)", c.method, c.path, got, c.through, rec.Code)
		}
	}
}
