package s3

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"

	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/mealplanner/backend/domain"
)

var (
	errNotFound    = domain.NotFound("image not found")
	errUnavailable = &domain.Error{Code: domain.CodeUnavailable, Message: "image storage is temporarily unavailable"}
)

// mapError turns an SDK error into the domain's vocabulary, keeping the SDK
// error in the chain for the log: a missing key is NOT_FOUND; an unreachable
// server, a timeout or a 5xx is SERVICE_UNAVAILABLE; anything else (a
// refused signature, a missing bucket) is internal, since it is ours to fix.
func mapError(op, key string, err error) error {
	if err == nil {
		return nil
	}
	if code := classify(err); code != nil {
		return fmt.Errorf("s3: %s %s: %w: %w", op, key, code, err)
	}
	return fmt.Errorf("s3: %s %s: %w", op, key, err)
}

func classify(err error) *domain.Error {
	var noSuchKey *types.NoSuchKey
	var apiErr smithy.APIError
	if errors.As(err, &noSuchKey) || (errors.As(err, &apiErr) && apiErr.ErrorCode() == "NoSuchKey") {
		return errNotFound
	}
	// A request that got no answer carries a ResponseError with status 0.
	var resp *awshttp.ResponseError
	if errors.As(err, &resp) && resp.HTTPStatusCode() >= 500 {
		return errUnavailable
	}
	if errors.As(err, &resp) && resp.HTTPStatusCode() != 0 {
		return nil
	}
	var send *smithyhttp.RequestSendError
	var netErr net.Error
	if errors.As(err, &send) || errors.As(err, &netErr) || errors.Is(err, context.DeadlineExceeded) ||
		errors.Is(err, io.ErrUnexpectedEOF) {
		return errUnavailable
	}
	return nil
}
