package s3

import (
	"context"

	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
)

// NewWithoutRetries is New with a single attempt per request, so tests of
// failures do not wait for the SDK's backoff.
func NewWithoutRetries(ctx context.Context, cfg Config) (*ImageStore, error) {
	return newStore(ctx, cfg, func(o *awss3.Options) { o.RetryMaxAttempts = 1 })
}
