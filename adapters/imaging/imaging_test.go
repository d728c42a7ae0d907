package imaging_test

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"runtime"
	"testing"
	"time"

	"github.com/mealplanner/backend/adapters/imaging"
	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var (
	red   = color.RGBA{255, 0, 0, 255}
	green = color.RGBA{0, 255, 0, 255}
	blue  = color.RGBA{0, 0, 255, 255}
	white = color.RGBA{255, 255, 255, 255}
)

func TestVariantsOfEachFormat(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, contentType string
		data              []byte
		width, height     int
	}{
		{"jpeg", "image/jpeg", mustJPEG(t, photo(900, 700), 85), 900, 700},
		{"png", "image/png", mustPNG(t, photo(300, 500)), 300, 500},
		{"webp lossy", "image/webp", mustReadFile(t, "testdata/blue-purple-pink.lossy.webp"), 150, 100},
		{"webp lossless", "image/webp", mustReadFile(t, "testdata/gopher-doc.1bpp.lossless.webp"), 75, 100},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			vs := mustVariants(t, imaging.New(), tc.data)
			assertOriginal(t, vs, tc.data, tc.contentType, tc.width, tc.height)
			assertRenditions(t, vs)
		})
	}
}

func assertOriginal(t *testing.T, vs []ports.ImageVariant, data []byte, contentType string, w, h int) {
	t.Helper()
	if len(vs) != 4 || vs[0].Name != "original" {
		t.Fatalf("got %d variants starting with %q, want original, large, medium, thumbnail", len(vs), vs[0].Name)
	}
	o := vs[0]
	if !bytes.Equal(o.Data, data) || o.ContentType != contentType {
		t.Errorf("original: %d bytes of %s, want the %d uploaded bytes of %s", len(o.Data), o.ContentType, len(data), contentType)
	}
	if o.Width != w || o.Height != h {
		t.Errorf("original is %d×%d, want %d×%d", o.Width, o.Height, w, h)
	}
}

func assertRenditions(t *testing.T, vs []ports.ImageVariant) {
	t.Helper()
	want := []struct {
		name string
		w, h int
	}{{"large", 1200, 800}, {"medium", 600, 400}, {"thumbnail", 200, 200}}
	for i, w := range want {
		v := vs[i+1]
		if v.Name != w.name || v.ContentType != "image/jpeg" || v.Width != w.w || v.Height != w.h {
			t.Errorf("variant %d = %s %s %d×%d, want %s image/jpeg %d×%d",
				i+1, v.Name, v.ContentType, v.Width, v.Height, w.name, w.w, w.h)
		}
		if b := mustDecodeJPEG(t, v.Data).Bounds(); b.Dx() != w.w || b.Dy() != w.h {
			t.Errorf("%s decodes as %d×%d, want %d×%d", w.name, b.Dx(), b.Dy(), w.w, w.h)
		}
	}
}

func TestCoverCropKeepsTheCentre(t *testing.T) {
	t.Parallel()
	// 2:1, red | green | blue. The square thumbnail keeps the middle half
	// (x 150..450): green in the centre, a sliver of red and blue at the edges.
	vs := mustVariants(t, imaging.New(), mustPNG(t, stripes(600, 300)))
	thumb := mustDecodeJPEG(t, variant(t, vs, "thumbnail").Data)
	assertColour(t, thumb, 100, 100, green)
	assertColour(t, thumb, 2, 100, red)
	assertColour(t, thumb, 197, 100, blue)
	assertColour(t, thumb, 40, 100, green) // x 210 in the source: the red band ends at 200
	large := mustDecodeJPEG(t, variant(t, vs, "large").Data)
	assertColour(t, large, 600, 400, green)
	assertColour(t, large, 5, 400, red)
	assertColour(t, large, 1194, 400, blue)
}

func TestCoverCropOfAPhotoSizedPicture(t *testing.T) {
	t.Parallel()
	// Large enough for the shrink step (by 2) to run before resampling.
	vs := mustVariants(t, imaging.New(), mustPNG(t, stripes(3200, 1600)))
	thumb := mustDecodeJPEG(t, variant(t, vs, "thumbnail").Data)
	assertColour(t, thumb, 100, 100, green)
	assertColour(t, thumb, 2, 100, red)
	assertColour(t, thumb, 197, 100, blue)
}

func TestCoverRect(t *testing.T) {
	t.Parallel()
	tests := []struct {
		src  image.Rectangle
		w, h int
		want image.Rectangle
	}{
		{image.Rect(0, 0, 600, 300), 200, 200, image.Rect(150, 0, 450, 300)},
		{image.Rect(0, 0, 300, 600), 200, 200, image.Rect(0, 150, 300, 450)},
		{image.Rect(0, 0, 4000, 3000), 1200, 800, image.Rect(0, 166, 4000, 2833)},
		{image.Rect(0, 0, 1200, 800), 600, 400, image.Rect(0, 0, 1200, 800)},
		{image.Rect(10, 20, 13, 21), 200, 200, image.Rect(11, 20, 12, 21)},
		{image.Rect(0, 0, 1, 5000), 1200, 800, image.Rect(0, 2499, 1, 2500)},
	}
	for _, tc := range tests {
		if got := imaging.CoverRect(tc.src, tc.w, tc.h); got != tc.want {
			t.Errorf("CoverRect(%v, %d, %d) = %v, want %v", tc.src, tc.w, tc.h, got, tc.want)
		}
	}
}

func TestTransparencyIsFlattenedOntoWhite(t *testing.T) {
	t.Parallel()
	img := image.NewNRGBA(image.Rect(0, 0, 300, 200)) // fully transparent
	for x := range 100 {
		for y := range 200 {
			img.SetNRGBA(200+x, y, color.NRGBA{0, 0, 255, 255}) // opaque blue right third
		}
	}
	vs := mustVariants(t, imaging.New(), mustPNG(t, img))
	large := mustDecodeJPEG(t, variant(t, vs, "large").Data)
	assertColour(t, large, 100, 400, white)
	assertColour(t, large, 1100, 400, blue)
}

// Not parallel: it counts the bytes allocated by the whole program.
func TestTooLargeIsRefusedBeforeDecoding(t *testing.T) {
	small := mustJPEG(t, photo(64, 48), 80)
	tests := map[string][]byte{
		"png 9000×9000": pngHeader(9000, 9000),
		"png 8001×1":    pngHeader(8001, 1),
		"png 1×8001":    pngHeader(1, 8001),
		"jpeg 9000×20":  withJPEGSize(t, small, 9000, 20),
		"jpeg 60000²":   withJPEGSize(t, small, 60000, 60000),
	}
	for name, data := range tests {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		start := time.Now()
		_, err := imaging.New().Variants(data)
		elapsed := time.Since(start)
		runtime.ReadMemStats(&after)
		assertDomainError(t, err, domain.CodeValidation, "image is larger than 8000×8000")
		// A decode would allocate the pixels: 324 MB for the 9000×9000 one.
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 1<<20 {
			t.Errorf("%s: %d bytes allocated, want the header read only", name, alloc)
		}
		if elapsed > 100*time.Millisecond {
			t.Errorf("%s: refused in %v, want at once", name, elapsed)
		}
	}
}

func TestUndecodableIsAValidationError(t *testing.T) {
	t.Parallel()
	jpg := mustJPEG(t, photo(640, 480), 85)
	pngData := mustPNG(t, photo(64, 64))
	webp := mustReadFile(t, "testdata/blue-purple-pink.lossy.webp")
	tests := map[string][]byte{
		"truncated jpeg":         jpg[:len(jpg)/2],
		"jpeg header only":       jpg[:3],
		"truncated png":          pngData[:len(pngData)-40],
		"png with no pixel data": pngHeader(10, 10),
		"png 0×10":               pngHeader(0, 10),
		"truncated webp":         webp[:len(webp)/2],
		"webp magic only":        []byte("RIFF\x00\x00\x00\x00WEBP"),
	}
	for name, data := range tests {
		_, err := imaging.New().Variants(data)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		assertDomainError(t, err, domain.CodeValidation, "image could not be decoded")
	}
}

func TestOtherContentIsUnsupported(t *testing.T) {
	t.Parallel()
	var gifData bytes.Buffer
	if err := gif.Encode(&gifData, stripes(30, 30), nil); err != nil {
		t.Fatal(err)
	}
	tests := map[string][]byte{
		"empty":       nil,
		"text":        []byte("definitely not a picture"),
		"gif":         gifData.Bytes(),
		"svg":         []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
		"riff wave":   []byte("RIFF\x24\x00\x00\x00WAVEfmt "),
		"short riff":  []byte("RIFF"),
		"two jpeg ff": {0xFF, 0xD8},
	}
	for name, data := range tests {
		_, err := imaging.New().Variants(data)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		assertDomainError(t, err, domain.CodeUnsupportedMedia, "image must be JPEG, PNG or WebP")
	}
}

func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	p := imaging.New()
	data := mustJPEG(t, photo(400, 300), 80)
	errs := make(chan error, 4)
	for range cap(errs) {
		go func() { _, err := p.Variants(data); errs <- err }()
	}
	for range cap(errs) {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
