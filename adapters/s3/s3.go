// Package s3 keeps images in an S3 bucket (or any S3-compatible server) with
// aws-sdk-go-v2, and hands out presigned PUT URLs so that clients upload
// originals straight to the bucket.
package s3

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/mealplanner/backend/ports"
)

var _ ports.ImageStore = (*ImageStore)(nil)

// Timeouts of the HTTP client. An image is at most a few MiB and the store
// sits near the API, so a request that takes longer than this is stuck.
const (
	dialTimeout           = 5 * time.Second
	responseHeaderTimeout = 15 * time.Second
	requestTimeout        = 60 * time.Second
	maxAttempts           = 3
)

// Config says which bucket to use and how to reach it.
type Config struct {
	Bucket string
	Region string // empty: from the AWS environment (AWS_REGION, shared config)
	// Endpoint is the base URL of an S3-compatible server, like
	// "http://127.0.0.1:7070"; empty means AWS itself.
	Endpoint string
	// AccessKeyID and SecretAccessKey are static credentials; leave both
	// empty to use the SDK's default chain (environment, shared files, IAM role).
	AccessKeyID     string
	SecretAccessKey string
	// UsePathStyle addresses objects as endpoint/bucket/key rather than
	// bucket.endpoint/key; most S3-compatible servers need it.
	UsePathStyle bool
	// PublicBaseURL is where clients fetch objects (a CDN in front of the
	// bucket root); empty means the bucket's own URL.
	PublicBaseURL string
	// KeyPrefix is put before every key in the bucket, like "images/".
	KeyPrefix string
}

// ImageStore is a ports.ImageStore on an S3 bucket. It is safe for
// concurrent use.
type ImageStore struct {
	client  *awss3.Client
	presign *awss3.PresignClient
	bucket  string
	prefix  string
	public  string // URL of the bucket root, without a trailing slash
}

// New checks cfg and builds the store. It does not reach the server: the
// first request does.
func New(ctx context.Context, cfg Config) (*ImageStore, error) {
	return newStore(ctx, cfg)
}

// newStore is New with extra client options, for tests.
func newStore(ctx context.Context, cfg Config, optFns ...func(*awss3.Options)) (*ImageStore, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, loadOptions(cfg)...)
	if err != nil {
		return nil, fmt.Errorf("s3: load AWS config: %w", err)
	}
	if awsCfg.Region == "" {
		return nil, errors.New("s3: no region: set it in the configuration or the AWS environment")
	}
	opts := append([]func(*awss3.Options){func(o *awss3.Options) {
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		o.UsePathStyle = cfg.UsePathStyle
		// Checksums only where S3 demands them (DeleteObjects): the SDK's
		// default adds CRC headers and aws-chunked trailers that some
		// S3-compatible servers refuse, and presigned URLs would then bind a
		// checksum of the empty body.
		o.RequestChecksumCalculation = aws.RequestChecksumCalculationWhenRequired
		o.ResponseChecksumValidation = aws.ResponseChecksumValidationWhenRequired
	}}, optFns...)
	client := awss3.NewFromConfig(awsCfg, opts...)
	public := cfg.PublicBaseURL
	if public == "" {
		public = bucketURL(cfg, awsCfg.Region)
	}
	return &ImageStore{client: client, presign: awss3.NewPresignClient(client), bucket: cfg.Bucket,
		prefix: cfg.KeyPrefix, public: strings.TrimRight(public, "/")}, nil
}

func loadOptions(cfg Config) []func(*config.LoadOptions) error {
	opts := []func(*config.LoadOptions) error{
		config.WithHTTPClient(newHTTPClient()),
		config.WithRetryMaxAttempts(maxAttempts),
	}
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	}
	if cfg.AccessKeyID != "" {
		opts = append(opts, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(cfg.AccessKeyID, cfg.SecretAccessKey, "")))
	}
	return opts
}

func newHTTPClient() *awshttp.BuildableClient {
	return awshttp.NewBuildableClient().
		WithTimeout(requestTimeout).
		WithDialerOptions(func(d *net.Dialer) { d.Timeout = dialTimeout }).
		WithTransportOptions(func(t *http.Transport) {
			t.ResponseHeaderTimeout = responseHeaderTimeout
			t.TLSHandshakeTimeout = dialTimeout
		})
}

func (c Config) validate() error {
	if c.Bucket == "" {
		return errors.New("s3: no bucket given")
	}
	if (c.AccessKeyID == "") != (c.SecretAccessKey == "") {
		return errors.New("s3: give both the access key id and the secret access key, or neither")
	}
	for name, raw := range map[string]string{"endpoint": c.Endpoint, "public base URL": c.PublicBaseURL} {
		if raw == "" {
			continue
		}
		if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("s3: %s %q is not an absolute http(s) URL", name, raw)
		}
	}
	return nil
}

// bucketURL is the address of the bucket root when no CDN is configured.
func bucketURL(cfg Config, region string) string {
	if cfg.Endpoint == "" {
		if cfg.UsePathStyle {
			return "https://s3." + region + ".amazonaws.com/" + cfg.Bucket
		}
		return "https://" + cfg.Bucket + ".s3." + region + ".amazonaws.com"
	}
	u, _ := url.Parse(cfg.Endpoint) // checked by validate
	if cfg.UsePathStyle {
		return strings.TrimRight(cfg.Endpoint, "/") + "/" + cfg.Bucket
	}
	u.Host = cfg.Bucket + "." + u.Host
	return strings.TrimRight(u.String(), "/")
}
