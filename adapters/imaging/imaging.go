// Package imaging checks uploaded pictures and renders the variants that
// recipes show: it implements ports.ImageProcessor with the standard library's
// JPEG and PNG decoders and golang.org/x/image for WebP and scaling.
//
// EXIF orientation is ignored: JPEGs are drawn as their pixels are stored, so
// a phone photo that relies on the orientation tag comes out rotated. The
// uploads this serves are expected to be prepared by an editor, not taken raw
// from a camera.
package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"

	"github.com/mealplanner/backend/domain"
	"github.com/mealplanner/backend/ports"
)

var _ ports.ImageProcessor = (*Processor)(nil)

// MaxSide is the largest width or height accepted, in pixels.
const MaxSide = 8000

// maxConcurrent bounds how many images are decoded at once: an 8000×8000
// picture takes 256 MB or more once decoded, so a burst of uploads must not
// decode side by side without limit.
const maxConcurrent = 2

// Processor sniffs, checks, decodes and resizes uploads. Build it with New;
// it is safe for concurrent use.
type Processor struct {
	maxSide int
	slots   chan struct{}
}

// New returns a Processor that accepts pictures up to MaxSide×MaxSide.
func New() *Processor { return newProcessor(MaxSide) }

func newProcessor(maxSide int) *Processor {
	return &Processor{maxSide: maxSide, slots: make(chan struct{}, maxConcurrent)}
}

// format is one accepted encoding: its media type and decoders.
type format struct {
	contentType  string
	decodeConfig func(io.Reader) (image.Config, error)
	decode       func(io.Reader) (image.Image, error)
}

var (
	formatJPEG = format{"image/jpeg", jpeg.DecodeConfig, jpeg.Decode}
	formatPNG  = format{"image/png", png.DecodeConfig, png.Decode}
	formatWebP = format{"image/webp", webp.DecodeConfig, webp.Decode}
)

var (
	errUnsupported = &domain.Error{Code: domain.CodeUnsupportedMedia, Message: "image must be JPEG, PNG or WebP"}
	errUndecodable = &domain.Error{Code: domain.CodeValidation, Message: "image could not be decoded"}
	errTooLarge    = &domain.Error{Code: domain.CodeValidation, Message: "image is larger than 8000×8000"}
)

// Variants returns the original bytes unchanged, then the large, medium and
// thumbnail renditions as JPEG. Errors are *domain.Error:
// UNSUPPORTED_MEDIA_TYPE when the content is not JPEG, PNG or WebP,
// VALIDATION_ERROR when it does not decode or is larger than 8000×8000.
func (p *Processor) Variants(data []byte) ([]ports.ImageVariant, error) {
	f, ok := sniff(data)
	if !ok {
		return nil, errUnsupported
	}
	// The header is read first so that a small file announcing a huge
	// picture is refused before the decoder allocates its pixels.
	cfg, err := f.decodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, errUndecodable
	}
	if cfg.Width > p.maxSide || cfg.Height > p.maxSide {
		return nil, errTooLarge
	}
	p.slots <- struct{}{}
	defer func() { <-p.slots }()
	img, err := decode(f, data)
	if err != nil {
		return nil, err
	}
	out := []ports.ImageVariant{{Name: "original", Data: data, ContentType: f.contentType,
		Width: cfg.Width, Height: cfg.Height}}
	rendered, err := renderAll(img)
	if err != nil {
		return nil, err
	}
	return append(out, rendered...), nil
}

// sniff recognises the accepted formats by their magic bytes, never by what
// the client claims.
func sniff(data []byte) (format, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xD8, 0xFF}):
		return formatJPEG, true
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		return formatPNG, true
	case len(data) >= 12 && string(data[:4]) == "RIFF" && string(data[8:12]) == "WEBP":
		return formatWebP, true
	}
	return format{}, false
}

// decode runs the format's decoder and checks that it produced what the
// header announced. A decoder panic on hostile input becomes a validation
// error rather than a crash of the server.
func decode(f format, data []byte) (img image.Image, err error) {
	defer func() {
		if r := recover(); r != nil {
			img, err = nil, fmt.Errorf("%w (decoder panic: %v)", errUndecodable, r)
		}
	}()
	img, err = f.decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", errUndecodable, err)
	}
	if b := img.Bounds(); b.Dx() <= 0 || b.Dy() <= 0 {
		return nil, errUndecodable
	}
	return img, nil
}
