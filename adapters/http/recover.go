package http

import (
	"errors"
	"fmt"
	"net/http"
	"runtime/debug"
)

// recoverPanics turns a panicking handler into the contract's 500 body and
// an error log line with the stack. http.ErrAbortHandler is passed on: it is
// how a handler asks net/http to drop the connection.
func recoverPanics(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sw := trackWrites(w)
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			loggerFrom(r.Context()).Error("panic serving request",
				"panic", fmt.Sprint(v), "stack", string(debug.Stack()))
			if sw.written() {
				// Part of a response is out; abort the connection so the
				// client sees a failure rather than a truncated success.
				panic(http.ErrAbortHandler)
			}
			respond(sw, r, http.StatusInternalServerError, internalErrorBody())
		}()
		next.ServeHTTP(sw, r)
	})
}
