package http

// aiOperations are the routes of CONTRACT §7.
var aiOperations = []string{
	"POST /ai/suggestions", "POST /ai/nutrition-balance", "POST /ai/nutrition-analysis",
	"POST /ai/substitutions", "POST /ai/generate-plan",
}
