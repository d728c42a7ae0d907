// Package memory holds in-memory adapters of every port: repositories, cache,
// rate limiter, revocation list, mailer and clock. They are real
// implementations, held to the same contract suites (ports/porttest) as the
// SQL, Redis and HTTP adapters, and serve both as the fakes of fast tests and
// as the single-process defaults.
package memory
