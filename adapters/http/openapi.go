package http

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
)

// The OpenAPI document is kept as a base (openapi.json: info, security,
// shared components and the account and recipe routes) and one fragment per
// area (openapi_<area>.json holding "paths" and "components"), merged once at
// start. Tests validate responses against the merged document, so it cannot
// drift from the handlers unnoticed.
//
//go:embed openapi.json openapi_*.json
var openAPIFiles embed.FS

var openAPIDocument = mustMergeOpenAPI(openAPIFiles)

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

// mustMergeOpenAPI merges the fragments into the base document. The files are
// part of the binary, so a broken one is a programming error found by every
// test run, not a runtime condition.
func mustMergeOpenAPI(files fs.FS) []byte {
	doc, err := mergeOpenAPI(files)
	if err != nil {
		panic(err)
	}
	return doc
}

func mergeOpenAPI(files fs.FS) ([]byte, error) {
	var base map[string]any
	if err := readJSON(files, "openapi.json", &base); err != nil {
		return nil, err
	}
	names, err := fs.Glob(files, "openapi_*.json")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		var frag map[string]any
		if err := readJSON(files, name, &frag); err != nil {
			return nil, err
		}
		if err := mergeSection(base, frag, name, "paths"); err != nil {
			return nil, err
		}
		comps, _ := frag["components"].(map[string]any)
		for kind := range comps {
			if err := mergeSection(base["components"].(map[string]any), comps, name, kind); err != nil {
				return nil, err
			}
		}
	}
	return json.MarshalIndent(base, "", "  ")
}

// mergeSection copies frag[key]'s entries into base[key]; a name defined
// twice is an error rather than a silent override.
func mergeSection(base, frag map[string]any, file, key string) error {
	src, _ := frag[key].(map[string]any)
	if len(src) == 0 {
		return nil
	}
	dst, _ := base[key].(map[string]any)
	if dst == nil {
		dst = map[string]any{}
		base[key] = dst
	}
	for name, v := range src {
		if _, dup := dst[name]; dup {
			return fmt.Errorf("%s: %s %q is already defined", file, key, name)
		}
		dst[name] = v
	}
	return nil
}

func readJSON(files fs.FS, name string, v any) error {
	b, err := fs.ReadFile(files, name)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}
