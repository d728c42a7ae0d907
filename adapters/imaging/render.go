package imaging

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"

	"golang.org/x/image/draw"

	"github.com/mealplanner/backend/ports"
)

// jpegQuality keeps variants small with no artefacts visible at their size.
const jpegQuality = 82

// size is one rendition the contract asks for.
type size struct {
	name          string
	width, height int
}

// sizes are the contract's variants, largest first.
var sizes = []size{
	{"large", 1200, 800},
	{"medium", 600, 400},
	{"thumbnail", 200, 200},
}

// renderAll draws and encodes every variant of img.
func renderAll(img image.Image) ([]ports.ImageVariant, error) {
	opaque := isOpaque(img)
	img = shrink(img, shrinkFactor(img.Bounds()))
	out := make([]ports.ImageVariant, 0, len(sizes))
	for _, s := range sizes {
		dst := cover(img, s.width, s.height, opaque)
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: jpegQuality}); err != nil {
			return nil, fmt.Errorf("imaging: encode %s: %w", s.name, err)
		}
		out = append(out, ports.ImageVariant{Name: s.name, Data: buf.Bytes(),
			ContentType: "image/jpeg", Width: s.width, Height: s.height})
	}
	return out, nil
}

// cover scales src until it covers width×height and keeps the centre, so the
// variant has exactly the asked size and nothing is stretched. Transparent
// pixels are laid on white, since JPEG has no alpha.
func cover(src image.Image, width, height int, opaque bool) *image.RGBA {
	dst := image.NewRGBA(image.Rect(0, 0, width, height))
	op := draw.Src
	if !opaque {
		draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
		op = draw.Over
	}
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, coverRect(src.Bounds(), width, height), op, nil)
	return dst
}

// coverRect is the centred part of b that has the aspect ratio width:height
// and is as large as possible.
func coverRect(b image.Rectangle, width, height int) image.Rectangle {
	sw, sh := b.Dx(), b.Dy()
	// Compare sw/sh with width/height in integers to stay exact.
	cw, ch := sw, sh
	if sw*height > sh*width {
		cw = max(1, (sh*width+height/2)/height)
	} else {
		ch = max(1, (sw*height+width/2)/width)
	}
	x0 := b.Min.X + (sw-cw)/2
	y0 := b.Min.Y + (sh-ch)/2
	return image.Rect(x0, y0, x0+cw, y0+ch)
}

// isOpaque reports whether img has no transparent pixel, so drawing can skip
// the white background. Decoders return types that know this cheaply.
func isOpaque(img image.Image) bool {
	if o, ok := img.(interface{ Opaque() bool }); ok {
		return o.Opaque()
	}
	return false
}
