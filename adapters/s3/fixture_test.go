package s3_test

import (
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/mealplanner/backend/adapters/s3"
)

const (
	bucket    = "images"
	region    = "eu-west-1"
	accessKey = "AKIAIOSFODNN7EXAMPLE"
	secretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
)

// fixture is an in-memory S3 server (gofakes3) behind the signature-checking
// proxy, both on real loopback listeners.
type fixture struct {
	proxy *sigv4Proxy
	url   string // of the proxy
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	backend := s3mem.New()
	if err := backend.CreateBucket(bucket); err != nil {
		t.Fatalf("CreateBucket: %v", err)
	}
	fake := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(fake.Close)
	target, err := url.Parse(fake.URL)
	if err != nil {
		t.Fatal(err)
	}
	p := &sigv4Proxy{
		creds:  aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey},
		region: region,
		next:   httputil.NewSingleHostReverseProxy(target),
	}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	return &fixture{proxy: p, url: srv.URL}
}

// config reaches the fixture with the right credentials.
func (f *fixture) config() s3.Config {
	return s3.Config{Bucket: bucket, Region: region, Endpoint: f.url, AccessKeyID: accessKey,
		SecretAccessKey: secretKey, UsePathStyle: true}
}

func mustStore(t *testing.T, cfg s3.Config) *s3.ImageStore {
	t.Helper()
	s, err := s3.New(t.Context(), cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

func mustStoreWithoutRetries(t *testing.T, cfg s3.Config) *s3.ImageStore {
	t.Helper()
	s, err := s3.NewWithoutRetries(t.Context(), cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s
}

// assertNoneRefused fails the test if the proxy refused a request.
func (f *fixture) assertNoneRefused(t *testing.T) {
	t.Helper()
	if _, refused := f.proxy.counts(); len(refused) > 0 {
		t.Errorf("the proxy refused %d requests: %v", len(refused), refused)
	}
}
