package localfs

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"

	"github.com/mealplanner/backend/domain"
)

// MaxUpload is the largest body a presigned upload accepts: the contract's
// 5 MiB image limit.
const MaxUpload = 5 << 20

// Handler serves GET /images/{key...} and the presigned
// PUT /images/upload/{key...}. It expects the full path, so mount it at
// /images/ without stripping the prefix. Its errors use the contract's JSON
// body.
func (s *ImageStore) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /images/{key...}", s.handleGet)
	mux.HandleFunc("PUT /images/upload/{key...}", s.handleUpload)
	mux.HandleFunc("/images/", handleNoMethod)
	return mux
}

func (s *ImageStore) handleGet(w http.ResponseWriter, r *http.Request) {
	f, ct, size, err := s.open(r.PathValue("key"))
	if domain.IsCode(err, domain.CodeNotFound) {
		w.Header().Set("Cache-Control", "no-store") // it may be uploaded in a moment
		writeError(w, http.StatusNotFound, "image not found", domain.CodeNotFound)
		return
	}
	if err != nil {
		slog.ErrorContext(r.Context(), "localfs: serve image", "path", r.URL.Path, "error", err)
		writeError(w, http.StatusInternalServerError, "internal server error", domain.CodeInternal)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		writeError(w, http.StatusInternalServerError, "internal server error", domain.CodeInternal)
		return
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("X-Content-Type-Options", "nosniff")
	// Keys name immutable renditions, so browsers and proxies may keep them.
	h.Set("Cache-Control", "public, max-age=31536000, immutable")
	// Whatever was uploaded, it must not run as a page of our origin.
	h.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	start, _ := f.Seek(0, io.SeekCurrent)
	http.ServeContent(w, r, "", fi.ModTime(), io.NewSectionReader(f, start, size))
}

func (s *ImageStore) handleUpload(w http.ResponseWriter, r *http.Request) {
	key := r.PathValue("key")
	ct, err := s.checkGrant(key, r.URL.Query())
	if err != nil {
		writeError(w, http.StatusForbidden, err.Error(), domain.CodeForbidden)
		return
	}
	// The type is part of the signature, as with S3: a grant for a JPEG
	// cannot be used to store an HTML page.
	if r.Header.Get("Content-Type") != ct {
		writeError(w, http.StatusForbidden, "Content-Type does not match the upload link", domain.CodeForbidden)
		return
	}
	data, err := readUpload(w, r)
	if err != nil {
		writeUploadError(w, err)
		return
	}
	if err := s.Put(r.Context(), key, data, ct); err != nil {
		slog.ErrorContext(r.Context(), "localfs: store upload", "key", key, "error", err)
		writeError(w, http.StatusInternalServerError, "internal server error", domain.CodeInternal)
		return
	}
	w.WriteHeader(http.StatusOK)
}

var errTooLarge = errors.New("too large")

// readUpload reads the body, refusing it as soon as it passes MaxUpload.
func readUpload(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > MaxUpload {
		return nil, errTooLarge
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxUpload))
	var tooLarge *http.MaxBytesError
	if errors.As(err, &tooLarge) {
		return nil, errTooLarge
	}
	return data, err
}

func writeUploadError(w http.ResponseWriter, err error) {
	if errors.Is(err, errTooLarge) {
		writeError(w, http.StatusRequestEntityTooLarge, "image is larger than 5 MiB", domain.CodePayloadTooLarge)
		return
	}
	writeError(w, http.StatusBadRequest, "upload could not be read", domain.CodeValidation)
}

func handleNoMethod(w http.ResponseWriter, _ *http.Request) {
	writeError(w, http.StatusMethodNotAllowed, "method not allowed", "METHOD_NOT_ALLOWED")
}

// writeError writes the contract's error body.
func writeError(w http.ResponseWriter, status int, message string, code domain.Code) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(struct {
		Error string      `json:"error"`
		Code  domain.Code `json:"code"`
	}{message, code})
}
