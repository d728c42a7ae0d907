package sql

import (
	"context"
	stdsql "database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/mealplanner/backend/domain"
)

// Errors the repositories return; their messages are safe to show.
var (
	errNotFound    = domain.NotFound("record not found")
	errConflict    = domain.Conflict("record already exists")
	errUnavailable = domain.Errorf(domain.CodeUnavailable, "database unavailable")
)

// dbError pairs a domain error, which is what callers and clients see, with
// the driver error behind it, which only the logs see.
type dbError struct {
	domain *domain.Error
	cause  error
}

func (e *dbError) Error() string   { return e.domain.Message + ": " + e.cause.Error() }
func (e *dbError) Unwrap() []error { return []error{e.domain, e.cause} }

// translate turns a driver error into the domain's vocabulary, once, at the
// edge: no rows → NOT_FOUND, unique violation → CONFLICT, a lost or refused
// connection → SERVICE_UNAVAILABLE. Domain errors pass through; anything else
// stays as it is (an internal error), wrapped.
func translate(err error) error {
	var de *domain.Error
	switch {
	case err == nil:
		return nil
	case errors.As(err, &de):
		return err
	case errors.Is(err, stdsql.ErrNoRows):
		return errNotFound
	case errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("sql: %w", err)
	case isUniqueViolation(err):
		return &dbError{domain: errConflict, cause: err}
	case isConnectionFailure(err):
		return &dbError{domain: errUnavailable, cause: err}
	}
	return fmt.Errorf("sql: %w", err)
}

// sqliteError is what both SQLite drivers' errors offer: modernc's result
// code, extended codes included.
type sqliteError interface{ Code() int }

// SQLite result codes (https://sqlite.org/rescode.html).
const (
	sqliteBusy             = 5
	sqliteLocked           = 6
	sqliteCantOpen         = 14
	sqliteConstraintPK     = 1555
	sqliteConstraintUnique = 2067
)

func isUniqueViolation(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Code == "23505"
	}
	var se sqliteError
	if errors.As(err, &se) {
		c := se.Code()
		return c == sqliteConstraintUnique || c == sqliteConstraintPK
	}
	return strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// connectionErrors are the failures of the connection itself, as opposed to
// the statement.
var connectionErrors = []error{driver.ErrBadConn, stdsql.ErrConnDone, syscall.ECONNREFUSED,
	syscall.ECONNRESET, io.ErrUnexpectedEOF, io.EOF}

func isConnectionFailure(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return isPostgresUnavailable(pe.Code)
	}
	var se sqliteError
	if errors.As(err, &se) {
		// a write lock still held after busy_timeout is a transient overload
		c := se.Code() & 0xff
		return c == sqliteBusy || c == sqliteLocked || c == sqliteCantOpen
	}
	var ce *pgconn.ConnectError
	var ne net.Error
	if errors.As(err, &ce) || errors.As(err, &ne) {
		return true
	}
	for _, target := range connectionErrors {
		if errors.Is(err, target) {
			return true
		}
	}
	return false
}

// isPostgresUnavailable recognises SQLSTATE class 08 (connection exception),
// 57P01–57P03 (the server is shutting down or starting) and 53300 (too many
// connections).
func isPostgresUnavailable(code string) bool {
	return strings.HasPrefix(code, "08") || strings.HasPrefix(code, "57P0") || code == "53300"
}

// notFoundAs gives the generic not-found error the repository's own message.
func notFoundAs(err, notFound error) error {
	if err == errNotFound {
		return notFound
	}
	return err
}
