package http

// planOperations are the routes of CONTRACT §5, and the listing of a user's
// plans from §3.
var planOperations = []string{
	"GET /meal-plans", "POST /meal-plans", "POST /meal-plans/meals",
	"GET /meal-plans/{id}", "PUT /meal-plans/{id}", "PATCH /meal-plans/{id}", "DELETE /meal-plans/{id}",
	"POST /meal-plans/{id}/meals", "DELETE /meal-plans/{id}/meals",
	"POST /meal-plans/{id}/copy-day", "POST /meal-plans/{id}/clear", "POST /meal-plans/{id}/copy-week",
	"GET /users/{userId}/meal-plans",
}
