// Package app holds the use cases. Each file is one thing a user or an admin
// does; authorisation (who may touch which data), activity recording and
// side effects such as email happen here, never in adapters.
package app
