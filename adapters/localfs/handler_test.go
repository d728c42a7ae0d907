package localfs_test

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/localfs"
)

// server runs the store's handler on a real listener whose address is the
// store's public base URL, as when the API serves the folder.
func server(t *testing.T) (*localfs.ImageStore, *httptest.Server) {
	t.Helper()
	var h http.Handler
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	t.Cleanup(srv.Close)
	s := mustNew(t, t.TempDir(), srv.URL)
	h = s.Handler()
	return s, srv
}

func do(t *testing.T, method, rawURL string, body io.Reader, header map[string]string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, rawURL, body)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, rawURL, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(b)
}

func assertResponse(t *testing.T, resp *http.Response, body string, status int, wantBody string) {
	t.Helper()
	if resp.StatusCode != status || (wantBody != "" && strings.TrimSpace(body) != wantBody) {
		t.Errorf("%s %s = %d %s, want %d %s", resp.Request.Method, resp.Request.URL.Path, resp.StatusCode, body, status, wantBody)
	}
}

func TestHandlerServesImages(t *testing.T) {
	t.Parallel()
	s, _ := server(t)
	data := []byte("\x89PNG\r\n\x1a\n pixels")
	mustPut(t, s, "recipes/52772/large.png", data, "image/png")
	resp, body := do(t, "GET", s.URL("recipes/52772/large.png"), nil, nil)
	assertResponse(t, resp, body, http.StatusOK, "")
	if body != string(data) {
		t.Errorf("body = %q, want %q", body, data)
	}
	for k, want := range map[string]string{
		"Content-Type":           "image/png",
		"X-Content-Type-Options": "nosniff",
		"Cache-Control":          "public, max-age=31536000, immutable",
	} {
		if got := resp.Header.Get(k); got != want {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	resp, body = do(t, "GET", s.URL("recipes/52772/large.png"), nil, map[string]string{"Range": "bytes=1-3"})
	assertResponse(t, resp, body, http.StatusPartialContent, "PNG")
	resp, body = do(t, "HEAD", s.URL("recipes/52772/large.png"), nil, nil)
	if resp.StatusCode != http.StatusOK || resp.ContentLength != int64(len(data)) || body != "" {
		t.Errorf("HEAD = %d, length %d, body %q", resp.StatusCode, resp.ContentLength, body)
	}
}

func TestHandlerNotFound(t *testing.T) {
	t.Parallel()
	s, srv := server(t)
	const notFound = `{"error":"image not found","code":"NOT_FOUND"}`
	for _, p := range []string{"/images/recipes/1/none.jpg", "/images/", "/images/%2e%2e/%2e%2e/etc/passwd", "/images/.tmp-x"} {
		resp, body := do(t, "GET", srv.URL+p, nil, nil)
		assertResponse(t, resp, body, http.StatusNotFound, notFound)
		if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
			t.Errorf("GET %s: Content-Type %q", p, ct)
		}
	}
	resp, body := do(t, "POST", s.URL("a.jpg"), nil, nil)
	assertResponse(t, resp, body, http.StatusMethodNotAllowed, `{"error":"method not allowed","code":"METHOD_NOT_ALLOWED"}`)
}

func TestPresignedUpload(t *testing.T) {
	t.Parallel()
	s, _ := server(t)
	p, err := s.PresignPut(t.Context(), "uploads/52772/photo.webp", "image/webp", 15*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	resp, body := do(t, p.Method, p.URL, strings.NewReader("RIFF webp bytes"), p.Headers)
	assertResponse(t, resp, body, http.StatusOK, "")
	data, ct, err := s.Get(t.Context(), "uploads/52772/photo.webp")
	if err != nil || string(data) != "RIFF webp bytes" || ct != "image/webp" {
		t.Errorf("after the upload Get = %q, %q, %v", data, ct, err)
	}
	resp, body = do(t, "GET", s.URL("uploads/52772/photo.webp"), nil, nil)
	if resp.Header.Get("Content-Type") != "image/webp" || body != "RIFF webp bytes" {
		t.Errorf("served %q as %q", body, resp.Header.Get("Content-Type"))
	}
}

func TestPresignedUploadRefusesTampering(t *testing.T) {
	t.Parallel()
	s, _ := server(t)
	p, err := s.PresignPut(t.Context(), "uploads/1/photo.jpg", "image/jpeg", 15*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	const invalid = `{"error":"upload link is invalid","code":"FORBIDDEN"}`
	jpeg := map[string]string{"Content-Type": "image/jpeg"}
	tests := []struct {
		name, url string
		header    map[string]string
		want      string
	}{
		{"other key", strings.Replace(p.URL, "photo.jpg", "other.jpg", 1), jpeg, invalid},
		{"later expiry", withQuery(t, p.URL, "expires", "99999999999"), jpeg, invalid},
		{"other type", withQuery(t, p.URL, "ct", "text/html"), map[string]string{"Content-Type": "text/html"}, invalid},
		{"no signature", withQuery(t, p.URL, "sig", ""), jpeg, invalid},
		{"bad signature", withQuery(t, p.URL, "sig", strings.Repeat("0", 64)), jpeg, invalid},
		{"type not sent", p.URL, nil, `{"error":"Content-Type does not match the upload link","code":"FORBIDDEN"}`},
		{"other type sent", p.URL, map[string]string{"Content-Type": "text/html"}, `{"error":"Content-Type does not match the upload link","code":"FORBIDDEN"}`},
	}
	for _, tc := range tests {
		resp, body := do(t, "PUT", tc.url, strings.NewReader("x"), tc.header)
		if resp.StatusCode != http.StatusForbidden || strings.TrimSpace(body) != tc.want {
			t.Errorf("%s: %d %s, want 403 %s", tc.name, resp.StatusCode, body, tc.want)
		}
	}
	if data, _, err := s.Get(t.Context(), "uploads/1/other.jpg"); err == nil {
		t.Errorf("a tampered upload was stored: %q", data)
	}
}

func withQuery(t *testing.T, raw, key, value string) string {
	t.Helper()
	u, err := url.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set(key, value)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestPresignedUploadExpires(t *testing.T) {
	t.Parallel()
	s, _ := server(t)
	now := time.Now()
	s.SetClock(func() time.Time { return now })
	p, err := s.PresignPut(t.Context(), "uploads/1/photo.jpg", "image/jpeg", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(time.Minute + time.Second)
	resp, body := do(t, "PUT", p.URL, strings.NewReader("x"), p.Headers)
	assertResponse(t, resp, body, http.StatusForbidden, `{"error":"upload link has expired","code":"FORBIDDEN"}`)
}

func TestPresignedUploadSizeLimit(t *testing.T) {
	t.Parallel()
	s, _ := server(t)
	p, err := s.PresignPut(t.Context(), "uploads/1/photo.jpg", "image/jpeg", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	const tooLarge = `{"error":"image is larger than 5 MiB","code":"PAYLOAD_TOO_LARGE"}`
	big := bytes.Repeat([]byte{0xAB}, localfs.MaxUpload+1)
	resp, body := do(t, "PUT", p.URL, bytes.NewReader(big), p.Headers)
	assertResponse(t, resp, body, http.StatusRequestEntityTooLarge, tooLarge)
	// Without a Content-Length the limit is met while reading.
	resp, body = do(t, "PUT", p.URL, io.MultiReader(bytes.NewReader(big)), p.Headers)
	assertResponse(t, resp, body, http.StatusRequestEntityTooLarge, tooLarge)
	resp, body = do(t, "PUT", p.URL, bytes.NewReader(big[:localfs.MaxUpload]), p.Headers)
	assertResponse(t, resp, body, http.StatusOK, "")
}
