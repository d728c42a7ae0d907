package s3_test

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// TestProxyChecksWhatWasSigned tests the test proxy itself: a request signed
// by hand passes, and each kind of change after signing is refused.
func TestProxyChecksWhatWasSigned(t *testing.T) {
	t.Parallel()
	p := &sigv4Proxy{creds: aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}, region: region,
		next: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})}
	srv := httptest.NewServer(p)
	t.Cleanup(srv.Close)
	tests := []struct {
		name   string
		change func(*http.Request)
		want   int
	}{
		{"untouched", func(*http.Request) {}, http.StatusOK},
		{"body", func(r *http.Request) { r.Body = http.NoBody; r.ContentLength = 0 }, http.StatusForbidden},
		{"signed header", func(r *http.Request) { r.Header.Set("Content-Type", "text/html") }, http.StatusForbidden},
		{"query", func(r *http.Request) { r.URL.RawQuery = "x-id=DeleteObject" }, http.StatusForbidden},
		{"path", func(r *http.Request) { r.URL.Path = "/images/other" }, http.StatusForbidden},
		{"method", func(r *http.Request) { r.Method = http.MethodPost }, http.StatusForbidden},
	}
	for _, tc := range tests {
		req := signedRequest(t, srv.URL)
		tc.change(req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s: %d, want %d", tc.name, resp.StatusCode, tc.want)
		}
	}
}

func signedRequest(t *testing.T, base string) *http.Request {
	t.Helper()
	const body = "jpeg bytes"
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPut, base+"/images/k?x-id=PutObject", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(body))
	req.Header.Set("Content-Type", "image/jpeg")
	req.Header.Set("X-Amz-Content-Sha256", hex.EncodeToString(sum[:]))
	creds := aws.Credentials{AccessKeyID: accessKey, SecretAccessKey: secretKey}
	if err := signer.SignHTTP(t.Context(), creds, req, hex.EncodeToString(sum[:]), "s3", region, time.Now()); err != nil {
		t.Fatal(err)
	}
	return req
}
