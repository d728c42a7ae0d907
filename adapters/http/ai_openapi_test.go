package http

// aiOperations are the routes of CONTRACT §7.
var aiOperations = []string{
	"POST /ai/nutrition-balance", "POST /ai/nutrition-analysis",
}
