package localfs

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/url"
	"strconv"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// PresignPut authorises one upload of contentType to key until ttl passes:
// PUT publicBaseURL/images/upload/<key>?expires=<unix>&ct=<type>&sig=<hmac>,
// the signature an HMAC-SHA256 over "key|expires|ct". The client must send
// Content-Type unchanged. VALIDATION_ERROR for a key or content type this
// store cannot hold.
func (s *ImageStore) PresignPut(_ context.Context, key, contentType string, ttl time.Duration) (ports.PresignedUpload, error) {
	if ttl <= 0 {
		return ports.PresignedUpload{}, errors.New("localfs: presign ttl must be positive")
	}
	if !validKey(key) {
		return ports.PresignedUpload{}, errBadKey
	}
	if !validContentType(contentType) {
		return ports.PresignedUpload{}, domain.Invalid("invalid content type", map[string]string{"contentType": "not a media type"})
	}
	expires := s.now().Add(ttl).Unix()
	q := url.Values{
		"expires": {strconv.FormatInt(expires, 10)},
		"ct":      {contentType},
		"sig":     {hex.EncodeToString(s.sign(key, expires, contentType))},
	}
	return ports.PresignedUpload{
		URL:       s.base + "/images/upload/" + key + "?" + q.Encode(),
		Method:    "PUT",
		Headers:   map[string]string{"Content-Type": contentType},
		ExpiresAt: time.Unix(expires, 0),
	}, nil
}

// sign is the HMAC of one upload grant. The key cannot contain "|" and
// expires is digits, so the three fields cannot be shifted into each other.
func (s *ImageStore) sign(key string, expires int64, contentType string) []byte {
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(key + "|" + strconv.FormatInt(expires, 10) + "|" + contentType))
	return mac.Sum(nil)
}

var (
	errBadSignature = errors.New("upload link is invalid")
	errExpired      = errors.New("upload link has expired")
)

// checkGrant verifies the signature of an upload URL's query for key, then
// its expiry, and returns the content type it grants.
func (s *ImageStore) checkGrant(key string, q url.Values) (string, error) {
	ct := q.Get("ct")
	expires, err := strconv.ParseInt(q.Get("expires"), 10, 64)
	if err != nil || !validKey(key) {
		return "", errBadSignature
	}
	got, err := hex.DecodeString(q.Get("sig"))
	if err != nil || !hmac.Equal(got, s.sign(key, expires, ct)) {
		return "", errBadSignature
	}
	if s.now().Unix() > expires {
		return "", errExpired
	}
	return ct, nil
}
