package http_test

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRegisterAnswersUserAndTokens(t *testing.T) {
	a := newAPI(t)
	res := a.do("POST", "/api/auth/register", "", map[string]string{"email": " Ada@Example.com ", "password": goodPassword, "name": ""})
	wantStatus(t, res, http.StatusCreated)
	m := res.JSON(t)
	u := m["user"].(map[string]any)
	if u["email"] != "ada@example.com" || u["role"] != "user" || u["hasCompletedOnboarding"] != false {
		t.Errorf("user = %v", u)
	}
	prefs := u["preferences"].(map[string]any)
	for _, k := range []string{"dietary", "allergies", "dislikedIngredients", "favoriteCuisines"} {
		if list, ok := prefs[k].([]any); !ok || len(list) != 0 {
			t.Errorf("preferences.%s = %#v, want []", k, prefs[k])
		}
	}
	if _, err := time.Parse(time.RFC3339, m["expiresAt"].(string)); err != nil {
		t.Errorf("expiresAt: %v", err)
	}
	if strings.Contains(string(res.Body), "password") {
		t.Errorf("response mentions the password: %s", res.Body)
	}
}

func TestRegisterErrorsUseTheContractTexts(t *testing.T) {
	a := newAPI(t)
	a.register("taken@example.com")
	tests := []struct {
		name, email, password string
		status                int
		text                  string
	}{
		{"duplicate email in another case", "TAKEN@example.com", goodPassword, 409, "Email already exists"},
		{"short password", "new@example.com", "Ab1!", 400, "password must be at least 8 characters"},
		{"weak password", "new@example.com", "alllowercase1", 400, "password must contain uppercase, lowercase, number, and special character"},
		{"bad email", "not-an-email", goodPassword, 400, "invalid email format"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.do("POST", "/api/v1/auth/register", "", map[string]string{"email": tt.email, "password": tt.password})
			wantStatus(t, res, tt.status)
			if got := res.ErrorText(t); got != tt.text {
				t.Errorf("error = %q, want %q", got, tt.text)
			}
		})
	}
}

func TestLoginFailuresLockTheAccount(t *testing.T) {
	a := newAPI(t)
	s := a.register("lock@example.com")
	unknown := a.do("POST", "/api/auth/login", "", map[string]string{"email": "nobody@example.com", "password": goodPassword})
	wantStatus(t, unknown, 401)
	if unknown.ErrorText(t) != "Invalid email or password" {
		t.Errorf("unknown email: %s", unknown.Body)
	}
	wrong := map[string]string{"email": s.Email, "password": "Wr0ng!pass"}
	for i := 1; i <= 2; i++ {
		res := a.do("POST", "/api/auth/login", "", wrong)
		wantStatus(t, res, 401)
		if res.ErrorText(t) != "Invalid email or password" {
			t.Errorf("failure %d: %s", i, res.Body)
		}
	}
	third := a.do("POST", "/api/auth/login", "", wrong)
	wantStatus(t, third, 403)
	if m := third.JSON(t); m["code"] != "ACCOUNT_LOCKED" || !strings.Contains(m["error"].(string), "locked") {
		t.Errorf("third failure: %s", third.Body)
	}
	right := map[string]string{"email": s.Email, "password": goodPassword}
	wantStatus(t, a.do("POST", "/api/auth/login", "", right), 403)

	a.app.Clock.Advance(5*time.Minute + time.Second)
	wantStatus(t, a.do("POST", "/api/auth/login", "", right), 200)
	// Success reset the count: two more failures do not lock.
	a.do("POST", "/api/auth/login", "", wrong)
	wantStatus(t, a.do("POST", "/api/auth/login", "", wrong), 401)
}

func TestMeRestoresTheSessionAndLogoutEndsIt(t *testing.T) {
	a := newAPI(t)
	s := a.register("me@example.com")
	other := a.login(s.Email, goodPassword)
	for _, prefix := range []string{"/api", "/api/v1"} {
		res := a.do("GET", prefix+"/auth/me", s.Token, nil)
		wantStatus(t, res, 200)
		if res.JSON(t)["user"].(map[string]any)["id"] != s.ID {
			t.Errorf("%s/auth/me: %s", prefix, res.Body)
		}
	}
	wantStatus(t, a.do("POST", "/api/auth/logout", s.Token, nil), 200)
	res := a.do("GET", "/api/auth/me", s.Token, nil)
	wantStatus(t, res, 401)
	wantStatus(t, a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": s.Refresh}), 401)
	// Another sign-in of the same user is untouched.
	wantStatus(t, a.do("GET", "/api/auth/me", other.Token, nil), 200)
}

func TestMissingOrBadTokensAre401(t *testing.T) {
	a := newAPI(t)
	s := a.register("tok@example.com")
	for name, header := range map[string]string{
		"none": "", "not bearer": "Basic abc", "garbage": "Bearer abc.def.ghi", "tampered": "Bearer " + s.Token + "x",
	} {
		req, _ := http.NewRequest("GET", a.srv.URL+"/api/v1/auth/me", nil)
		if header != "" {
			req.Header.Set("Authorization", header)
		}
		res := a.send(req)
		if res.Status != 401 || res.JSON(t)["code"] != "UNAUTHORIZED" {
			t.Errorf("%s: %d %s", name, res.Status, res.Body)
		}
	}
	a.app.Clock.Advance(time.Hour + time.Minute) // past expiry and the verifier's few seconds of leeway
	wantStatus(t, a.do("GET", "/api/v1/auth/me", s.Token, nil), 401)
}

func TestRefreshRotatesAndDetectsReuse(t *testing.T) {
	a := newAPI(t)
	s := a.register("rot@example.com")
	res := a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": s.Refresh})
	wantStatus(t, res, 200)
	m := res.JSON(t)
	next, token := m["refreshToken"].(string), m["token"].(string)
	if next == "" || next == s.Refresh || token == "" {
		t.Fatalf("refresh did not rotate: %s", res.Body)
	}
	wantStatus(t, a.do("GET", "/api/auth/me", token, nil), 200)
	// The {token} spelling of the original backend works too.
	res = a.do("POST", "/api/auth/refresh", "", map[string]string{"token": next})
	wantStatus(t, res, 200)
	latest := res.JSON(t)["refreshToken"].(string)

	// Replaying a retired token revokes the family: the latest token and access tokens die.
	replay := a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": s.Refresh})
	wantStatus(t, replay, 401)
	if replay.ErrorText(t) != "invalid or expired token" {
		t.Errorf("replay: %s", replay.Body)
	}
	wantStatus(t, a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": latest}), 401)
	wantStatus(t, a.do("GET", "/api/auth/me", token, nil), 401)
	wantStatus(t, a.do("POST", "/api/auth/refresh", "", map[string]string{}), 401)
}

func TestRefreshTokensExpire(t *testing.T) {
	a := newAPI(t)
	s := a.register("exp@example.com")
	a.app.Clock.Advance(7*24*time.Hour + time.Minute)
	wantStatus(t, a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": s.Refresh}), 401)
}

func TestAtMostFiveSessions(t *testing.T) {
	a := newAPI(t)
	first := a.register("five@example.com")
	for range 5 {
		a.app.Clock.Advance(time.Second)
		a.login(first.Email, goodPassword)
	}
	wantStatus(t, a.do("GET", "/api/auth/me", first.Token, nil), 401)
	wantStatus(t, a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": first.Refresh}), 401)
}

func TestPasswordChangeRevokesOtherSessions(t *testing.T) {
	a := newAPI(t)
	s := a.register("pw@example.com")
	other := a.login(s.Email, goodPassword)
	bad := a.do("PUT", "/api/auth/password", s.Token, map[string]string{"currentPassword": "Wr0ng!pass", "newPassword": "N3w!password"})
	wantStatus(t, bad, 400)
	if bad.ErrorText(t) != "current password is incorrect" {
		t.Errorf("wrong current: %s", bad.Body)
	}
	weak := a.do("PUT", "/api/auth/password", s.Token, map[string]string{"currentPassword": goodPassword, "newPassword": "weak"})
	wantStatus(t, weak, 400)
	wantStatus(t, a.do("PUT", "/api/auth/password", s.Token, map[string]string{"currentPassword": goodPassword, "newPassword": "N3w!password"}), 200)
	wantStatus(t, a.do("GET", "/api/auth/me", s.Token, nil), 200)
	wantStatus(t, a.do("GET", "/api/auth/me", other.Token, nil), 401)
	wantStatus(t, a.do("POST", "/api/auth/refresh", "", map[string]string{"refreshToken": other.Refresh}), 401)
	a.login(s.Email, "N3w!password")
}

func TestForgotAndResetPassword(t *testing.T) {
	a := newAPI(t)
	s := a.register("reset@example.com")
	for _, email := range []string{s.Email, "ghost@example.com"} {
		res := a.do("POST", "/api/auth/forgot-password", "", map[string]string{"email": email})
		wantStatus(t, res, 200)
	}
	if err := a.app.Accounts.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
	token := resetTokenFromMail(t, a, s.Email)
	weak := a.do("POST", "/api/auth/reset-password", "", map[string]string{"token": token, "newPassword": "weak"})
	wantStatus(t, weak, 400)
	wantStatus(t, a.do("POST", "/api/auth/reset-password", "", map[string]string{"token": token, "newPassword": "R3set!password"}), 200)
	again := a.do("POST", "/api/auth/reset-password", "", map[string]string{"token": token, "newPassword": "R3set!password2"})
	wantStatus(t, again, 400)
	if again.ErrorText(t) != "invalid or expired reset token" {
		t.Errorf("reused token: %s", again.Body)
	}
	wantStatus(t, a.do("GET", "/api/auth/me", s.Token, nil), 401)
	a.login(s.Email, "R3set!password")
}

func TestResetTokensExpireAfterAnHour(t *testing.T) {
	a := newAPI(t)
	s := a.register("late@example.com")
	a.do("POST", "/api/auth/forgot-password", "", map[string]string{"email": s.Email})
	if err := a.app.Accounts.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
	token := resetTokenFromMail(t, a, s.Email)
	a.app.Clock.Advance(time.Hour + time.Second)
	wantStatus(t, a.do("POST", "/api/auth/reset-password", "", map[string]string{"token": token, "newPassword": "R3set!password"}), 400)
}

func resetTokenFromMail(t *testing.T, a *api, email string) string {
	t.Helper()
	var found string
	for _, m := range a.app.Mailer.Sent() {
		if m.To != email || m.Category != "password_reset" {
			continue
		}
		_, after, ok := strings.Cut(m.Text, "?token=")
		if !ok {
			t.Fatalf("reset email without a link: %q", m.Text)
		}
		found = strings.Fields(after)[0]
	}
	if found == "" {
		t.Fatalf("no reset email to %s among %d sent", email, len(a.app.Mailer.Sent()))
	}
	for _, m := range a.app.Mailer.Sent() {
		if m.To == "ghost@example.com" {
			t.Error("a reset email went to an address without an account")
		}
	}
	return found
}

func TestWelcomeEmailIsSent(t *testing.T) {
	a := newAPI(t)
	a.register("welcome@example.com")
	if err := a.app.Accounts.Drain(t.Context()); err != nil {
		t.Fatal(err)
	}
	sent := a.app.Mailer.Sent()
	if len(sent) != 1 || sent[0].To != "welcome@example.com" || sent[0].Category != "welcome" {
		t.Errorf("sent = %+v", sent)
	}
}

func TestOnboardingAndProfile(t *testing.T) {
	a := newAPI(t)
	s := a.register("prof@example.com")
	taken := a.register("taken2@example.com")
	res := a.do("POST", "/api/auth/onboarding/complete", s.Token, nil)
	wantStatus(t, res, 200)
	if res.JSON(t)["user"].(map[string]any)["hasCompletedOnboarding"] != true {
		t.Errorf("onboarding: %s", res.Body)
	}
	res = a.do("PUT", "/api/auth/profile", s.Token, map[string]string{"name": "  Grace  ", "email": "Grace@Example.com"})
	wantStatus(t, res, 200)
	u := res.JSON(t)["user"].(map[string]any)
	if u["name"] != "Grace" || u["email"] != "grace@example.com" {
		t.Errorf("profile: %v", u)
	}
	conflict := a.do("PUT", "/api/auth/profile", s.Token, map[string]string{"email": taken.Email})
	wantStatus(t, conflict, 409)
	if conflict.ErrorText(t) != "email already in use" {
		t.Errorf("conflict: %s", conflict.Body)
	}
	a.login("grace@example.com", goodPassword)
}

func TestPreferencesValidation(t *testing.T) {
	a := newAPI(t)
	s := a.register("prefs@example.com")
	res := a.do("PUT", "/api/auth/preferences", s.Token, map[string]any{
		"theme": "dark", "dietary": []string{"vegan"}, "allergies": []string{"PEANUTS", "kiwi"},
		"householdSize": 4, "maxPrepTime": 30, "unitSystem": "us", "timezone": "America/New_York",
		"nutritionTargets": map[string]int{"calories": 2000, "protein": 90, "carbohydrate": 250, "fat": 70, "fiber": 30, "sodium": 2300},
		"email":            map[string]bool{"weeklySummary": false},
	})
	wantStatus(t, res, 200)
	p := res.JSON(t)["user"].(map[string]any)["preferences"].(map[string]any)
	if p["theme"] != "dark" || p["dietary"].([]any)[0] != "Vegan" || p["allergies"].([]any)[0] != "Peanuts" ||
		p["householdSize"] != 4.0 || p["maxPrepTime"] != 30.0 || p["email"].(map[string]any)["weeklySummary"] != false {
		t.Errorf("preferences: %v", p)
	}
	res = a.do("PATCH", "/api/v1/users/me/preferences", s.Token, map[string]any{"maxPrepTime": nil, "nutritionTargets": nil})
	wantStatus(t, res, 200)
	p = res.JSON(t)["user"].(map[string]any)["preferences"].(map[string]any)
	if p["maxPrepTime"] != nil || p["nutritionTargets"] != nil || p["theme"] != "dark" {
		t.Errorf("clearing: %v", p)
	}
	bad := a.do("PUT", "/api/auth/preferences", s.Token, map[string]any{"dietary": []string{"Carnivore"}, "householdSize": 0, "theme": "blue"})
	wantStatus(t, bad, 400)
	details := bad.JSON(t)["details"].(map[string]any)
	for _, f := range []string{"dietary", "householdSize", "theme"} {
		if _, ok := details[f]; !ok {
			t.Errorf("details lack %s: %v", f, details)
		}
	}
	wrongType := a.do("PUT", "/api/auth/preferences", s.Token, `{"householdSize":"four"}`)
	wantStatus(t, wrongType, 400)
}

func TestBadRequestsGet4xxWithTheErrorBody(t *testing.T) {
	a := newAPI(t)
	tests := []struct {
		name   string
		req    func() *http.Request
		status int
	}{
		{"malformed JSON", func() *http.Request { return jsonReq(a, "POST", "/api/auth/login", `{"email":`) }, 400},
		{"array body", func() *http.Request { return jsonReq(a, "POST", "/api/auth/login", `[]`) }, 400},
		{"text body", func() *http.Request {
			r := jsonReq(a, "POST", "/api/auth/login", `email=x`)
			r.Header.Set("Content-Type", "text/plain")
			return r
		}, 415},
		{"body over 1 MiB", func() *http.Request {
			return jsonReq(a, "POST", "/api/auth/register", `{"name":"`+strings.Repeat("x", 1<<20)+`"}`)
		}, 413},
		{"unknown route", func() *http.Request { return jsonReq(a, "GET", "/api/v1/nothing-here", "") }, 404},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := a.send(tt.req())
			wantStatus(t, res, tt.status)
			m := res.JSON(t)
			if _, ok := m["error"].(string); !ok || m["code"] == "" {
				t.Errorf("body %s lacks the contract's error shape", res.Body)
			}
		})
	}
}

func jsonReq(a *api, method, path, body string) *http.Request {
	req, _ := http.NewRequest(method, a.srv.URL+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	return req
}
