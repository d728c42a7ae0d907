package http

import "net/http"

// limitBody caps request bodies at n bytes. A declared Content-Length over
// the cap is refused before the handler runs; a body that turns out longer
// while streaming (chunked, or a lying length) fails when read, and decode
// reports it as 413 too. Image uploads are larger than any JSON body, so
// their handler sets its own cap instead.
func limitBody(n int64) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if isImageUpload(r) {
				next.ServeHTTP(w, r)
				return
			}
			if r.ContentLength > n {
				writeError(w, r, bodyTooLarge(n))
				return
			}
			if r.Body != nil && r.Body != http.NoBody {
				r.Body = http.MaxBytesReader(w, r.Body, n)
			}
			next.ServeHTTP(w, r)
		})
	}
}
