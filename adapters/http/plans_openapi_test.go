package http

// planOperations are the routes of CONTRACT §5.
var planOperations = []string{}
