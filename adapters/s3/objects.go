package s3

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awss3 "github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/mealplanner/backend/ports"
)

// cacheControl is stored with every object, so a CDN and browsers keep
// renditions: their keys are never reused for other pictures.
const cacheControl = "public, max-age=31536000, immutable"

// maxObject bounds what Get reads into memory; images are far smaller.
const maxObject = 64 << 20

// maxDeleteBatch is the most keys one DeleteObjects call takes.
const maxDeleteBatch = 1000

// maxPresignTTL is the longest a SigV4 presigned URL can live.
const maxPresignTTL = 7 * 24 * time.Hour

// Put stores data under key. SERVICE_UNAVAILABLE when S3 cannot be reached.
func (s *ImageStore) Put(ctx context.Context, key string, data []byte, contentType string) error {
	_, err := s.client.PutObject(ctx, &awss3.PutObjectInput{
		Bucket:        aws.String(s.bucket),
		Key:           aws.String(s.prefix + key),
		Body:          bytes.NewReader(data),
		ContentLength: aws.Int64(int64(len(data))),
		ContentType:   aws.String(contentType),
		CacheControl:  aws.String(cacheControl),
	})
	return mapError("put", key, err)
}

// Get reads an object back. NOT_FOUND when there is none,
// SERVICE_UNAVAILABLE when S3 cannot be reached.
func (s *ImageStore) Get(ctx context.Context, key string) ([]byte, string, error) {
	out, err := s.client.GetObject(ctx, &awss3.GetObjectInput{
		Bucket: aws.String(s.bucket),
		Key:    aws.String(s.prefix + key),
	})
	if err != nil {
		return nil, "", mapError("get", key, err)
	}
	defer out.Body.Close()
	data, err := io.ReadAll(io.LimitReader(out.Body, maxObject+1))
	if err != nil {
		return nil, "", mapError("get", key, err)
	}
	if len(data) > maxObject {
		return nil, "", fmt.Errorf("s3: get %s: object is larger than %d bytes", key, maxObject)
	}
	return data, aws.ToString(out.ContentType), nil
}

// Delete removes the objects with one DeleteObjects call per thousand keys;
// S3 reports missing keys as deleted. SERVICE_UNAVAILABLE when S3 cannot be
// reached.
func (s *ImageStore) Delete(ctx context.Context, keys ...string) error {
	for len(keys) > 0 {
		batch := keys[:min(len(keys), maxDeleteBatch)]
		keys = keys[len(batch):]
		ids := make([]types.ObjectIdentifier, len(batch))
		for i, k := range batch {
			ids[i] = types.ObjectIdentifier{Key: aws.String(s.prefix + k)}
		}
		out, err := s.client.DeleteObjects(ctx, &awss3.DeleteObjectsInput{
			Bucket: aws.String(s.bucket),
			Delete: &types.Delete{Objects: ids, Quiet: aws.Bool(true)},
		})
		if err != nil {
			return mapError("delete", strings.Join(batch, ", "), err)
		}
		if len(out.Errors) > 0 {
			e := out.Errors[0]
			return fmt.Errorf("s3: delete %s: %s: %s (and %d more)",
				aws.ToString(e.Key), aws.ToString(e.Code), aws.ToString(e.Message), len(out.Errors)-1)
		}
	}
	return nil
}

// URL is the public address of the object: under PublicBaseURL when set,
// else in the bucket itself.
func (s *ImageStore) URL(key string) string {
	return s.public + "/" + escapePath(s.prefix+key)
}

// escapePath escapes each segment of a key but keeps its slashes.
func escapePath(key string) string {
	segs := strings.Split(key, "/")
	for i, seg := range segs {
		segs[i] = url.PathEscape(seg)
	}
	return strings.Join(segs, "/")
}

// PresignPut signs a PUT of key with Content-Type bound into the signature:
// the client must send the returned headers unchanged, or S3 refuses the
// upload.
func (s *ImageStore) PresignPut(ctx context.Context, key, contentType string, ttl time.Duration) (ports.PresignedUpload, error) {
	if ttl <= 0 || ttl > maxPresignTTL {
		return ports.PresignedUpload{}, fmt.Errorf("s3: presign ttl %v is not between 0 and 7 days", ttl)
	}
	req, err := s.presign.PresignPutObject(ctx, &awss3.PutObjectInput{
		Bucket:      aws.String(s.bucket),
		Key:         aws.String(s.prefix + key),
		ContentType: aws.String(contentType),
	}, awss3.WithPresignExpires(ttl))
	if err != nil {
		return ports.PresignedUpload{}, mapError("presign", key, err)
	}
	headers := map[string]string{}
	for name, values := range req.SignedHeader {
		// The HTTP client sets Host from the URL.
		if !strings.EqualFold(name, "Host") {
			headers[name] = strings.Join(values, ",")
		}
	}
	return ports.PresignedUpload{URL: req.URL, Method: req.Method, Headers: headers,
		ExpiresAt: expiry(req.URL, ttl)}, nil
}

// expiry reads the signing time from a presigned URL and adds ttl, so the
// answer is the instant S3 will refuse the URL, to the second.
func expiry(presigned string, ttl time.Duration) time.Time {
	u, err := url.Parse(presigned)
	if err != nil {
		return time.Now().Add(ttl)
	}
	signed, err := time.Parse("20060102T150405Z", u.Query().Get("X-Amz-Date"))
	if err != nil {
		return time.Now().Add(ttl)
	}
	secs, err := strconv.Atoi(u.Query().Get("X-Amz-Expires"))
	if err != nil {
		return signed.Add(ttl)
	}
	return signed.Add(time.Duration(secs) * time.Second)
}
