package http

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// openAPI is the document and its router, loaded once per test binary.
var openAPI = sync.OnceValues(func() (*openAPISpec, error) {
	doc, err := openapi3.NewLoader().LoadFromData(OpenAPIDocument())
	if err != nil {
		return nil, fmt.Errorf("loading openapi.json: %w", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("openapi.json is not a valid OpenAPI document: %w", err)
	}
	// The router takes each path's servers into account: /api/v1 and /api
	// for the API, the root for /health, /ready and /metrics.
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("routing openapi.json: %w", err)
	}
	return &openAPISpec{doc: doc, router: router}, nil
})

type openAPISpec struct {
	doc    *openapi3.T
	router routers.Router
}

// checkResponse fails the test when a response does not match the OpenAPI
// document: an undocumented status, a body or header off its schema, a body
// where none is documented. Component tests call it for every response.
func checkResponse(t *testing.T, req *http.Request, res *http.Response, body []byte) {
	t.Helper()
	if err := validateResponse(req, res.StatusCode, res.Header, body); err != nil {
		t.Errorf("%s %s → %d does not match the OpenAPI document:\n%v\nbody: %s", req.Method, req.URL.Path, res.StatusCode, err, body)
	}
}

// validateResponse is checkResponse's verdict as an error, so the checker itself can be tested.
func validateResponse(req *http.Request, status int, header http.Header, body []byte) error {
	spec, err := openAPI()
	if err != nil {
		return err
	}
	if req.Method == http.MethodOptions {
		return nil // CORS preflights are answered by middleware for every path, not per route.
	}
	route, params, err := spec.router.FindRoute(req)
	if err != nil {
		return checkUnrouted(spec, err, status, body)
	}
	input := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
		Status:                 status,
		Header:                 header,
		Body:                   io.NopCloser(bytes.NewReader(body)),
		Options: &openapi3filter.Options{IncludeResponseStatus: true, MultiError: true,
			// A failure names the path and the rule; the whole schema and value would bury it.
			SchemaValidationOptions: []openapi3.SchemaValidationOption{openapi3.DisableSchemaErrorDetails()}},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), input); err != nil {
		return err
	}
	if r := route.Operation.Responses.Status(status); r != nil && len(r.Value.Content) == 0 && len(body) > 0 {
		return fmt.Errorf("status %d is documented without a body, but the response has %d bytes", status, len(body))
	}
	return nil
}

// checkUnrouted accepts a request the document does not route only when the
// server refused it the same way: 404 with the contract's error body for an
// unknown path, 405 with an error body for a known path and a wrong method.
func checkUnrouted(spec *openAPISpec, routeErr error, status int, body []byte) error {
	var value any
	if err := json.Unmarshal(body, &value); err != nil {
		return fmt.Errorf("undocumented route (%v) answered %d without a JSON body", routeErr, status)
	}
	switch {
	case errors.Is(routeErr, routers.ErrPathNotFound) && status == http.StatusNotFound:
		return spec.doc.Components.Schemas["Error"].Value.VisitJSON(value, openapi3.DisableSchemaErrorDetails())
	case errors.Is(routeErr, routers.ErrMethodNotAllowed) && status == http.StatusMethodNotAllowed:
		if m, ok := value.(map[string]any); ok {
			if _, ok := m["error"].(string); ok {
				return nil
			}
		}
		return fmt.Errorf("405 without a string error: %s", body)
	default:
		return fmt.Errorf("the document has no such operation (%v), yet the server answered %d", routeErr, status)
	}
}
