// Package domain holds the vocabulary shared by every domain package: the error
// type whose codes are the HTTP contract's, and little else.
package domain

import (
	"errors"
	"fmt"
)

// Code classifies an error. The values are the contract's error codes, so the
// HTTP adapter can map them to statuses in one table.
type Code string

// The error codes of the contract.
const (
	CodeValidation       Code = "VALIDATION_ERROR"
	CodeUnauthorized     Code = "UNAUTHORIZED"
	CodeForbidden        Code = "FORBIDDEN"
	CodeAccountLocked    Code = "ACCOUNT_LOCKED"
	CodeNotFound         Code = "NOT_FOUND"
	CodeConflict         Code = "CONFLICT"
	CodePayloadTooLarge  Code = "PAYLOAD_TOO_LARGE"
	CodeUnsupportedMedia Code = "UNSUPPORTED_MEDIA_TYPE"
	CodeRateLimited      Code = "RATE_LIMITED"
	CodeUnavailable      Code = "SERVICE_UNAVAILABLE"
	CodeInternal         Code = "INTERNAL_ERROR"
)

// Error is a failure that a client may see: its Message is safe to show and its
// Details carry structured hints (field → message for validation errors).
type Error struct {
	Code    Code
	Message string
	Details map[string]any
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// Is lets errors.Is match two errors of the same code, so repositories can
// return a sentinel and callers can test for the class of failure.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Message == "" && t.Code == e.Code
}

// Sentinels for errors.Is: they match any *Error of their code.
var (
	ErrNotFound     = &Error{Code: CodeNotFound}
	ErrConflict     = &Error{Code: CodeConflict}
	ErrValidation   = &Error{Code: CodeValidation}
	ErrUnauthorized = &Error{Code: CodeUnauthorized}
	ErrUnavailable  = &Error{Code: CodeUnavailable}
)

// Errorf builds an *Error with a formatted message.
func Errorf(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Invalid builds a validation error whose details name the offending fields.
func Invalid(message string, fields map[string]string) *Error {
	e := &Error{Code: CodeValidation, Message: message}
	if len(fields) > 0 {
		e.Details = make(map[string]any, len(fields))
		for k, v := range fields {
			e.Details[k] = v
		}
	}
	return e
}

// NotFound builds a not-found error with a message for the client.
func NotFound(message string) *Error { return &Error{Code: CodeNotFound, Message: message} }

// Conflict builds a conflict error with a message for the client.
func Conflict(message string) *Error { return &Error{Code: CodeConflict, Message: message} }

// ErrorCode returns the code of the first *Error in err's chain, or
// CodeInternal when there is none: an unrecognised error is an internal one.
func ErrorCode(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}

// IsCode reports whether err carries the given code.
func IsCode(err error, code Code) bool { return err != nil && ErrorCode(err) == code }

// FieldErrors collects per-field validation messages and turns them into one
// error. The first message added becomes the error's headline.
type FieldErrors struct {
	first  string
	fields map[string]string
}

// Add records a problem with a field; later problems with the same field are ignored.
func (f *FieldErrors) Add(field, message string) {
	if f.fields == nil {
		f.fields = map[string]string{}
	}
	if _, seen := f.fields[field]; seen {
		return
	}
	if f.first == "" {
		f.first = message
	}
	f.fields[field] = message
}

// Err returns nil when no field was reported, else a validation *Error.
func (f *FieldErrors) Err() error {
	if len(f.fields) == 0 {
		return nil
	}
	return Invalid(f.first, f.fields)
}
