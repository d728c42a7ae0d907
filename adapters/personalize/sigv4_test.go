package personalize_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

const (
	amzTime = "20060102T150405Z"
	maxSkew = 15 * time.Minute
)

// verifySigV4 checks a request the way AWS does: it recomputes the SigV4
// signature from the known secret over what arrived (method, path, query,
// the signed headers and the SHA-256 of body) and compares. The credential
// scope must name the region and the "personalize" signing service, and the
// host, date and content type must be among the signed headers.
func verifySigV4(r *http.Request, body []byte, creds aws.Credentials, region string) error {
	auth := r.Header.Get("Authorization")
	fields, err := parseAuthorization(auth)
	if err != nil {
		return err
	}
	signedAt, err := time.Parse(amzTime, r.Header.Get("X-Amz-Date"))
	if err != nil {
		return fmt.Errorf("bad X-Amz-Date %q", r.Header.Get("X-Amz-Date"))
	}
	if d := time.Since(signedAt); d > maxSkew || d < -maxSkew {
		return fmt.Errorf("X-Amz-Date %s is too far from now", signedAt)
	}
	if err := checkScope(fields, creds, region, signedAt); err != nil {
		return err
	}
	req, err := canonicalCopy(r, strings.Split(fields["SignedHeaders"], ";"))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(body)
	// A signer of its own: a signer caches signing keys by access key id, so
	// one shared with a client that signed with a wrong secret would agree
	// with it.
	if err := v4.NewSigner().SignHTTP(r.Context(), creds, req, hex.EncodeToString(sum[:]), "personalize", region, signedAt); err != nil {
		return err
	}
	if want := req.Header.Get("Authorization"); want != auth {
		return fmt.Errorf("signature mismatch: got %q, want %q", auth, want)
	}
	return nil
}

// checkScope checks who signed for what: the access key, the day, the region
// and the service, and that the headers AWS requires were signed.
func checkScope(fields map[string]string, creds aws.Credentials, region string, signedAt time.Time) error {
	wantScope := fmt.Sprintf("%s/%s/%s/personalize/aws4_request", creds.AccessKeyID, signedAt.Format("20060102"), region)
	if fields["Credential"] != wantScope {
		return fmt.Errorf("credential %q, want %q", fields["Credential"], wantScope)
	}
	signed := strings.Split(fields["SignedHeaders"], ";")
	for _, must := range []string{"content-type", "host", "x-amz-date"} {
		if !slices.Contains(signed, must) {
			return fmt.Errorf("header %q is not signed (%s)", must, fields["SignedHeaders"])
		}
	}
	return nil
}

// parseAuthorization splits "AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…,
// Signature=…" into its fields.
func parseAuthorization(auth string) (map[string]string, error) {
	rest, ok := strings.CutPrefix(auth, "AWS4-HMAC-SHA256 ")
	if !ok {
		return nil, fmt.Errorf("not a SigV4 authorization: %q", auth)
	}
	fields := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		fields[k] = v
	}
	if fields["Credential"] == "" || fields["SignedHeaders"] == "" || fields["Signature"] == "" {
		return nil, fmt.Errorf("incomplete authorization: %q", auth)
	}
	return fields, nil
}

// canonicalCopy rebuilds r with only the headers that were signed, so the
// signer covers exactly what the client covered.
func canonicalCopy(r *http.Request, signed []string) (*http.Request, error) {
	u := *r.URL
	u.Scheme, u.Host = "http", r.Host
	req := &http.Request{Method: r.Method, URL: &u, Host: r.Host, Header: http.Header{}}
	for _, name := range signed {
		switch name {
		case "host":
		case "content-length":
			req.ContentLength = r.ContentLength
		default:
			values := r.Header.Values(name)
			if len(values) == 0 {
				return nil, fmt.Errorf("signed header %q was not sent", name)
			}
			req.Header[http.CanonicalHeaderKey(name)] = values
		}
	}
	return req.WithContext(r.Context()), nil
}
