package domain_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/mealplanner/backend/domain"
)

func TestErrorCodeFindsWrappedErrors(t *testing.T) {
	t.Parallel()
	err := fmt.Errorf("loading: %w", domain.NotFound("recipe not found"))
	if domain.ErrorCode(err) != domain.CodeNotFound || !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("wrapped not-found not recognised: %v", err)
	}
	if errors.Is(err, domain.ErrConflict) {
		t.Error("not-found matched the conflict sentinel")
	}
	if domain.ErrorCode(errors.New("boom")) != domain.CodeInternal {
		t.Error("an unknown error must be internal")
	}
}

func TestFieldErrorsKeepsFirstMessagePerField(t *testing.T) {
	t.Parallel()
	var f domain.FieldErrors
	if f.Err() != nil {
		t.Fatal("empty FieldErrors must be nil")
	}
	f.Add("email", "invalid email format")
	f.Add("email", "second")
	f.Add("name", "too long")
	var e *domain.Error
	if !errors.As(f.Err(), &e) || e.Message != "invalid email format" || e.Details["email"] != "invalid email format" || len(e.Details) != 2 {
		t.Errorf("Err = %+v", e)
	}
}
