package http

import (
	"context"
	"net/http"
	"strings"

	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/domain"
)

// authenticator is the part of the account use cases the middleware needs.
type authenticator interface {
	Authenticate(ctx context.Context, token string) (app.Principal, error)
}

type principalKey struct{}

var errAuthRequired = &domain.Error{Code: domain.CodeUnauthorized, Message: "authentication required"}

// requireUser lets a request through only with a valid, unrevoked bearer token
// and hands the caller to the handler through the context.
func requireUser(auth authenticator) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token, ok := bearerToken(r)
			if !ok {
				writeError(w, r, errAuthRequired)
				return
			}
			p, err := auth.Authenticate(r.Context(), token)
			if err != nil {
				writeError(w, r, err)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), principalKey{}, p)))
		})
	}
}

func bearerToken(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(h, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	token = strings.TrimSpace(token)
	return token, token != ""
}

// principalFrom returns the caller that requireUser authenticated.
func principalFrom(ctx context.Context) app.Principal {
	p, _ := ctx.Value(principalKey{}).(app.Principal)
	return p
}
