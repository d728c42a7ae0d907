package measure_test

import (
	"testing"

	"github.com/mealplanner/backend/domain/measure"
)

// benchLines are typical measures: TheMealDB's and cookbook spellings.
var benchLines = []string{
	"1 1/2 cups", "200g", "2 tbsp", "1 tsp", "3 cloves", "1 can (400g) chopped tomatoes", "to taste",
	"2 large", "1/2 lb", "1 ½ tsp", "Pinch", "2-3 tbsp", "500ml", "1 cup, chopped", "Juice of 1",
	"4 oz ", "1 tbls", "2 Tblsp", "Dash", "100g ",
}

// BenchmarkParse measures one line of the mix per operation; the budget is
// 2 µs a line on the 2-core project machine.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		measure.Parse(benchLines[i%len(benchLines)])
	}
}
