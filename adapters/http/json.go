package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strconv"
	"strings"

	"github.com/mealplanner/backend/domain"
)

// maxJSONBody is the contract's request body limit. decode applies it itself
// as well, so a handler mounted without limitBody is still bounded.
const maxJSONBody = 1 << 20

const msgInvalidJSON = "invalid JSON body"

var errUnsupportedMedia = &domain.Error{Code: domain.CodeUnsupportedMedia, Message: "content type must be application/json"}

// decode reads a JSON request body into a T. An empty body counts as {} so
// that handlers of all-optional fields need no special case; unknown fields
// are ignored, as the contract says. Every failure is a 4xx *domain.Error.
func decode[T any](w http.ResponseWriter, r *http.Request) (T, error) {
	var v T
	body, err := readBody(w, r)
	if err != nil {
		return v, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	} else if !isJSONContentType(r.Header.Get("Content-Type")) {
		// Only a body can have the wrong media type: some clients label an
		// empty POST as a form, and that must not fail.
		return v, errUnsupportedMedia
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&v); err != nil {
		return v, jsonError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return v, invalidJSON("unexpected data after the JSON value")
	}
	return v, nil
}

func readBody(w http.ResponseWriter, r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxJSONBody))
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		return nil, bodyTooLarge(tooLarge.Limit)
	case err != nil:
		return nil, invalidJSON("could not be read")
	}
	return body, nil
}

func bodyTooLarge(limit int64) error {
	return &domain.Error{Code: domain.CodePayloadTooLarge, Message: "request body too large",
		Details: map[string]any{"maxBytes": limit}}
}

// isJSONContentType accepts application/json and application/*+json, with
// parameters; an absent Content-Type is taken to mean JSON.
func isJSONContentType(ct string) bool {
	if strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || (strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json"))
}

func invalidJSON(reason string) error {
	return domain.Invalid(msgInvalidJSON, map[string]string{"body": reason})
}

// jsonError turns a decoder error into a validation error that names the
// problem without echoing the client's input back.
func jsonError(err error) error {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var de *domain.Error
	switch {
	case errors.As(err, &typ):
		return typeError(typ)
	case errors.As(err, &syntax):
		return invalidJSON("malformed JSON at byte " + strconv.FormatInt(syntax.Offset, 10))
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return invalidJSON("unexpected end of JSON")
	case errors.As(err, &de) && domain.ErrorCode(de) != domain.CodeInternal:
		return de
	default:
		return invalidJSON("malformed JSON")
	}
}

func typeError(e *json.UnmarshalTypeError) error {
	want := "must be " + jsonTypeName(e.Type)
	if e.Field == "" {
		return invalidJSON(want)
	}
	return domain.Invalid(e.Field+" "+want, map[string]string{e.Field: want})
}

// jsonTypeNames name Go kinds the way a JSON client thinks of them.
var jsonTypeNames = map[reflect.Kind]string{
	reflect.String: "a string", reflect.Bool: "a boolean",
	reflect.Int: "an integer", reflect.Int8: "an integer", reflect.Int16: "an integer", reflect.Int32: "an integer",
	reflect.Int64: "an integer", reflect.Uint: "an integer", reflect.Uint8: "an integer", reflect.Uint16: "an integer",
	reflect.Uint32: "an integer", reflect.Uint64: "an integer",
	reflect.Float32: "a number", reflect.Float64: "a number",
	reflect.Slice: "an array", reflect.Array: "an array",
	reflect.Struct: "an object", reflect.Map: "an object",
}

func jsonTypeName(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || jsonTypeNames[t.Kind()] == "" {
		return "a valid value"
	}
	return jsonTypeNames[t.Kind()]
}

// respond writes v as JSON. It encodes before writing anything, so a value
// that cannot be encoded still gets a proper 500 instead of half a body.
func respond(w http.ResponseWriter, r *http.Request, status int, v any) {
	buf, err := json.Marshal(v)
	if err != nil {
		if _, isBody := v.(errorBody); isBody {
			// An undecodable error body (say, NaN in details): fall back to the plain one.
			buf, _ = json.Marshal(internalErrorBody())
			status = http.StatusInternalServerError
		} else {
			writeError(w, r, err)
			return
		}
	}
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(buf)+1))
	w.WriteHeader(status)
	if _, err := w.Write(append(buf, '\n')); err != nil {
		loggerFrom(r.Context()).Warn("writing response failed", "error", err)
	}
}

// respondNoContent answers 204 without a body.
func respondNoContent(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
}

// setTotalCount sets X-Total-Count, which collection responses carry next to their total.
func setTotalCount(w http.ResponseWriter, total int) {
	w.Header().Set("X-Total-Count", strconv.Itoa(total))
}
