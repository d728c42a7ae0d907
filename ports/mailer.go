package ports

import "context"

// Email is one message to one recipient.
type Email struct {
	To       string
	ToName   string
	Subject  string
	Text     string
	HTML     string
	Category string            // e.g. "password_reset", for provider analytics
	Headers  map[string]string // extra headers such as List-Unsubscribe
}

// Mailer delivers email.
type Mailer interface {
	// Send hands the message to the provider. SERVICE_UNAVAILABLE when the
	// provider cannot be reached or refuses for a transient reason.
	Send(ctx context.Context, e Email) error
}
