// Package ports declares what the application core needs from the outside
// world. Every interface here speaks domain types only, takes a context first,
// and says in its doc comment which domain error codes it returns; anything
// else it returns is an internal failure.
package ports
