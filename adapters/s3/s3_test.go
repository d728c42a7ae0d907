package s3_test

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/s3"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

func TestImageStoreContract(t *testing.T) {
	t.Parallel()
	porttest.ImageStore(t, func(t *testing.T) ports.ImageStore {
		f := newFixture(t)
		t.Cleanup(func() { f.assertNoneRefused(t) })
		return mustStore(t, f.config())
	})
}

func TestEveryRequestIsVerified(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := mustStore(t, f.config())
	mustPut(t, s, "recipes/1/large.jpg", "jpeg bytes", "image/jpeg")
	if _, _, err := s.Get(t.Context(), "recipes/1/large.jpg"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.Get(t.Context(), "recipes/1/none.jpg"); !errors.Is(err, domain.ErrNotFound) {
		t.Fatalf("Get of a missing key: %v", err)
	}
	if err := s.Delete(t.Context(), "recipes/1/large.jpg"); err != nil {
		t.Fatal(err)
	}
	if accepted, refused := f.proxy.counts(); accepted != 4 || len(refused) != 0 {
		t.Errorf("proxy accepted %d and refused %v, want 4 verified requests", accepted, refused)
	}
}

func TestWrongCredentialsAreRefused(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	tests := map[string]func(*s3.Config){
		"wrong secret":     func(c *s3.Config) { c.SecretAccessKey = strings.ToLower(secretKey) },
		"wrong access key": func(c *s3.Config) { c.AccessKeyID = "AKIAI44QH8DHBEXAMPLE" },
		"wrong region":     func(c *s3.Config) { c.Region = "us-east-1" },
	}
	for name, change := range tests {
		cfg := f.config()
		change(&cfg)
		err := mustStoreWithoutRetries(t, cfg).Put(t.Context(), "k/"+strings.ReplaceAll(name, " ", "-"), []byte("x"), "image/jpeg")
		if err == nil {
			t.Errorf("%s: the upload was accepted", name)
		} else if code := domain.ErrorCode(err); code != domain.CodeInternal || !strings.Contains(err.Error(), "SignatureDoesNotMatch") {
			t.Errorf("%s: error %v (%s), want an internal SignatureDoesNotMatch", name, err, code)
		}
	}
	if accepted, refused := f.proxy.counts(); accepted != 0 || len(refused) != len(tests) {
		t.Errorf("proxy accepted %d and refused %d, want 0 and %d", accepted, len(refused), len(tests))
	}
	good := mustStore(t, f.config())
	if _, _, err := good.Get(t.Context(), "k/wrong-secret"); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("Get of the refused upload: %v, want NOT_FOUND", err)
	}
}

func TestDeleteBatchesAThousandKeysPerCall(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	s := mustStore(t, f.config())
	keys := make([]string, 1500)
	for i := range keys {
		keys[i] = fmt.Sprintf("bulk/%04d.jpg", i)
	}
	for _, k := range []string{keys[0], keys[999], keys[1000], keys[1499]} {
		mustPut(t, s, k, "x", "image/jpeg")
	}
	before, _ := f.proxy.counts()
	if err := s.Delete(t.Context(), keys...); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if after, _ := f.proxy.counts(); after-before != 2 {
		t.Errorf("Delete of 1500 keys made %d requests, want 2", after-before)
	}
	for _, k := range []string{keys[0], keys[999], keys[1000], keys[1499]} {
		if _, _, err := s.Get(t.Context(), k); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Get(%q) after Delete: %v", k, err)
		}
	}
	f.assertNoneRefused(t)
}

func TestKeyPrefix(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	cfg := f.config()
	cfg.KeyPrefix = "img/"
	mustPut(t, mustStore(t, cfg), "recipes/1/large.jpg", "jpeg", "image/jpeg")
	data, ct, err := mustStore(t, f.config()).Get(t.Context(), "img/recipes/1/large.jpg")
	if err != nil || string(data) != "jpeg" || ct != "image/jpeg" {
		t.Errorf("object under the prefix: %q %q %v", data, ct, err)
	}
}

func TestErrorsAreMapped(t *testing.T) {
	t.Parallel()
	f := newFixture(t)
	tests := []struct {
		name     string
		endpoint string
		bucket   string
		timeout  time.Duration
		want     domain.Code
	}{
		{"5xx", failingServer(t), bucket, time.Minute, domain.CodeUnavailable},
		{"connection refused", closedServer(), bucket, time.Minute, domain.CodeUnavailable},
		{"deadline", slowServer(t), bucket, 200 * time.Millisecond, domain.CodeUnavailable},
		{"missing bucket", f.url, "no-such-bucket", time.Minute, domain.CodeInternal},
	}
	for _, tc := range tests {
		cfg := f.config()
		cfg.Endpoint, cfg.Bucket = tc.endpoint, tc.bucket
		s := mustStoreWithoutRetries(t, cfg)
		ctx, cancel := contextWithTimeout(t, tc.timeout)
		_, _, err := s.Get(ctx, "recipes/1/large.jpg")
		cancel()
		if got := domain.ErrorCode(err); err == nil || got != tc.want {
			t.Errorf("%s: Get error %v (%s), want %s", tc.name, err, got, tc.want)
		}
		if tc.name == "deadline" {
			continue
		}
		if err := s.Put(t.Context(), "k", []byte("x"), "image/jpeg"); domain.ErrorCode(err) != tc.want {
			t.Errorf("%s: Put error %v, want %s", tc.name, err, tc.want)
		}
	}
}

// failingServer answers every request with S3's 500.
func failingServer(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprint(w, `<Error><Code>InternalError</Code><Message>boom</Message></Error>`)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// closedServer is the address of a listener that is gone.
func closedServer() string {
	srv := httptest.NewServer(http.NotFoundHandler())
	srv.Close()
	return srv.URL
}

// slowServer answers nothing until the client gives up.
func slowServer(t *testing.T) string {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

func TestURL(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		cfg  s3.Config
		want string
	}{
		{"cdn", s3.Config{PublicBaseURL: "https://cdn.example.com/", KeyPrefix: "images/"},
			"https://cdn.example.com/images/recipes/52772/large.jpg"},
		{"path style endpoint", s3.Config{Endpoint: "http://127.0.0.1:7070", UsePathStyle: true},
			"http://127.0.0.1:7070/images/recipes/52772/large.jpg"},
		{"virtual host endpoint", s3.Config{Endpoint: "https://storage.example.net"},
			"https://images.storage.example.net/recipes/52772/large.jpg"},
		{"aws", s3.Config{}, "https://images.s3.eu-west-1.amazonaws.com/recipes/52772/large.jpg"},
		{"aws path style", s3.Config{UsePathStyle: true}, "https://s3.eu-west-1.amazonaws.com/images/recipes/52772/large.jpg"},
	}
	for _, tc := range tests {
		cfg := tc.cfg
		cfg.Bucket, cfg.Region, cfg.AccessKeyID, cfg.SecretAccessKey = bucket, region, accessKey, secretKey
		if got := mustStore(t, cfg).URL("recipes/52772/large.jpg"); got != tc.want {
			t.Errorf("%s: URL = %q, want %q", tc.name, got, tc.want)
		}
	}
	s := mustStore(t, s3.Config{Bucket: bucket, Region: region, PublicBaseURL: "https://cdn.example.com"})
	if got := s.URL("a b/ü?.jpg"); got != "https://cdn.example.com/a%20b/%C3%BC%3F.jpg" {
		t.Errorf("URL escapes to %q", got)
	}
}

func TestNewRefusesBadConfig(t *testing.T) {
	t.Parallel()
	good := s3.Config{Bucket: bucket, Region: region, AccessKeyID: accessKey, SecretAccessKey: secretKey}
	tests := map[string]func(*s3.Config){
		"no bucket":         func(c *s3.Config) { c.Bucket = "" },
		"key id only":       func(c *s3.Config) { c.SecretAccessKey = "" },
		"secret only":       func(c *s3.Config) { c.AccessKeyID = "" },
		"relative endpoint": func(c *s3.Config) { c.Endpoint = "127.0.0.1:7070" },
		"ftp public base":   func(c *s3.Config) { c.PublicBaseURL = "ftp://cdn.example.com" },
	}
	for name, change := range tests {
		cfg := good
		change(&cfg)
		if _, err := s3.New(t.Context(), cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func mustPut(t *testing.T, s *s3.ImageStore, key, data, contentType string) {
	t.Helper()
	if err := s.Put(t.Context(), key, []byte(data), contentType); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}
