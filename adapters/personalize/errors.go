package personalize

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/mealplanner/backend/domain"
)

var (
	errRecommendUnavailable = &domain.Error{Code: domain.CodeUnavailable,
		Message: "recommendations are temporarily unavailable"}
	errTrackUnavailable = &domain.Error{Code: domain.CodeUnavailable,
		Message: "event tracking is temporarily unavailable"}
)

// statusError is a refusal of the events API, which answers errors with a
// status, an X-Amzn-Errortype header and a JSON message.
type statusError struct {
	status  int
	errType string
	message string
}

func (e *statusError) Error() string {
	return fmt.Sprintf("status %d %s: %s", e.status, e.errType, e.message)
}

// mapError puts the domain's code in front of a failed call, keeping the
// cause in the chain for the log: no answer, a timeout, throttling or a 5xx
// is the service's passing trouble and becomes unavailable; any other
// refusal (a bad signature, an unknown campaign) is ours to fix and stays
// internal.
func mapError(op string, err error, unavailable *domain.Error) error {
	if transient(err) {
		return fmt.Errorf("personalize: %s: %w: %w", op, unavailable, err)
	}
	return fmt.Errorf("personalize: %s: %w", op, err)
}

func transient(err error) bool {
	if status, ok := httpStatus(err); ok {
		return status >= 500 || status == http.StatusTooManyRequests
	}
	var send *smithyhttp.RequestSendError
	var netErr net.Error
	return errors.As(err, &send) || errors.As(err, &netErr) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, io.ErrUnexpectedEOF)
}

// httpStatus digs the status out of either API's error; a request that got
// no answer has none.
func httpStatus(err error) (int, bool) {
	var status *statusError
	if errors.As(err, &status) {
		return status.status, true
	}
	var resp *awshttp.ResponseError
	if errors.As(err, &resp) && resp.HTTPStatusCode() != 0 {
		return resp.HTTPStatusCode(), true
	}
	return 0, false
}
