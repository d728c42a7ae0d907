package evaluate

import "testing"

func BenchmarkRun(b *testing.B) {
	rs := mustSeed(b)
	for b.Loop() {
		Run(rs, Config{Seed: 1})
	}
}
