package ports

import "context"

// Pinger is a dependency that can say whether it answers.
type Pinger interface {
	Ping(ctx context.Context) error
}
