package app

import (
	"context"
	"fmt"
	"html"
	"net/url"

	"github.com/mealplanner/backend/domain/user"
	"github.com/mealplanner/backend/ports"
)

func (a *Accounts) sendWelcome(u *user.User) {
	a.tasks.Go("welcome email", func(ctx context.Context) error {
		return a.Mailer.Send(ctx, welcomeEmail(u, a.cfg.AppURL))
	})
}

func greeting(u *user.User) string {
	if u.Name != "" {
		return "Hello " + u.Name + ","
	}
	return "Hello,"
}

func welcomeEmail(u *user.User, appURL string) ports.Email {
	text := fmt.Sprintf("%s\n\nWelcome to Meal Planner. Plan your week, and your shopping list writes itself:\n%s\n", greeting(u), appURL)
	body := fmt.Sprintf("<p>%s</p><p>Welcome to Meal Planner. Plan your week, and your shopping list writes itself.</p><p><a href=\"%s\">Open Meal Planner</a></p>",
		html.EscapeString(greeting(u)), html.EscapeString(appURL))
	return ports.Email{To: u.Email, ToName: u.Name, Subject: "Welcome to Meal Planner", Text: text, HTML: body, Category: "welcome"}
}

func resetEmail(u *user.User, resetURL, secret string) ports.Email {
	link := resetURL + "?token=" + url.QueryEscape(secret)
	text := fmt.Sprintf("%s\n\nSomeone asked to reset the password of your Meal Planner account. If it was you, open this link within an hour:\n%s\n\nIf it was not, ignore this email; your password stays as it is.\n", greeting(u), link)
	body := fmt.Sprintf("<p>%s</p><p>Someone asked to reset the password of your Meal Planner account. If it was you, open this link within an hour:</p><p><a href=\"%s\">Reset my password</a></p><p>If it was not, ignore this email; your password stays as it is.</p>",
		html.EscapeString(greeting(u)), html.EscapeString(link))
	return ports.Email{To: u.Email, ToName: u.Name, Subject: "Reset your Meal Planner password", Text: text, HTML: body, Category: "password_reset"}
}
