package app

import (
	"context"
	"log/slog"
	"sync"
	"time"
)

// tasks runs side effects that must not delay or fail the request that caused
// them (a welcome email, say) and lets shutdown wait for them.
type tasks struct {
	wg      sync.WaitGroup
	logger  *slog.Logger
	timeout time.Duration
}

func newTasks(logger *slog.Logger) *tasks {
	return &tasks{logger: logger, timeout: 30 * time.Second}
}

// Go runs fn in the background with its own deadline: the request's context
// ends with the response, the task must not.
func (t *tasks) Go(name string, fn func(ctx context.Context) error) {
	t.wg.Add(1)
	go func() {
		defer t.wg.Done()
		ctx, cancel := context.WithTimeout(context.Background(), t.timeout)
		defer cancel()
		if err := fn(ctx); err != nil {
			t.logger.Error("background task failed", "task", name, "err", err)
		}
	}()
}

// Wait blocks until every task finished or ctx ends.
func (t *tasks) Wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { t.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
