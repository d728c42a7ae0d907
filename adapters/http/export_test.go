package http

// CheckResponse lets the black-box component tests validate every response
// against the OpenAPI document.
var CheckResponse = checkResponse
