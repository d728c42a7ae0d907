package http

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strings"
	"time"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
)

// maxImageUpload bounds the body of an image upload: the 5 MiB picture plus
// room for the multipart framing around it.
const maxImageUpload = app.MaxImageBytes + 64<<10

var (
	errImageTooLarge = &domain.Error{Code: domain.CodePayloadTooLarge, Message: "image must be at most 5 MiB",
		Details: map[string]any{"maxBytes": app.MaxImageBytes}}
	errNotMultipart = &domain.Error{Code: domain.CodeUnsupportedMedia,
		Message: "content type must be multipart/form-data"}
	errImageMissing = domain.Invalid("image is required", map[string]string{"image": "a file in the multipart field image is required"})
	errBadMultipart = domain.Invalid("invalid multipart body", map[string]string{"body": "malformed multipart data"})
)

// isImageUpload picks out the one route whose body may exceed the global
// limit; its handler applies a limit of its own.
func isImageUpload(r *http.Request) bool {
	return r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/image") && strings.Contains(r.URL.Path, "/recipes/")
}

func handleRecipeImageUpload(cat *app.Catalogue) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		data, err := readImagePart(w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		rec, err := cat.UploadImage(r.Context(), principalFrom(r.Context()), id, data)
		if err != nil {
			writeError(w, r, imageError(err))
			return
		}
		respond(w, r, http.StatusOK, toRecipeJSON(rec))
	}
}

// readImagePart streams the multipart body to the field "image" and reads at
// most one byte more than an image may have, so that the use case can tell
// an oversized file from a full one without the rest being buffered.
func readImagePart(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.ContentLength > maxImageUpload {
		return nil, errImageTooLarge
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "multipart/form-data" {
		return nil, errNotMultipart
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxImageUpload)
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, errBadMultipart
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, multipartError(err, errImageMissing)
		}
		if part.FormName() != "image" {
			continue // NextPart skips what is left of this part
		}
		data, err := io.ReadAll(io.LimitReader(part, app.MaxImageBytes+1))
		if err != nil {
			return nil, multipartError(err, errBadMultipart)
		}
		return data, nil
	}
}

func multipartError(err, otherwise error) error {
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return errImageTooLarge
	case errors.Is(err, io.EOF):
		return otherwise
	}
	return errBadMultipart
}

// imageError names the field of a picture that does not decode: every 400
// of the API says in details what was wrong, and the image processor's
// errors carry only a message.
func imageError(err error) error {
	var de *domain.Error
	if errors.As(err, &de) && de.Code == domain.CodeValidation && len(de.Details) == 0 {
		return domain.Invalid(de.Message, map[string]string{"image": de.Message})
	}
	return err
}

type uploadTicketJSON struct {
	UploadURL string            `json:"uploadUrl"`
	Method    string            `json:"method"`
	Key       string            `json:"key"`
	Headers   map[string]string `json:"headers"`
	ExpiresAt time.Time         `json:"expiresAt"`
}

func handleRecipeUploadURL(cat *app.Catalogue) http.HandlerFunc {
	type request struct {
		ContentType string `json:"contentType"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		t, err := cat.CreateUploadURL(r.Context(), principalFrom(r.Context()), id, in.ContentType)
		if err != nil {
			writeError(w, r, err)
			return
		}
		headers := t.Headers
		if headers == nil {
			headers = map[string]string{}
		}
		respond(w, r, http.StatusOK, uploadTicketJSON{UploadURL: t.URL, Method: http.MethodPut, Key: t.Key,
			Headers: headers, ExpiresAt: t.ExpiresAt.UTC()})
	}
}

func handleRecipeConfirmUpload(cat *app.Catalogue) http.HandlerFunc {
	type request struct {
		Key string `json:"key"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		id, err := pathRecipeID(r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		rec, err := cat.ConfirmUpload(r.Context(), principalFrom(r.Context()), id, in.Key)
		if err != nil {
			writeError(w, r, imageError(err))
			return
		}
		respond(w, r, http.StatusOK, toRecipeJSON(rec))
	}
}
