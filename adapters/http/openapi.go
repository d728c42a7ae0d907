package http

import (
	_ "embed"
	"net/http"
)

// openAPIDocument describes every route this package serves; tests validate
// responses against it, so it cannot drift from the handlers unnoticed.
//
//go:embed openapi.json
var openAPIDocument []byte

// OpenAPIDocument returns the OpenAPI 3 document of the API. The slice is
// shared: callers must not modify it.
func OpenAPIDocument() []byte { return openAPIDocument }

// handleOpenAPI serves the document. It changes only with a new build, so
// clients may cache it briefly.
func handleOpenAPI() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("Cache-Control", "public, max-age=300")
		_, _ = w.Write(openAPIDocument)
	}
}
