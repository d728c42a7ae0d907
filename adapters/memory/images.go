package memory

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var _ ports.ImageStore = (*ImageStore)(nil)

// ImageStore is an in-process ports.ImageStore. Its presigned uploads point
// at memory:// URLs that nothing serves: tests that need the upload itself
// call Put, as the client's PUT would. Data is copied in and out. It is safe
// for concurrent use.
type ImageStore struct {
	base string
	now  func() time.Time
	mu   sync.RWMutex
	objs map[string]storedImage
}

type storedImage struct {
	data        []byte
	contentType string
}

// NewImageStore returns an empty store whose URLs start with publicBaseURL
// and whose presigned uploads expire by the time read from now (nil:
// time.Now).
func NewImageStore(publicBaseURL string, now func() time.Time) *ImageStore {
	return &ImageStore{base: strings.TrimRight(publicBaseURL, "/"), now: timeSource(now),
		objs: map[string]storedImage{}}
}

// Put stores a copy of data under key, replacing what was there.
func (s *ImageStore) Put(_ context.Context, key string, data []byte, contentType string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.objs[key] = storedImage{data: slices.Clone(data), contentType: contentType}
	return nil
}

// Get returns a copy of the object; NOT_FOUND when there is none.
func (s *ImageStore) Get(_ context.Context, key string) ([]byte, string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	o, ok := s.objs[key]
	if !ok {
		return nil, "", domain.NotFound("image not found")
	}
	return slices.Clone(o.data), o.contentType, nil
}

// Delete removes the keys; missing keys are ignored.
func (s *ImageStore) Delete(_ context.Context, keys ...string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, k := range keys {
		delete(s.objs, k)
	}
	return nil
}

// URL is publicBaseURL + "/" + key.
func (s *ImageStore) URL(key string) string { return s.base + "/" + key }

// PresignPut returns a memory:// URL naming the key and the expiry; it
// authorises nothing, since no server stands behind it.
func (s *ImageStore) PresignPut(_ context.Context, key, contentType string, ttl time.Duration) (ports.PresignedUpload, error) {
	if ttl <= 0 {
		return ports.PresignedUpload{}, errors.New("memory: presign ttl must be positive")
	}
	expires := s.now().Add(ttl)
	q := url.Values{"expires": {strconv.FormatInt(expires.Unix(), 10)}}
	return ports.PresignedUpload{
		URL:       "memory://images/" + key + "?" + q.Encode(),
		Method:    "PUT",
		Headers:   map[string]string{"Content-Type": contentType},
		ExpiresAt: expires,
	}, nil
}

// Keys lists the stored keys in order, for tests that check what a use case
// wrote or removed.
func (s *ImageStore) Keys() []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	keys := make([]string, 0, len(s.objs))
	for k := range s.objs {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
