package imaging_test

import (
	"errors"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/imaging"
	"github.com/mealplanner/backend/domain"
)

// fuzzMaxInput bounds the work per input: the decoders are linear in their
// input, and the smaller size limit below bounds the pixels they allocate.
const fuzzMaxInput = 64 << 10

// FuzzVariants feeds arbitrary bytes to the processor: it must never panic,
// every failure must be a client error (4xx) in the domain vocabulary, and
// every success must have the four variants.
func FuzzVariants(f *testing.F) {
	jpg := mustJPEG(f, photo(48, 32), 75)
	pngData := mustPNG(f, stripes(30, 20))
	for _, seed := range [][]byte{
		jpg, jpg[:len(jpg)/2], pngData, pngData[:len(pngData)-10], pngHeader(9000, 9000), pngHeader(3, 2),
		mustReadFile(f, "testdata/gopher-doc.1bpp.lossless.webp"),
		mustReadFile(f, "testdata/blue-purple-pink.lossy.webp"),
		[]byte("RIFF\x00\x00\x00\x00WEBPVP8 "), []byte("GIF89a"), nil,
	} {
		f.Add(seed)
	}
	p := imaging.NewWithMaxSide(1024)
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > fuzzMaxInput {
			return
		}
		start := time.Now()
		vs, err := p.Variants(data)
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("took %v for %d bytes", d, len(data))
		}
		if err != nil {
			assertClientError(t, err)
			return
		}
		if len(vs) != 4 || vs[0].Width <= 0 || vs[0].Width > 1024 || vs[0].Height <= 0 || vs[0].Height > 1024 {
			t.Fatalf("accepted with %d variants, original %d×%d", len(vs), vs[0].Width, vs[0].Height)
		}
	})
}

func assertClientError(t *testing.T, err error) {
	t.Helper()
	var de *domain.Error
	if !errors.As(err, &de) {
		t.Fatalf("error %v (%T) is not a *domain.Error", err, err)
	}
	if de.Code != domain.CodeValidation && de.Code != domain.CodeUnsupportedMedia {
		t.Fatalf("error code %s, want VALIDATION_ERROR or UNSUPPORTED_MEDIA_TYPE", de.Code)
	}
}
