// Package localfs keeps images in a folder on the local disk: the image store
// of the embedded default, where the API itself serves the files (Handler)
// and accepts presigned uploads signed with an HMAC key.
package localfs

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var _ ports.ImageStore = (*ImageStore)(nil)

// MinSigningKey is the shortest signing key New accepts, in bytes.
const MinSigningKey = 16

// ImageStore is a ports.ImageStore on a folder. Each object is one file at
// its key's path holding a one-line header with the content type, then the
// bytes; files are replaced atomically, so a reader sees the old object or
// the new one, never half of one. It is safe for concurrent use, also by
// several processes sharing the folder.
type ImageStore struct {
	root *os.Root // every file access goes through it, so a symlink cannot lead outside
	base string
	key  []byte
	now  func() time.Time
}

// New opens (creating it if need be) the folder dir. URLs are publicBaseURL
// + "/images/" + key, publicBaseURL being where the API is reached (like
// "http://localhost:3001"); presigned uploads are signed with signingKey, at
// least MinSigningKey bytes. Close releases the folder.
func New(dir, publicBaseURL string, signingKey []byte) (*ImageStore, error) {
	base, err := checkBaseURL(publicBaseURL)
	if err != nil {
		return nil, err
	}
	if len(signingKey) < MinSigningKey {
		return nil, fmt.Errorf("localfs: the signing key must be at least %d bytes", MinSigningKey)
	}
	if dir == "" {
		return nil, errors.New("localfs: no image folder given")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("localfs: %w", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return nil, fmt.Errorf("localfs: %w", err)
	}
	return &ImageStore{root: root, base: base, key: bytes.Clone(signingKey), now: time.Now}, nil
}

func checkBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return "", fmt.Errorf("localfs: public base URL %q is not an absolute http(s) URL", raw)
	}
	return strings.TrimRight(raw, "/"), nil
}

// Close releases the folder.
func (s *ImageStore) Close() error { return s.root.Close() }

// headerPrefix starts every stored file; what follows up to the newline is
// the content type. It also tells our files from anything else put there.
const headerPrefix = "mealplanner-image/1 "

// maxHeader bounds the header line, content type included.
const maxHeader = 256

var errBadKey = domain.Invalid("invalid image key", map[string]string{"key": "use letters, digits and / _ . - only"})

// Put stores data under key, replacing what was there. VALIDATION_ERROR for
// a key or content type this store cannot hold.
func (s *ImageStore) Put(_ context.Context, key string, data []byte, contentType string) error {
	if !validKey(key) {
		return errBadKey
	}
	if !validContentType(contentType) {
		return domain.Invalid("invalid content type", map[string]string{"contentType": "not a media type"})
	}
	return s.writeAtomic(filepath.FromSlash(key), headerPrefix+contentType+"\n", data)
}

// Get reads an object back; NOT_FOUND when there is none.
func (s *ImageStore) Get(_ context.Context, key string) ([]byte, string, error) {
	f, ct, _, err := s.open(key)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, "", fmt.Errorf("localfs: read %s: %w", key, err)
	}
	return data, ct, nil
}

// Delete removes the objects; missing (and impossible) keys are ignored.
func (s *ImageStore) Delete(_ context.Context, keys ...string) error {
	for _, key := range keys {
		if !validKey(key) {
			continue
		}
		name := filepath.FromSlash(key)
		if fi, err := s.root.Lstat(name); err != nil || fi.IsDir() {
			continue
		}
		if err := s.root.Remove(name); err != nil && !isMissing(err) {
			return fmt.Errorf("localfs: delete %s: %w", key, err)
		}
	}
	return nil
}

// URL is the address where Handler serves the object.
func (s *ImageStore) URL(key string) string { return s.base + "/images/" + key }

// open returns the object's file positioned after its header, with the
// content type and the length of the data. NOT_FOUND when there is none.
func (s *ImageStore) open(key string) (*os.File, string, int64, error) {
	notFound := domain.NotFound("image not found")
	if !validKey(key) {
		return nil, "", 0, notFound
	}
	f, err := s.root.Open(filepath.FromSlash(key))
	if isMissing(err) {
		return nil, "", 0, notFound
	} else if err != nil {
		return nil, "", 0, fmt.Errorf("localfs: open %s: %w", key, err)
	}
	ct, size, err := readHeader(f)
	if err != nil {
		f.Close()
		if errors.Is(err, errNotImage) {
			return nil, "", 0, notFound
		}
		return nil, "", 0, fmt.Errorf("localfs: read %s: %w", key, err)
	}
	return f, ct, size, nil
}

var errNotImage = errors.New("not a stored image")

// readHeader reads the header line and leaves f at the first byte of data.
// A folder, or a file that another program put there, is errNotImage.
func readHeader(f *os.File) (string, int64, error) {
	fi, err := f.Stat()
	if err != nil {
		return "", 0, err
	}
	if !fi.Mode().IsRegular() {
		return "", 0, errNotImage
	}
	buf := make([]byte, maxHeader)
	n, err := f.ReadAt(buf, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return "", 0, err
	}
	line, _, ok := bytes.Cut(buf[:n], []byte("\n"))
	ct, isOurs := strings.CutPrefix(string(line), headerPrefix)
	if !ok || !isOurs {
		return "", 0, errNotImage
	}
	start := int64(len(line) + 1)
	if _, err := f.Seek(start, io.SeekStart); err != nil {
		return "", 0, err
	}
	return ct, fi.Size() - start, nil
}

// writeAtomic writes a temporary file beside name and renames it over name.
// Temporary names start with a dot, which no valid key does, so they can
// neither clash with an object nor be served.
func (s *ImageStore) writeAtomic(name, header string, data []byte) error {
	dir := filepath.Dir(name)
	if err := s.root.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("localfs: %w", err)
	}
	tmp := filepath.Join(dir, ".tmp-"+randomHex())
	f, err := s.root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("localfs: %w", err)
	}
	_, err = f.WriteString(header)
	if err == nil {
		_, err = f.Write(data)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = s.root.Rename(tmp, name)
	}
	if err != nil {
		_ = s.root.Remove(tmp)
		return fmt.Errorf("localfs: write %s: %w", filepath.ToSlash(name), err)
	}
	return nil
}

func randomHex() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return hex.EncodeToString(b)
}

// isMissing is true for a path that does not exist, including one that runs
// through a file as if it were a folder ("a/b" when "a" is an object).
func isMissing(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR)
}

// validKey accepts relative slash-separated paths of [a-zA-Z0-9_.-]
// segments, none empty and none starting with a dot: no "..", no absolute
// paths, no hidden files, one spelling per object.
func validKey(key string) bool {
	if key == "" || len(key) > 512 {
		return false
	}
	for seg := range strings.SplitSeq(key, "/") {
		if seg == "" || seg[0] == '.' || len(seg) > 200 {
			return false
		}
		for _, c := range []byte(seg) {
			if !isKeyByte(c) {
				return false
			}
		}
	}
	return path.Clean(key) == key
}

func isKeyByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '.' || c == '-'
}

// validContentType accepts a media type that fits on the header line.
func validContentType(ct string) bool {
	if ct == "" || len(ct) > maxHeader-len(headerPrefix)-1 || strings.ContainsAny(ct, "\r\n") {
		return false
	}
	_, _, err := mime.ParseMediaType(ct)
	return err == nil
}
