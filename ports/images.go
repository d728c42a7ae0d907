package ports

import (
	"context"
	"time"
)

// PresignedUpload lets a client upload one object straight to the store.
type PresignedUpload struct {
	URL       string
	Method    string            // always PUT
	Headers   map[string]string // headers the client must send unchanged
	ExpiresAt time.Time
}

// ImageStore keeps image files and says where clients can fetch them.
type ImageStore interface {
	// Put stores an object under key.
	Put(ctx context.Context, key string, data []byte, contentType string) error
	// Get reads an object back. NOT_FOUND when there is none.
	Get(ctx context.Context, key string) (data []byte, contentType string, err error)
	// Delete removes objects; missing keys are ignored.
	Delete(ctx context.Context, keys ...string) error
	// URL is the public address of an object (a CDN in production).
	URL(key string) string
	// PresignPut authorises one upload of contentType to key until ttl passes.
	PresignPut(ctx context.Context, key, contentType string, ttl time.Duration) (PresignedUpload, error)
}

// ImageVariant is one rendition of an uploaded picture.
type ImageVariant struct {
	Name        string // original, large, medium, thumbnail
	Data        []byte
	ContentType string
	Width       int
	Height      int
}

// ImageProcessor checks an upload and renders its variants.
type ImageProcessor interface {
	// Variants sniffs the content (JPEG, PNG or WebP), decodes it and returns
	// the original plus large 1200×800, medium 600×400 and thumbnail 200×200,
	// cover-cropped. UNSUPPORTED_MEDIA_TYPE for other content; VALIDATION_ERROR
	// when it does not decode or is larger than 8000×8000.
	Variants(data []byte) ([]ImageVariant, error)
}
