package http

import (
	"net/http"
	"time"

	"github.com/mealplanner/backend/app"
)

type authResponse struct {
	User         userJSON  `json:"user"`
	Token        string    `json:"token"`
	RefreshToken string    `json:"refreshToken"`
	ExpiresAt    time.Time `json:"expiresAt"`
}

type refreshResponse struct {
	Token        string    `json:"token"`
	RefreshToken string    `json:"refreshToken"`
	ExpiresAt    time.Time `json:"expiresAt"`
}

type userResponse struct {
	User userJSON `json:"user"`
}

type messageResponse struct {
	Message string `json:"message"`
}

func newAuthResponse(c app.Credentials) authResponse {
	return authResponse{User: toUserJSON(c.User), Token: c.AccessToken, RefreshToken: c.RefreshToken, ExpiresAt: c.ExpiresAt.UTC()}
}

func handleRegister(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Email    string `json:"email"`
		Password string `json:"password"`
		Name     string `json:"name"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		creds, err := accounts.Register(r.Context(), app.Registration{Email: in.Email, Password: in.Password, Name: in.Name})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusCreated, newAuthResponse(creds))
	}
}

func handleLogin(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Email      string `json:"email"`
		Password   string `json:"password"`
		RememberMe bool   `json:"rememberMe"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		creds, err := accounts.SignIn(r.Context(), app.Login{Email: in.Email, Password: in.Password, RememberMe: in.RememberMe})
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, newAuthResponse(creds))
	}
}

// handleRefresh takes {refreshToken}, or {token} as the original backend did.
func handleRefresh(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		RefreshToken string `json:"refreshToken"`
		Token        string `json:"token"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		token := in.RefreshToken
		if token == "" {
			token = in.Token
		}
		creds, err := accounts.Refresh(r.Context(), token)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, refreshResponse{Token: creds.AccessToken, RefreshToken: creds.RefreshToken, ExpiresAt: creds.ExpiresAt.UTC()})
	}
}

func handleLogout(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		RefreshToken string `json:"refreshToken"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := accounts.SignOut(r.Context(), principalFrom(r.Context()), in.RefreshToken); err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, messageResponse{Message: "logged out successfully"})
	}
}

func handleMe(accounts *app.Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := accounts.GetUser(r.Context(), principalFrom(r.Context()), app.Me)
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, userResponse{User: toUserJSON(u)})
	}
}

func handleOnboardingComplete(accounts *app.Accounts) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		u, err := accounts.CompleteOnboarding(r.Context(), principalFrom(r.Context()))
		if err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, userResponse{User: toUserJSON(u)})
	}
}

func handleForgotPassword(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Email string `json:"email"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := accounts.RequestPasswordReset(r.Context(), in.Email); err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, messageResponse{Message: "If the email exists, a password reset link has been sent."})
	}
}

func handleResetPassword(accounts *app.Accounts) http.HandlerFunc {
	type request struct {
		Token       string `json:"token"`
		NewPassword string `json:"newPassword"`
	}
	return func(w http.ResponseWriter, r *http.Request) {
		in, err := decode[request](w, r)
		if err != nil {
			writeError(w, r, err)
			return
		}
		if err := accounts.ResetPassword(r.Context(), in.Token, in.NewPassword); err != nil {
			writeError(w, r, err)
			return
		}
		respond(w, r, http.StatusOK, messageResponse{Message: "Password reset successful. You can now log in with your new password."})
	}
}
