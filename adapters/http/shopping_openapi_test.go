package http

// shoppingOperations are the routes of CONTRACT §6.
var shoppingOperations = []string{}
