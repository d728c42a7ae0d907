package http

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mealplanner/backend/domain"
)

// decodeTarget is representative of the request types handlers decode.
type decodeTarget struct {
	Name   string `json:"name"`
	Count  int    `json:"count"`
	Active bool   `json:"active"`
	Nested struct {
		Inner string `json:"inner"`
		N     int    `json:"n"`
	} `json:"nested"`
	Tags  []string `json:"tags"`
	Limit *int     `json:"limit"`
}

func decodeString(body, contentType string) (decodeTarget, error) {
	req := httptest.NewRequest("POST", "/", strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	return decode[decodeTarget](httptest.NewRecorder(), req)
}

func TestDecodeAcceptsJSONBodies(t *testing.T) {
	cases := []struct{ body, contentType string }{
		{`{"name":"a","count":2,"active":true,"nested":{"inner":"x","n":1},"tags":["a"],"limit":5,"unknown":[1,2]}`, "application/json"},
		{`{"name":"a"}`, "application/json; charset=utf-8"},
		{`{"name":"a"}`, "application/merge-patch+json"},
		{`{"name":"a"}`, "Application/JSON"},
		{`{"name":"a"}` + "\n\t ", ""},
	}
	for _, c := range cases {
		v, err := decodeString(c.body, c.contentType)
		if err != nil || v.Name != "a" {
			t.Errorf("%q as %q: %+v, %v", c.body, c.contentType, v, err)
		}
	}
	v, err := decodeString(`{"limit":null,"tags":null}`, "application/json")
	if err != nil || v.Limit != nil || v.Tags != nil {
		t.Errorf("nulls: %+v, %v", v, err)
	}
}

func TestDecodeTreatsEmptyBodyAsEmptyObject(t *testing.T) {
	for _, body := range []string{"", "  \n"} {
		for _, ct := range []string{"", "application/json", "application/x-www-form-urlencoded"} {
			if v, err := decodeString(body, ct); err != nil || v.Name != "" {
				t.Errorf("%q as %q: %+v, %v", body, ct, v, err)
			}
		}
	}
	req := httptest.NewRequest("POST", "/", nil)
	req.Body = nil
	if _, err := decode[decodeTarget](httptest.NewRecorder(), req); err != nil {
		t.Errorf("nil body: %v", err)
	}
}

// wantDecodeError checks code, message and details of a decode failure.
func wantDecodeError(t *testing.T, err error, code domain.Code, msg string, details map[string]any) {
	t.Helper()
	var e *domain.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v is not a *domain.Error", err)
	}
	if e.Code != code || e.Message != msg {
		t.Errorf("got %s %q, want %s %q", e.Code, e.Message, code, msg)
	}
	for k, v := range details {
		if got := e.Details[k]; v != "*" && got != v || v == "*" && got == nil {
			t.Errorf("details[%s] = %v, want %v (all: %v)", k, got, v, e.Details)
		}
	}
}

func TestDecodeRejectsOtherContentTypes(t *testing.T) {
	for _, ct := range []string{"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonx", "}{"} {
		_, err := decodeString(`{"name":"a"}`, ct)
		wantDecodeError(t, err, domain.CodeUnsupportedMedia, "content type must be application/json", nil)
	}
}

func TestDecodeReportsMalformedJSON(t *testing.T) {
	for _, body := range []string{`{"name":`, `{"name" "x"}`, `{"name":"a"}}`, `{"name":"a"} {"name":"b"}`, `{"name":"a"} x`, `nul`, `{"name":"SECRET-VALUE`} {
		_, err := decodeString(body, "application/json")
		wantDecodeError(t, err, domain.CodeValidation, "invalid JSON body", map[string]any{"body": "*"})
		if strings.Contains(err.Error(), "SECRET") || strings.Contains(fmtDetails(err), "SECRET") {
			t.Errorf("%q: the error echoes the input: %v", body, err)
		}
	}
}

func fmtDetails(err error) string {
	var e *domain.Error
	errors.As(err, &e)
	b, _ := json.Marshal(e.Details)
	return string(b)
}

func TestDecodeNamesFieldsOfTheWrongType(t *testing.T) {
	cases := []struct{ body, field, want string }{
		{`{"count":"SECRET"}`, "count", "must be an integer"},
		{`{"count":1.5}`, "count", "must be an integer"},
		{`{"name":3}`, "name", "must be a string"},
		{`{"active":"yes"}`, "active", "must be a boolean"},
		{`{"tags":"a"}`, "tags", "must be an array"},
		{`{"nested":[]}`, "nested", "must be an object"},
		{`{"nested":{"n":"x"}}`, "nested.n", "must be an integer"},
		{`{"limit":"x"}`, "limit", "must be an integer"},
	}
	for _, c := range cases {
		_, err := decodeString(c.body, "application/json")
		wantDecodeError(t, err, domain.CodeValidation, c.field+" "+c.want, map[string]any{c.field: c.want})
		if strings.Contains(fmtDetails(err), "SECRET") {
			t.Errorf("%q: the error echoes the input", c.body)
		}
	}
	_, err := decodeString(`["a"]`, "application/json")
	wantDecodeError(t, err, domain.CodeValidation, "invalid JSON body", map[string]any{"body": "must be an object"})
}

func TestDecodeRefusesBodiesOverTheLimit(t *testing.T) {
	big := `{"name":"` + strings.Repeat("a", maxJSONBody) + `"}`
	_, err := decodeString(big, "application/json")
	wantDecodeError(t, err, domain.CodePayloadTooLarge, "request body too large", map[string]any{"maxBytes": int64(maxJSONBody)})

	// Behind limitBody the tighter limit applies and is reported.
	var got error
	h := limitBody(10)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, got = decode[decodeTarget](w, r)
	}))
	req := httptest.NewRequest("POST", "/", strings.NewReader(`{"name":"abcdefghijk"}`))
	req.ContentLength = -1 // streamed: only reading finds out
	h.ServeHTTP(httptest.NewRecorder(), req)
	wantDecodeError(t, got, domain.CodePayloadTooLarge, "request body too large", map[string]any{"maxBytes": int64(10)})
}

func TestRespondWritesJSON(t *testing.T) {
	rec := httptest.NewRecorder()
	respond(rec, httptest.NewRequest("GET", "/", nil), http.StatusCreated, map[string][]string{"items": {}})
	if rec.Code != 201 || rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Errorf("status %d, content type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	if rec.Body.String() != `{"items":[]}`+"\n" || rec.Header().Get("Content-Length") != "13" {
		t.Errorf("body %q, length %s", rec.Body, rec.Header().Get("Content-Length"))
	}
}

func TestRespondAnswers500ForUnencodableValues(t *testing.T) {
	logger, logs := newTestLogger()
	rec := httptest.NewRecorder()
	h := logRequests(logger, nil)(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		respond(w, r, http.StatusOK, map[string]any{"f": func() {}})
	}))
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if rec.Code != 500 || !strings.Contains(rec.Body.String(), `"code":"INTERNAL_ERROR"`) {
		t.Errorf("status %d body %s", rec.Code, rec.Body)
	}
	findLog(t, logs.String(), "internal error")
}

func TestRespondNoContentAndTotalCount(t *testing.T) {
	rec := httptest.NewRecorder()
	setTotalCount(rec, 42)
	respondNoContent(rec)
	if rec.Code != 204 || rec.Body.Len() != 0 || rec.Header().Get("X-Total-Count") != "42" {
		t.Errorf("status %d body %q total %q", rec.Code, rec.Body, rec.Header().Get("X-Total-Count"))
	}
}

func FuzzDecode(f *testing.F) {
	seeds := []struct{ body, ct string }{
		{`{"name":"a","count":1,"active":true,"nested":{"inner":"b","n":2},"tags":["x"],"limit":3}`, "application/json"},
		{``, ""}, {`{`, "application/json"}, {`[]`, "application/json"}, {`{"count":"x"}`, "application/json"},
		{`{"a":1} 2`, "application/problem+json"}, {`{"name":"a"}`, "text/plain"}, {`{"limit":1e999}`, ""},
		{`{"nested":{"n":{"deep":[[[[]]]]}}}`, "application/json; charset=utf-8"}, {"\xff\xfe", ";;;"},
	}
	for _, s := range seeds {
		f.Add(s.body, s.ct)
	}
	f.Fuzz(func(t *testing.T, body, contentType string) {
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		_, err := decode[decodeTarget](httptest.NewRecorder(), req)
		if err == nil {
			return
		}
		var e *domain.Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v (%T) is not a *domain.Error", err, err)
		}
		if status := statusByCode[e.Code]; status < 400 || status > 499 {
			t.Fatalf("error %v maps to %d, want a 4xx", err, status)
		}
		if e.Message == "" {
			t.Fatalf("error without a message: %v", err)
		}
	})
}
