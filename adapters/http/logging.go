package http

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/gorilla/mux"
)

type loggerKey struct{}

type routeKey struct{}

// routeHolder carries the matched route template out of the router: the
// logging middleware wraps the router from outside, where mux has not yet
// matched anything, so recordRoute writes the template here for it to read.
type routeHolder struct{ template string }

const unmatchedRoute = "unmatched"

// loggerFrom returns the request-scoped logger (which carries the request
// id), or slog.Default() outside logRequests, given the id when there is one.
func loggerFrom(ctx context.Context) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	if id := requestIDFrom(ctx); id != "" {
		return slog.Default().With("request_id", id)
	}
	return slog.Default()
}

// recordRoute is installed with router.Use: it runs after mux matched, and
// hands the path template to logRequests for logs and metric labels.
func recordRoute(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h, ok := r.Context().Value(routeKey{}).(*routeHolder); ok {
			if route := mux.CurrentRoute(r); route != nil {
				if tpl, err := route.GetPathTemplate(); err == nil {
					h.template = tpl
				}
			}
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests puts a request-scoped logger into the context and, once the
// handler is done, writes one line per request and records its metrics. It
// must run inside requestID so the id is known. m may be nil.
func logRequests(logger *slog.Logger, m *Metrics) func(http.Handler) http.Handler {
	if logger == nil {
		logger = slog.Default()
	}
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			start := time.Now()
			id := requestIDFrom(r.Context())
			log := logger.With("request_id", id)
			holder := &routeHolder{}
			ctx := context.WithValue(context.WithValue(r.Context(), loggerKey{}, log), routeKey{}, holder)
			sw := trackWrites(w)
			// Deferred so that a request aborted by a panic is still logged.
			defer func() {
				route := holder.template
				if route == "" {
					route = unmatchedRoute
				}
				elapsed := time.Since(start)
				status := sw.statusOrOK()
				m.observeRequest(r.Method, route, status, elapsed)
				level := slog.LevelInfo
				if status >= http.StatusInternalServerError {
					level = slog.LevelError
				}
				log.LogAttrs(ctx, level, "http request",
					slog.String("method", r.Method), slog.String("route", route), slog.Int("status", status),
					slog.Int64("bytes", sw.bytes), slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
					slog.String("remote_ip", remoteHost(r.RemoteAddr)))
			}()
			next.ServeHTTP(sw, r.WithContext(ctx))
		})
	}
}

// remoteHost is the peer's address without the port. Behind a proxy it is
// the proxy's; rate limiting decides separately whether to trust forwarding headers.
func remoteHost(addr string) string {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return addr
	}
	return host
}

// statusWriter remembers the status and the number of body bytes written, for
// logs and metrics and so that panic recovery knows whether it may still answer.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

// trackWrites wraps w once: middlewares further in reuse the same wrapper.
func trackWrites(w http.ResponseWriter) *statusWriter {
	if sw, ok := w.(*statusWriter); ok {
		return sw
	}
	return &statusWriter{ResponseWriter: w}
}

func (w *statusWriter) WriteHeader(code int) {
	// 1xx informational headers (except 101) precede the real response.
	if w.status == 0 && (code >= 200 || code == http.StatusSwitchingProtocols) {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// Flush keeps streaming working for handlers that type-assert http.Flusher.
func (w *statusWriter) Flush() {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	_ = http.NewResponseController(w.ResponseWriter).Flush()
}

// Unwrap lets http.ResponseController reach the underlying writer's other
// abilities (deadlines, hijacking, full-duplex).
func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusWriter) written() bool { return w.status != 0 }

// statusOrOK is what the client saw: net/http sends 200 for a handler that wrote nothing.
func (w *statusWriter) statusOrOK() int {
	if w.status == 0 {
		return http.StatusOK
	}
	return w.status
}
