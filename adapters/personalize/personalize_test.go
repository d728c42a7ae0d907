package personalize_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/ports"
)

func TestNewChecksConfig(t *testing.T) {
	t.Parallel()
	good := personalize.Config{Region: region, CampaignARN: campaignARN, AccessKeyID: accessKey, SecretAccessKey: secretKey}
	with := func(change func(*personalize.Config)) personalize.Config { c := good; change(&c); return c }
	tests := []struct {
		name    string
		cfg     personalize.Config
		wantErr string
	}{
		{"campaign only", good, ""},
		{"tracker only", with(func(c *personalize.Config) { c.CampaignARN, c.TrackingID = "", trackingID }), ""},
		{"neither campaign nor tracker", with(func(c *personalize.Config) { c.CampaignARN = "" }), "campaign ARN"},
		{"half the credentials", with(func(c *personalize.Config) { c.SecretAccessKey = "" }), "secret access key"},
		{"relative endpoint", with(func(c *personalize.Config) { c.Endpoint = "localhost:9000" }), "endpoint"},
		{"ftp events endpoint", with(func(c *personalize.Config) { c.EventsEndpoint = "ftp://host" }), "events endpoint"},
		{"negative timeout", with(func(c *personalize.Config) { c.Timeout = -time.Second }), "timeout"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := personalize.New(tc.cfg)
			if tc.wantErr == "" && err != nil || tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)) {
				t.Errorf("New = %v, want an error about %q", err, tc.wantErr)
			}
		})
	}
}

// TestFakeChecksWhatWasSigned tests the fake's verifier itself: a request
// signed by hand passes, and each change after signing is refused.
func TestFakeChecksWhatWasSigned(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		change func(*http.Request)
		secret string
		region string
		want   int
	}{
		{"untouched", func(*http.Request) {}, secretKey, region, http.StatusOK},
		{"wrong secret", func(*http.Request) {}, "not-the-secret", region, http.StatusForbidden},
		{"wrong region", func(*http.Request) {}, secretKey, "us-east-1", http.StatusForbidden},
		{"body", func(r *http.Request) { r.Body, r.ContentLength = http.NoBody, 0 }, secretKey, region, http.StatusForbidden},
		{"signed header", func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, secretKey, region, http.StatusForbidden},
		{"path", func(r *http.Request) { r.URL.Path = "/events" }, secretKey, region, http.StatusForbidden},
		{"unsigned", func(r *http.Request) { r.Header.Del("Authorization") }, secretKey, region, http.StatusForbidden},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := newFake(t)
			req := signedRequest(t, f.srv.URL, tc.secret, tc.region)
			tc.change(req)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("status %d, want %d (refused: %v)", resp.StatusCode, tc.want, f.refusals())
			}
		})
	}
}

func signedRequest(t *testing.T, base, secret, signingRegion string) *http.Request {
	t.Helper()
	body := `{"campaignArn":"` + campaignARN + `","userId":"u-1","numResults":5}`
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/recommendations", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	sum := sha256.Sum256([]byte(body))
	creds := aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secret}
	if err := v4.NewSigner().SignHTTP(t.Context(), creds, req, hex.EncodeToString(sum[:]), "personalize", signingRegion, time.Now()); err != nil {
		t.Fatal(err)
	}
	return req
}

// countingTransport counts the requests it carries.
type countingTransport struct {
	mu sync.Mutex
	n  int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.n++
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func TestBothCallsUseTheGivenHTTPClient(t *testing.T) {
	t.Parallel()
	f := newFake(t)
	transport := &countingTransport{}
	c := mustClient(t, f, func(c *personalize.Config) { c.HTTPClient = &http.Client{Transport: transport} })
	if _, err := c.Recommend(t.Context(), ports.RecommendationRequest{UserID: "u-1", Count: 1}); err != nil {
		t.Fatalf("Recommend: %v", err)
	}
	if err := c.Track(t.Context(), ports.Event{UserID: "u-1", Type: ports.EventRecipeViewed, RecipeID: 3}); err != nil {
		t.Fatalf("Track: %v", err)
	}
	transport.mu.Lock()
	defer transport.mu.Unlock()
	if transport.n != 2 {
		t.Errorf("%d requests went through the given client, want 2", transport.n)
	}
}
