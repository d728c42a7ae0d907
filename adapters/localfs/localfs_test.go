package localfs_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mealplanner/backend/adapters/localfs"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
	"github.com/mealplanner/backend/ports/porttest"
)

var testKey = []byte("0123456789abcdef0123456789abcdef")

func mustNew(t *testing.T, dir, base string) *localfs.ImageStore {
	t.Helper()
	s, err := localfs.New(dir, base, testKey)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func mustPut(t *testing.T, s *localfs.ImageStore, key string, data []byte, ct string) {
	t.Helper()
	if err := s.Put(t.Context(), key, data, ct); err != nil {
		t.Fatalf("Put(%q): %v", key, err)
	}
}

func TestImageStoreContract(t *testing.T) {
	t.Parallel()
	porttest.ImageStore(t, func(t *testing.T) ports.ImageStore {
		return mustNew(t, t.TempDir(), "http://localhost:3001")
	})
}

func TestNewRefusesBadSettings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tests := map[string]func() error{
		"relative base URL": func() error { _, err := localfs.New(dir, "/images", testKey); return err },
		"ftp base URL":      func() error { _, err := localfs.New(dir, "ftp://host", testKey); return err },
		"empty base URL":    func() error { _, err := localfs.New(dir, "", testKey); return err },
		"short key":         func() error { _, err := localfs.New(dir, "http://h", testKey[:15]); return err },
		"no folder":         func() error { _, err := localfs.New("", "http://h", testKey); return err },
		"folder is a file": func() error {
			f := filepath.Join(dir, "file")
			if err := os.WriteFile(f, nil, 0o600); err != nil {
				t.Fatal(err)
			}
			_, err := localfs.New(f, "http://h", testKey)
			return err
		},
	}
	for name, try := range tests {
		if try() == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestNewCreatesTheFolder(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "data", "images")
	s := mustNew(t, dir, "http://localhost:3001/")
	mustPut(t, s, "recipes/1/large.jpg", []byte("jpeg"), "image/jpeg")
	if got := s.URL("recipes/1/large.jpg"); got != "http://localhost:3001/images/recipes/1/large.jpg" {
		t.Errorf("URL = %q", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "recipes", "1", "large.jpg")); err != nil {
		t.Errorf("the object is not at its key's path: %v", err)
	}
}

func TestKeysAreValidated(t *testing.T) {
	t.Parallel()
	s := mustNew(t, t.TempDir(), "http://localhost:3001")
	bad := []string{"", "/etc/passwd", "../x", "a/../../x", "a/..", "a/./b", ".hidden", "a/.tmp-1", "a//b",
		"a/", "a b", "a\\b", "a%2fb", "a?b", "ä", "a\x00b", strings.Repeat("a", 513)}
	for _, key := range bad {
		err := s.Put(t.Context(), key, []byte("x"), "image/jpeg")
		if !domain.IsCode(err, domain.CodeValidation) {
			t.Errorf("Put(%q) error = %v, want VALIDATION_ERROR", key, err)
		}
		if _, _, err := s.Get(t.Context(), key); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Get(%q) error = %v, want NOT_FOUND", key, err)
		}
		if _, err := s.PresignPut(t.Context(), key, "image/jpeg", 60e9); !domain.IsCode(err, domain.CodeValidation) {
			t.Errorf("PresignPut(%q) error = %v, want VALIDATION_ERROR", key, err)
		}
	}
	if err := s.Delete(t.Context(), bad...); err != nil {
		t.Errorf("Delete of impossible keys: %v", err)
	}
	for _, key := range []string{"a", "A-z_0.9/b.c", "recipes/52772/thumbnail.jpg", "x..y"} {
		mustPut(t, s, key, []byte("x"), "image/jpeg")
	}
}

func TestContentTypeIsValidated(t *testing.T) {
	t.Parallel()
	s := mustNew(t, t.TempDir(), "http://localhost:3001")
	for _, ct := range []string{"", "image/jpeg\nX: y", "not a type", strings.Repeat("a", 300) + "/b"} {
		if err := s.Put(t.Context(), "k", nil, ct); !domain.IsCode(err, domain.CodeValidation) {
			t.Errorf("Put with content type %q: error = %v, want VALIDATION_ERROR", ct, err)
		}
	}
}

func TestWritesLeaveNoTemporaryFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := mustNew(t, dir, "http://localhost:3001")
	for i := range 20 {
		mustPut(t, s, "recipes/1/large.jpg", []byte(strings.Repeat("x", i)), "image/jpeg")
	}
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if strings.HasPrefix(d.Name(), ".tmp-") {
			t.Errorf("temporary file left: %s", p)
		}
		return err
	})
}

func TestForeignFilesAndFoldersAreNotImages(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	s := mustNew(t, dir, "http://localhost:3001")
	if err := os.WriteFile(filepath.Join(dir, "raw.jpg"), []byte("\xFF\xD8\xFF raw"), 0o644); err != nil {
		t.Fatal(err)
	}
	mustPut(t, s, "recipes/1/large.jpg", []byte("x"), "image/jpeg")
	for _, key := range []string{"raw.jpg", "recipes", "recipes/1", "recipes/1/large.jpg/more"} {
		if _, _, err := s.Get(t.Context(), key); !errors.Is(err, domain.ErrNotFound) {
			t.Errorf("Get(%q) error = %v, want NOT_FOUND", key, err)
		}
	}
	if err := s.Delete(t.Context(), "recipes", "recipes/1/large.jpg/more"); err != nil {
		t.Errorf("Delete of a folder or a path through a file: %v", err)
	}
}

func TestSymlinksCannotLeadOutside(t *testing.T) {
	t.Parallel()
	dir, outside := t.TempDir(), t.TempDir()
	s := mustNew(t, dir, "http://localhost:3001")
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("mealplanner-image/1 text/plain\nsecret"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if data, _, err := s.Get(t.Context(), "link/secret"); err == nil {
		t.Errorf("Get through a symlink read %q", data)
	}
	if err := s.Put(t.Context(), "link/planted", []byte("x"), "image/jpeg"); err == nil {
		t.Error("Put through a symlink succeeded")
	}
	if _, err := os.Stat(filepath.Join(outside, "planted")); err == nil {
		t.Error("a file was written outside the folder")
	}
}
