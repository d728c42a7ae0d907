package imaging_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"testing"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

// photo draws a busy picture (gradients and a fine pattern) so that the JPEG
// encoder and the scaler do as much work as on a real photograph.
func photo(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			i := img.PixOffset(x, y)
			img.Pix[i] = uint8(x * 255 / w)
			img.Pix[i+1] = uint8(y * 255 / h)
			img.Pix[i+2] = uint8((x*7 + y*13) % 256)
			img.Pix[i+3] = 255
		}
	}
	return img
}

// stripes is w×h in three equal vertical bands: red, green, blue.
func stripes(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	bands := []color.RGBA{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}}
	for x := range w {
		img.SetRGBA(x, 0, bands[x*3/w])
	}
	for y := 1; y < h; y++ {
		copy(img.Pix[y*img.Stride:], img.Pix[:w*4])
	}
	return img
}

func mustJPEG(tb testing.TB, img image.Image, quality int) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: quality}); err != nil {
		tb.Fatalf("jpeg.Encode: %v", err)
	}
	return buf.Bytes()
}

func mustPNG(tb testing.TB, img image.Image) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatalf("png.Encode: %v", err)
	}
	return buf.Bytes()
}

func mustReadFile(tb testing.TB, name string) []byte {
	tb.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		tb.Fatalf("read %s: %v", name, err)
	}
	return data
}

// pngHeader is a PNG signature and an IHDR chunk announcing w×h RGBA
// pixels, with no pixel data after it.
func pngHeader(w, h uint32) []byte {
	ihdr := make([]byte, 0, 17)
	ihdr = append(ihdr, "IHDR"...)
	ihdr = binary.BigEndian.AppendUint32(ihdr, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 6, 0, 0, 0) // depth 8, RGBA, deflate, no filter, no interlace
	out := []byte("\x89PNG\r\n\x1a\n")
	out = binary.BigEndian.AppendUint32(out, 13)
	out = append(out, ihdr...)
	return binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(ihdr))
}

// withJPEGSize rewrites the frame header of a baseline JPEG to announce w×h.
func withJPEGSize(tb testing.TB, data []byte, w, h uint16) []byte {
	tb.Helper()
	i := bytes.Index(data, []byte{0xFF, 0xC0})
	if i < 0 {
		tb.Fatal("no SOF0 marker in the JPEG")
	}
	out := bytes.Clone(data)
	// FF C0, length (2), precision (1), then height and width.
	binary.BigEndian.PutUint16(out[i+5:], h)
	binary.BigEndian.PutUint16(out[i+7:], w)
	return out
}

func mustVariants(tb testing.TB, p ports.ImageProcessor, data []byte) []ports.ImageVariant {
	tb.Helper()
	vs, err := p.Variants(data)
	if err != nil {
		tb.Fatalf("Variants: %v", err)
	}
	return vs
}

func variant(tb testing.TB, vs []ports.ImageVariant, name string) ports.ImageVariant {
	tb.Helper()
	for _, v := range vs {
		if v.Name == name {
			return v
		}
	}
	tb.Fatalf("no %q variant", name)
	return ports.ImageVariant{}
}

func mustDecodeJPEG(tb testing.TB, data []byte) image.Image {
	tb.Helper()
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		tb.Fatalf("variant is not a JPEG: %v", err)
	}
	return img
}

// assertDomainError checks that err is a *domain.Error with code and message.
func assertDomainError(tb testing.TB, err error, code domain.Code, message string) {
	tb.Helper()
	var de *domain.Error
	if !errors.As(err, &de) {
		tb.Fatalf("error %v (%T) is not a *domain.Error", err, err)
	}
	if de.Code != code || de.Message != message {
		tb.Errorf("error = %s %q, want %s %q", de.Code, de.Message, code, message)
	}
}

// assertColour checks that the pixel at (x, y) is within tolerance of want.
func assertColour(tb testing.TB, img image.Image, x, y int, want color.RGBA) {
	tb.Helper()
	r, g, b, _ := img.At(x, y).RGBA()
	got := color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
	near := func(a, b uint8) bool { return max(a, b)-min(a, b) <= 40 }
	if !near(got.R, want.R) || !near(got.G, want.G) || !near(got.B, want.B) {
		tb.Errorf("pixel (%d,%d) = %v, want about %v", x, y, got, want)
	}
}
