package http

import (
	"context"
	"errors"
	"math"
	"net/http"
	"strconv"

	"github.com/mealplanner/backend/domain"
)

// statusByCode is the one place where domain error codes become HTTP statuses.
var statusByCode = map[domain.Code]int{
	domain.CodeValidation:       http.StatusBadRequest,
	domain.CodeUnauthorized:     http.StatusUnauthorized,
	domain.CodeForbidden:        http.StatusForbidden,
	domain.CodeAccountLocked:    http.StatusForbidden,
	domain.CodeNotFound:         http.StatusNotFound,
	domain.CodeConflict:         http.StatusConflict,
	domain.CodePayloadTooLarge:  http.StatusRequestEntityTooLarge,
	domain.CodeUnsupportedMedia: http.StatusUnsupportedMediaType,
	domain.CodeRateLimited:      http.StatusTooManyRequests,
	domain.CodeUnavailable:      http.StatusServiceUnavailable,
	domain.CodeInternal:         http.StatusInternalServerError,
}

// genericMessages stand in when a *domain.Error carries no message, so the
// client always gets a string it can show.
var genericMessages = map[domain.Code]string{
	domain.CodeValidation:       "invalid request",
	domain.CodeUnauthorized:     "authentication required",
	domain.CodeForbidden:        "forbidden",
	domain.CodeAccountLocked:    "account is locked",
	domain.CodeNotFound:         "not found",
	domain.CodeConflict:         "conflict",
	domain.CodePayloadTooLarge:  "request body too large",
	domain.CodeUnsupportedMedia: "unsupported media type",
	domain.CodeRateLimited:      "too many requests, please try again later",
	domain.CodeUnavailable:      "service temporarily unavailable, please try again shortly",
	domain.CodeInternal:         "internal server error",
}

// unavailableRetryAfter is the hint sent with a 503 when the handler gave none:
// long enough for a pool to reconnect, short enough for a user to wait.
const unavailableRetryAfter = "5"

// errorBody is the contract's error shape.
type errorBody struct {
	Error   string         `json:"error"`
	Code    domain.Code    `json:"code"`
	Details map[string]any `json:"details,omitempty"`
}

func internalErrorBody() errorBody {
	return errorBody{Error: genericMessages[domain.CodeInternal], Code: domain.CodeInternal}
}

// writeError answers with the contract's error body for err. Errors that are
// not *domain.Error (or carry an unknown or internal code) are internal: their
// text goes to the log with the request id, never to the client.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	body, status := errorResponse(err)
	if status == http.StatusInternalServerError {
		logInternal(r, err)
	}
	setRetryAfter(w.Header(), status, body.Details)
	respond(w, r, status, body)
}

func errorResponse(err error) (errorBody, int) {
	var e *domain.Error
	if !errors.As(err, &e) {
		return internalErrorBody(), http.StatusInternalServerError
	}
	status, known := statusByCode[e.Code]
	if !known || e.Code == domain.CodeInternal {
		return internalErrorBody(), http.StatusInternalServerError
	}
	msg := e.Message
	if msg == "" {
		msg = genericMessages[e.Code]
	}
	return errorBody{Error: msg, Code: e.Code, Details: e.Details}, status
}

func logInternal(r *http.Request, err error) {
	log := loggerFrom(r.Context())
	// A client that hung up is not a server fault; keep it out of the error alerts.
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		log.Warn("request cancelled by client", "error", err)
		return
	}
	log.Error("internal error", "error", err)
}

func setRetryAfter(h http.Header, status int, details map[string]any) {
	if h.Get("Retry-After") != "" {
		return
	}
	switch status {
	case http.StatusServiceUnavailable:
		h.Set("Retry-After", unavailableRetryAfter)
	case http.StatusTooManyRequests:
		if s, ok := retryAfterSeconds(details["retryAfter"]); ok {
			h.Set("Retry-After", strconv.Itoa(s))
		}
	}
}

// retryAfterSeconds reads a details.retryAfter of any numeric type, rounded
// up to whole seconds and at least 1, because Retry-After takes an integer.
func retryAfterSeconds(v any) (int, bool) {
	var f float64
	switch n := v.(type) {
	case int:
		f = float64(n)
	case int64:
		f = float64(n)
	case float64:
		f = n
	case string:
		parsed, err := strconv.ParseFloat(n, 64)
		if err != nil {
			return 0, false
		}
		f = parsed
	default:
		return 0, false
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return max(1, int(math.Min(math.Ceil(f), math.MaxInt32))), true
}
