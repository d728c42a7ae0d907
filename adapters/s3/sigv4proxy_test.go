package s3_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// sigv4Proxy stands in front of an S3 server that does not check signatures
// (gofakes3) and checks them itself: it recomputes the SigV4 signature of
// every request from the known secret over what it received (method, path,
// query, the signed headers, the payload hash) and refuses a mismatch with
// S3's 403, so that a test passing through it proves the store signs right.
// Header-signed requests must carry the SHA-256 of their body; presigned ones
// must not have expired.
type sigv4Proxy struct {
	creds  aws.Credentials
	region string
	next   http.Handler

	mu       sync.Mutex
	now      time.Time // zero: the real time
	accepted int
	refused  []string
}

const (
	amzTime = "20060102T150405Z"
	maxSkew = 15 * time.Minute
)

// signer signs as the S3 client does: S3 paths are not escaped twice.
var signer = v4.NewSigner(func(o *v4.SignerOptions) { o.DisableURIPathEscaping = true })

func (p *sigv4Proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err == nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		if r.URL.Query().Has("X-Amz-Signature") {
			err = p.verifyPresigned(r)
		} else {
			err = p.verifySigned(r, body)
		}
	}
	p.mu.Lock()
	if err != nil {
		p.refused = append(p.refused, r.Method+" "+r.URL.Path+": "+err.Error())
	} else {
		p.accepted++
	}
	p.mu.Unlock()
	if err != nil {
		w.Header().Set("Content-Type", "application/xml")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SignatureDoesNotMatch</Code><Message>%s</Message></Error>`, err)
		return
	}
	p.next.ServeHTTP(w, r)
}

func (p *sigv4Proxy) clock() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.now.IsZero() {
		return time.Now()
	}
	return p.now
}

func (p *sigv4Proxy) setClock(t time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.now = t
}

// counts returns how many requests were accepted and the reasons of those
// refused.
func (p *sigv4Proxy) counts() (int, []string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted, append([]string(nil), p.refused...)
}

// verifySigned checks a request signed in its Authorization header.
func (p *sigv4Proxy) verifySigned(r *http.Request, body []byte) error {
	auth := r.Header.Get("Authorization")
	fields, err := parseAuthorization(auth)
	if err != nil {
		return err
	}
	signedAt, err := p.signingTime(r.Header.Get("X-Amz-Date"))
	if err != nil {
		return err
	}
	// The store talks plain HTTP here, where the SDK signs the body itself:
	// UNSIGNED-PAYLOAD would be a regression, so it is refused too.
	hash := r.Header.Get("X-Amz-Content-Sha256")
	if sum := sha256.Sum256(body); hash != hex.EncodeToString(sum[:]) {
		return fmt.Errorf("payload hash %q does not match the body", hash)
	}
	req, err := canonicalCopy(r, r.URL.RawQuery, strings.Split(fields["SignedHeaders"], ";"))
	if err != nil {
		return err
	}
	if err := signer.SignHTTP(r.Context(), p.creds, req, hash, "s3", p.region, signedAt); err != nil {
		return err
	}
	if want := req.Header.Get("Authorization"); want != auth {
		return fmt.Errorf("signature mismatch: got %q, want %q", auth, want)
	}
	return nil
}

// verifyPresigned checks a request signed in its query string.
func (p *sigv4Proxy) verifyPresigned(r *http.Request) error {
	q := r.URL.Query()
	got := q.Get("X-Amz-Signature")
	q.Del("X-Amz-Signature")
	signedAt, err := time.Parse(amzTime, q.Get("X-Amz-Date"))
	if err != nil {
		return fmt.Errorf("bad X-Amz-Date: %w", err)
	}
	secs, err := strconv.Atoi(q.Get("X-Amz-Expires"))
	if err != nil || secs <= 0 {
		return errors.New("bad X-Amz-Expires")
	}
	if now := p.clock(); now.After(signedAt.Add(time.Duration(secs)*time.Second)) || now.Before(signedAt.Add(-maxSkew)) {
		return errors.New("request has expired")
	}
	req, err := canonicalCopy(r, q.Encode(), strings.Split(q.Get("X-Amz-SignedHeaders"), ";"))
	if err != nil {
		return err
	}
	signed, _, err := signer.PresignHTTP(r.Context(), p.creds, req, "UNSIGNED-PAYLOAD", "s3", p.region, signedAt)
	if err != nil {
		return err
	}
	u, err := url.Parse(signed)
	if err != nil {
		return err
	}
	if want := u.Query(); want.Get("X-Amz-Signature") != got || want.Get("X-Amz-Credential") != q.Get("X-Amz-Credential") ||
		want.Get("X-Amz-SignedHeaders") != q.Get("X-Amz-SignedHeaders") {
		return fmt.Errorf("signature mismatch: got %s, want %s", r.URL.RawQuery, u.RawQuery)
	}
	return nil
}

func (p *sigv4Proxy) signingTime(raw string) (time.Time, error) {
	t, err := time.Parse(amzTime, raw)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad X-Amz-Date %q", raw)
	}
	if d := p.clock().Sub(t); d > maxSkew || d < -maxSkew {
		return time.Time{}, fmt.Errorf("X-Amz-Date %s is too far from now", raw)
	}
	return t, nil
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

// canonicalCopy rebuilds r with the given query and only the headers that
// were signed, so the signer covers exactly what the client covered.
func canonicalCopy(r *http.Request, rawQuery string, signed []string) (*http.Request, error) {
	u := *r.URL
	u.Scheme, u.Host, u.RawQuery = "http", r.Host, rawQuery
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
