// Package personalize asks Amazon Personalize for recipe recommendations and
// feeds it the users' interactions. Recommendations go through the SDK's
// personalizeruntime client; events are PutEvents calls built and
// SigV4-signed here, since the SDK's personalizeevents module is not
// available to this build. A Breaker keeps a failing service from slowing
// every request, and a Tracker sends events in the background.
package personalize

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
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/personalizeruntime"

	"github.com/mealplanner/backend/ports"
)

var (
	_ ports.Recommender  = (*Client)(nil)
	_ ports.EventTracker = (*Client)(nil)
)

// DefaultTimeout bounds one recommendation call: past it the local
// recommender answers instead, which keeps suggestions well under their 2 s
// budget.
const DefaultTimeout = 300 * time.Millisecond

// Limits of the HTTP client shared by both calls. Event batches are small, so
// a call slower than this is stuck.
const (
	dialTimeout    = 2 * time.Second
	requestTimeout = 10 * time.Second
)

// signingService is the SigV4 service name of both APIs: the events API
// signs as "personalize" too, not by its host name.
const signingService = "personalize"

// Config says which campaign and event tracker to use and how to reach them.
type Config struct {
	Region string // empty: from the AWS environment (AWS_REGION, shared config)
	// CampaignARN is the campaign serving recommendations; empty disables
	// Recommend.
	CampaignARN string
	// TrackingID is the event tracker's id; empty disables Track.
	TrackingID string
	// Endpoint is the base URL of the recommendation API, like
	// "http://127.0.0.1:9000" for a fake; empty means AWS itself.
	Endpoint string
	// EventsEndpoint is the base URL of the events API; empty means
	// https://personalize-events.<region>.amazonaws.com.
	EventsEndpoint string
	// AccessKeyID and SecretAccessKey are static credentials; leave both
	// empty to use the SDK's default chain (environment, shared files, IAM role).
	AccessKeyID     string
	SecretAccessKey string
	// Timeout bounds one Recommend call; zero means DefaultTimeout.
	Timeout time.Duration
	// HTTPClient carries both APIs' requests; nil means the SDK's, with
	// sane timeouts.
	HTTPClient *http.Client
}

// Client talks to one Personalize campaign and event tracker. It is safe for
// concurrent use.
type Client struct {
	runtime    *personalizeruntime.Client
	campaign   string
	trackingID string
	eventsURL  string
	region     string
	creds      aws.CredentialsProvider
	signer     *v4.Signer
	http       aws.HTTPClient
	timeout    time.Duration
}

// New checks cfg and builds the client. It does not reach the service: the
// first call does.
func New(cfg Config) (*Client, error) {
	if err := cfg.validate(); err != nil {
		return nil, err
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = DefaultTimeout
	}
	// Loading reads the environment and shared files only; credentials that
	// need the network (IAM role) are fetched on first use.
	awsCfg, err := config.LoadDefaultConfig(context.Background(), loadOptions(cfg)...)
	if err != nil {
		return nil, fmt.Errorf("personalize: load AWS config: %w", err)
	}
	if awsCfg.Region == "" {
		return nil, errors.New("personalize: no region: set it in the configuration or the AWS environment")
	}
	// The SDK's own client has the environment's CA bundle (AWS_CA_BUNDLE)
	// added; a client from the caller is taken as it is.
	httpClient := awsCfg.HTTPClient
	if cfg.HTTPClient != nil {
		httpClient = cfg.HTTPClient
	}
	runtime := personalizeruntime.NewFromConfig(awsCfg, func(o *personalizeruntime.Options) {
		o.HTTPClient = httpClient
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		// A retry would not fit in the timeout; the fallback answers instead.
		o.Retryer = aws.NopRetryer{}
	})
	events := cfg.EventsEndpoint
	if events == "" {
		events = "https://personalize-events." + awsCfg.Region + ".amazonaws.com"
	}
	return &Client{runtime: runtime, campaign: cfg.CampaignARN, trackingID: cfg.TrackingID,
		eventsURL: strings.TrimRight(events, "/") + "/events", region: awsCfg.Region,
		creds: awsCfg.Credentials, signer: v4.NewSigner(), http: httpClient, timeout: cfg.Timeout}, nil
}

func loadOptions(cfg Config) []func(*config.LoadOptions) error {
	opts := []func(*config.LoadOptions) error{config.WithHTTPClient(newHTTPClient())}
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
			t.ResponseHeaderTimeout = requestTimeout
			t.TLSHandshakeTimeout = dialTimeout
		})
}

func (c Config) validate() error {
	if c.CampaignARN == "" && c.TrackingID == "" {
		return errors.New("personalize: give a campaign ARN, an event tracking id or both")
	}
	if (c.AccessKeyID == "") != (c.SecretAccessKey == "") {
		return errors.New("personalize: give both the access key id and the secret access key, or neither")
	}
	if c.Timeout < 0 {
		return errors.New("personalize: the timeout must not be negative")
	}
	if err := checkURL("endpoint", c.Endpoint); err != nil {
		return err
	}
	return checkURL("events endpoint", c.EventsEndpoint)
}

// checkURL accepts "" (the default) or an absolute http(s) URL.
func checkURL(name, raw string) error {
	if raw == "" {
		return nil
	}
	if u, err := url.Parse(raw); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("personalize: %s %q is not an absolute http(s) URL", name, raw)
	}
	return nil
}
