package imaging_test

import (
	"testing"

	"github.com/mealplanner/backend/adapters/imaging"
)

// BenchmarkVariantsPhoto measures the whole set for a 4000×3000 camera-sized
// JPEG: decode, three cover-cropped renditions and their encoding.
func BenchmarkVariantsPhoto(b *testing.B) {
	data := mustJPEG(b, photo(4000, 3000), 90)
	p := imaging.New()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for b.Loop() {
		if _, err := p.Variants(data); err != nil {
			b.Fatal(err)
		}
	}
}
