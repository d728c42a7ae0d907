package porttest

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// imageBytes looks like the start of a JPEG and holds every byte value a
// text-minded store could mangle: NUL, CR, LF, high bytes.
var imageBytes = append([]byte{0xFF, 0xD8, 0xFF, 0xE0, 0, '\r', '\n', 0x80, 0xFE}, bytes.Repeat([]byte{0, 1, 2, 255}, 256)...)

// ImageStore runs the contract of ports.ImageStore against the store that
// newStore builds, fresh for every subtest. Keys are the kind the recipe use
// cases write: lower-case paths with slashes, digits, dots and dashes.
func ImageStore(t *testing.T, newStore func(t *testing.T) ports.ImageStore) {
	t.Helper()
	run := func(name string, test func(*testing.T, ports.ImageStore)) {
		t.Run(name, func(t *testing.T) { test(t, newStore(t)) })
	}
	run("put then get keeps bytes and content type", imagesRoundTrip)
	run("put overwrites", imagesOverwrite)
	run("stored bytes do not alias the caller's", imagesCopies)
	run("get of a missing key is NOT_FOUND", imagesMissing)
	run("delete several keys, missing ones included", imagesDelete)
	run("url names the key", imagesURL)
	run("presigned put", imagesPresign)
	run("presign with a ttl that is not positive is an error", imagesPresignBadTTL)
}

func imagesRoundTrip(t *testing.T, s ports.ImageStore) {
	mustPutImage(t, s, "recipes/52772/original.jpg", imageBytes, "image/jpeg")
	mustPutImage(t, s, "recipes/52772/thumbnail_200.webp", []byte("RIFF\x00\x00\x00\x00WEBP"), "image/webp")
	assertImage(t, s, "recipes/52772/original.jpg", imageBytes, "image/jpeg")
	assertImage(t, s, "recipes/52772/thumbnail_200.webp", []byte("RIFF\x00\x00\x00\x00WEBP"), "image/webp")
}

func imagesOverwrite(t *testing.T, s ports.ImageStore) {
	mustPutImage(t, s, "recipes/1/large.jpg", imageBytes, "image/jpeg")
	mustPutImage(t, s, "recipes/1/large.jpg", []byte("\x89PNG\r\n\x1a\nshorter"), "image/png")
	assertImage(t, s, "recipes/1/large.jpg", []byte("\x89PNG\r\n\x1a\nshorter"), "image/png")
}

func imagesCopies(t *testing.T, s ports.ImageStore) {
	data := bytes.Clone(imageBytes)
	mustPutImage(t, s, "recipes/2/medium.jpg", data, "image/jpeg")
	data[0] = 'X'
	got, _ := mustGetImage(t, s, "recipes/2/medium.jpg")
	got[1] = 'Y'
	assertImage(t, s, "recipes/2/medium.jpg", imageBytes, "image/jpeg")
}

func imagesMissing(t *testing.T, s ports.ImageStore) {
	assertImageMissing(t, s, "recipes/404/original.jpg")
	mustPutImage(t, s, "recipes/3/original.jpg", imageBytes, "image/jpeg")
	assertImageMissing(t, s, "recipes/3/original.jp")
	assertImageMissing(t, s, "recipes/3")
}

func imagesDelete(t *testing.T, s ports.ImageStore) {
	for _, k := range []string{"r/1/a.jpg", "r/1/b.jpg", "r/1/c.jpg"} {
		mustPutImage(t, s, k, imageBytes, "image/jpeg")
	}
	if err := s.Delete(t.Context(), "r/1/a.jpg", "r/1/missing.jpg", "r/1/b.jpg"); err != nil {
		t.Fatalf("Delete: %v", err)
	}
	if err := s.Delete(t.Context()); err != nil {
		t.Fatalf("Delete of no keys: %v", err)
	}
	if err := s.Delete(t.Context(), "r/2/missing.jpg"); err != nil {
		t.Fatalf("Delete of a missing key: %v", err)
	}
	assertImageMissing(t, s, "r/1/a.jpg")
	assertImageMissing(t, s, "r/1/b.jpg")
	assertImage(t, s, "r/1/c.jpg", imageBytes, "image/jpeg")
}

func imagesURL(t *testing.T, s ports.ImageStore) {
	const key = "recipes/52772/large.jpg"
	u := s.URL(key)
	if !strings.Contains(u, key) {
		t.Errorf("URL(%q) = %q, which does not name the key", key, u)
	}
	if _, err := url.Parse(u); err != nil {
		t.Errorf("URL(%q) = %q: %v", key, u, err)
	}
	if other := s.URL("recipes/52772/medium.jpg"); other == u {
		t.Errorf("two keys share the URL %q", u)
	}
}

func imagesPresign(t *testing.T, s ports.ImageStore) {
	const ttl = 15 * time.Minute
	before := time.Now()
	p, err := s.PresignPut(t.Context(), "uploads/52772/photo.png", "image/png", ttl)
	if err != nil {
		t.Fatalf("PresignPut: %v", err)
	}
	if p.Method != "PUT" || p.URL == "" {
		t.Errorf("PresignPut = %s %q, want PUT and a URL", p.Method, p.URL)
	}
	if _, err := url.Parse(p.URL); err != nil {
		t.Errorf("presigned URL %q: %v", p.URL, err)
	}
	// Stores round the expiry to whole seconds.
	if lo, hi := before.Add(ttl-2*time.Second), time.Now().Add(ttl+2*time.Second); p.ExpiresAt.Before(lo) || p.ExpiresAt.After(hi) {
		t.Errorf("ExpiresAt = %v, want about %v", p.ExpiresAt, before.Add(ttl))
	}
	if ct := p.Headers["Content-Type"]; ct != "image/png" {
		t.Errorf("Headers[Content-Type] = %q, want the client told to send image/png (headers %v)", ct, p.Headers)
	}
}

func imagesPresignBadTTL(t *testing.T, s ports.ImageStore) {
	for _, ttl := range []time.Duration{0, -time.Minute} {
		if _, err := s.PresignPut(t.Context(), "uploads/1/photo.jpg", "image/jpeg", ttl); err == nil {
			t.Errorf("PresignPut with ttl %v: no error", ttl)
		}
	}
}

func mustPutImage(t *testing.T, s ports.ImageStore, key string, data []byte, contentType string) {
	t.Helper()
	if err := s.Put(t.Context(), key, data, contentType); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

func mustGetImage(t *testing.T, s ports.ImageStore, key string) ([]byte, string) {
	t.Helper()
	data, ct, err := s.Get(t.Context(), key)
	if err != nil {
		t.Fatalf("Get(%q): %v", key, err)
	}
	return data, ct
}

func assertImage(t *testing.T, s ports.ImageStore, key string, want []byte, wantType string) {
	t.Helper()
	data, ct := mustGetImage(t, s, key)
	if !bytes.Equal(data, want) || ct != wantType {
		t.Errorf("Get(%q) = %d bytes of %q, want %d bytes of %q", key, len(data), ct, len(want), wantType)
	}
}

func assertImageMissing(t *testing.T, s ports.ImageStore, key string) {
	t.Helper()
	_, _, err := s.Get(t.Context(), key)
	if !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("Get(%q) error = %v, want NOT_FOUND", key, err)
	}
}
