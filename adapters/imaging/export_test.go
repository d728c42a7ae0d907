package imaging

// NewWithMaxSide builds a Processor with a smaller size limit, so the fuzzer
// spends its time on parsing rather than on allocating huge pictures.
func NewWithMaxSide(maxSide int) *Processor { return newProcessor(maxSide) }

// CoverRect exposes the crop arithmetic to the tests.
var CoverRect = coverRect
