package s3_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

func contextWithTimeout(t *testing.T, d time.Duration) (context.Context, context.CancelFunc) {
	return context.WithTimeout(t.Context(), d)
}

// put sends a plain HTTP request, as a browser or app would with the
// presigned URL, and returns the status.
func put(t *testing.T, rawURL string, headers map[string]string, body string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPut, rawURL, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("PUT: %v", err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	return resp.StatusCode
}

func mustPresign(t *testing.T, s ports.ImageStore, key, contentType string, ttl time.Duration) ports.PresignedUpload {
	t.Helper()
	p, err := s.PresignPut(t.Context(), key, contentType, ttl)
	if err != nil {
		t.Fatalf("PresignPut: %v", err)
	}
	return p
}

func TestPresignedPutStoresTheObject(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := mustStore(t, f.config())
	p := mustPresign(t, s, "uploads/52772/photo.png", "image/png", 15*time.Minute)
	if p.Method != http.MethodPut || p.Headers["Content-Type"] != "image/png" {
		t.Fatalf("presigned %s with headers %v", p.Method, p.Headers)
	}
	u, _ := url.Parse(p.URL)
	if sh := u.Query().Get("X-Amz-SignedHeaders"); !strings.Contains(sh, "content-type") {
		t.Errorf("signed headers %q do not bind the content type", sh)
	}
	if status := put(t, p.URL, p.Headers, "\x89PNG uploaded"); status != http.StatusOK {
		t.Fatalf("PUT to the presigned URL: %d", status)
	}
	data, ct, err := s.Get(t.Context(), "uploads/52772/photo.png")
	if err != nil || string(data) != "\x89PNG uploaded" || ct != "image/png" {
		t.Errorf("after the upload Get = %q, %q, %v", data, ct, err)
	}
	if accepted, refused := f.proxy.counts(); accepted != 2 || len(refused) != 0 {
		t.Errorf("proxy accepted %d and refused %v, want the PUT and the GET verified", accepted, refused)
	}
}

func TestPresignedPutRefusesTampering(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := mustStore(t, f.config())
	p := mustPresign(t, s, "uploads/1/photo.jpg", "image/jpeg", 15*time.Minute)
	jpeg := map[string]string{"Content-Type": "image/jpeg"}
	tests := []struct {
		name, url string
		headers   map[string]string
	}{
		{"other key", strings.Replace(p.URL, "photo.jpg", "other.jpg", 1), jpeg},
		{"longer expiry", withQuery(t, p.URL, "X-Amz-Expires", "604800"), jpeg},
		{"other signature", withQuery(t, p.URL, "X-Amz-Signature", strings.Repeat("0", 64)), jpeg},
		{"other content type", p.URL, map[string]string{"Content-Type": "text/html"}},
		{"no content type", p.URL, nil},
	}
	for _, tc := range tests {
		if status := put(t, tc.url, tc.headers, "x"); status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", tc.name, status)
		}
	}
	for _, k := range []string{"uploads/1/photo.jpg", "uploads/1/other.jpg"} {
		if _, _, err := s.Get(t.Context(), k); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Get(%q) after refused uploads: %v", k, err)
		}
	}
	if _, refused := f.proxy.counts(); len(refused) != len(tests) {
		t.Errorf("proxy refused %d requests, want %d", len(refused), len(tests))
	}
}

func TestPresignedPutExpires(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := mustStore(t, f.config())
	p := mustPresign(t, s, "uploads/1/photo.jpg", "image/jpeg", time.Minute)
	f.proxy.setClock(p.ExpiresAt.Add(time.Second))
	if status := put(t, p.URL, p.Headers, "x"); status != http.StatusForbidden {
		t.Errorf("PUT after expiry: %d, want 403", status)
	}
	f.proxy.setClock(p.ExpiresAt)
	if status := put(t, p.URL, p.Headers, "x"); status != http.StatusOK {
		t.Errorf("PUT at the last valid second: %d, want 200", status)
	}
}

func TestPresignRefusesTTLBeyondSevenDays(t *testing.T) {
	t.Parallel()
	s := mustStore(t, newFixture(t).config())
	if _, err := s.PresignPut(t.Context(), "k", "image/jpeg", 7*24*time.Hour+time.Second); err == nil {
		t.Error("a ttl over 7 days was accepted")
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
