package http

// aiOperations are the routes of CONTRACT §7.
var aiOperations = []string{}
