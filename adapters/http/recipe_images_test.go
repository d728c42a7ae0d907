package http_test

import (
	"bytes"
	"crypto/rand"
	"image"
	"image/color"
	"image/png"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

// pngImage makes a small picture with some detail, so that it decodes and
// crops like a real one.
func pngImage(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: uint8(x ^ y), A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// upload posts data as the multipart field "field" with the given type.
func (a *api) upload(path, token, field, contentType string, data []byte) response {
	a.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	h := textproto.MIMEHeader{}
	h.Set("Content-Disposition", `form-data; name="`+field+`"; filename="picture"`)
	h.Set("Content-Type", contentType)
	part, err := mw.CreatePart(h)
	if err != nil {
		a.t.Fatal(err)
	}
	if _, err := part.Write(data); err != nil {
		a.t.Fatal(err)
	}
	if err := mw.Close(); err != nil {
		a.t.Fatal(err)
	}
	req, err := http.NewRequest("POST", a.srv.URL+path, &body)
	if err != nil {
		a.t.Fatal(err)
	}
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return a.send(req)
}

func wantVariants(t *testing.T, m map[string]any) {
	t.Helper()
	imgs := m["images"].(map[string]any)
	seen := map[any]bool{}
	for _, k := range []string{"original", "large", "medium", "thumbnail"} {
		if u, _ := imgs[k].(string); !strings.HasPrefix(u, "http") || seen[u] {
			t.Errorf("images.%s = %q", k, u)
		}
		seen[imgs[k]] = true
	}
	if m["image"] != imgs["large"] || m["thumbnail"] != imgs["medium"] {
		t.Errorf("image %v and thumbnail %v should be the large and medium variants", m["image"], m["thumbnail"])
	}
}

func TestImageUploadMakesTheVariants(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	res := a.upload("/api/v1/recipes/52772/image", admin.Token, "image", "image/png", pngImage(t, 300, 240))
	wantStatus(t, res, http.StatusOK)
	wantVariants(t, res.JSON(t))
	wantVariants(t, a.get("/api/recipes/52772", admin.Token, http.StatusOK).JSON(t))
	summary := recipesOf(t, a.get("/api/recipes?q=teriyaki", admin.Token, http.StatusOK))
	if len(summary) != 1 || summary[0]["thumbnail"] != res.JSON(t)["thumbnail"] {
		t.Errorf("search thumbnail = %v", summary)
	}
}

func TestImageUploadRefusesWhatIsNotAPicture(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	text := a.upload("/api/recipes/52772/image", admin.Token, "image", "image/png", []byte("just some text, not a picture"))
	wantStatus(t, text, http.StatusUnsupportedMediaType)
	wantDetail(t, a.upload("/api/recipes/52772/image", admin.Token, "photo", "image/png", pngImage(t, 8, 8)), "image")
	notMultipart := a.do("POST", "/api/recipes/52772/image", admin.Token, map[string]string{"image": "x"})
	wantStatus(t, notMultipart, http.StatusUnsupportedMediaType)
	wantError(t, a.upload("/api/recipes/424242/image", admin.Token, "image", "image/png", pngImage(t, 8, 8)),
		http.StatusNotFound, "recipe not found")
}

func TestImageUploadOver5MiBIsTooLarge(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	big := make([]byte, 5<<20+1)
	if _, err := io.ReadFull(rand.Reader, big); err != nil {
		t.Fatal(err)
	}
	res := a.upload("/api/recipes/52772/image", admin.Token, "image", "image/png", big)
	wantStatus(t, res, http.StatusRequestEntityTooLarge)
	if res.JSON(t)["code"] != "PAYLOAD_TOO_LARGE" {
		t.Errorf("body %s", res.Body)
	}
	huge := a.upload("/api/recipes/52772/image", admin.Token, "image", "image/png", make([]byte, 6<<20))
	wantStatus(t, huge, http.StatusRequestEntityTooLarge)
}

func TestDirectUploadsAreConfirmedByKey(t *testing.T) {
	t.Parallel()
	a := newAPI(t)
	a.seed()
	admin := a.admin("admin@example.com")
	res := a.do("POST", "/api/v1/recipes/52772/upload-url", admin.Token, map[string]string{"contentType": "image/png"})
	wantStatus(t, res, http.StatusOK)
	ticket := res.JSON(t)
	expires, err := time.Parse(time.RFC3339, ticket["expiresAt"].(string))
	if ticket["method"] != "PUT" || ticket["uploadUrl"] == "" || err != nil || expires.Sub(a.app.Clock.Now()) != 15*time.Minute {
		t.Errorf("ticket = %v", ticket)
	}
	wantStatus(t, a.do("POST", "/api/v1/recipes/52772/upload-url", admin.Token, map[string]string{"contentType": "text/plain"}),
		http.StatusUnsupportedMediaType)
	wantError(t, a.do("POST", "/api/v1/recipes/52772/confirm-upload", admin.Token, map[string]string{"key": "uploads/elsewhere"}),
		http.StatusBadRequest, "unknown upload key")
	key := ticket["key"].(string)
	wantError(t, a.do("POST", "/api/v1/recipes/52772/confirm-upload", admin.Token, map[string]string{"key": key}),
		http.StatusBadRequest, "unknown upload key")
	// The browser's PUT to the presigned URL, which the in-memory store has no server for.
	if err := a.app.Images.Put(t.Context(), key, pngImage(t, 64, 64), "image/png"); err != nil {
		t.Fatal(err)
	}
	done := a.do("POST", "/api/v1/recipes/52772/confirm-upload", admin.Token, map[string]string{"key": key})
	wantStatus(t, done, http.StatusOK)
	wantVariants(t, done.JSON(t))
}
