package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"
)

// serve runs the API until ctx ends, then shuts down in order: readiness
// fails, in-flight requests finish (bounded), background work drains, and the
// assembly's cleanups close connections.
func serve(ctx context.Context, env Env, cfg Config, logger *slog.Logger, assemble Assembler) error {
	if cfg.Embedded() {
		if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
			return fmt.Errorf("creating DATA_DIR: %w", err)
		}
	}
	a, cleanup, err := assemble(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer cleanup()
	applied, err := a.Migrate(ctx)
	if err != nil {
		return fmt.Errorf("migrating: %w", err)
	}
	logger.Info("database ready", "migrations_applied", len(applied), "embedded", cfg.Embedded())
	if cfg.Embedded() {
		if err := seedFirstStart(ctx, env, cfg, logger, a); err != nil {
			return err
		}
	}

	// Listen before serving, so a busy port fails at once and :0 works in tests.
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", cfg.Addr, err)
	}
	srv := &http.Server{
		Handler:           a.Handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	logger.Info("listening", "addr", ln.Addr().String(), "version", env.Version)
	if env.Listening != nil {
		env.Listening(ln.Addr().String())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if a.AI != nil {
		a.AI.WarmUp()
	}

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	return shutdown(srv, a, cfg, logger, errc)
}

func shutdown(srv *http.Server, a *App, cfg Config, logger *slog.Logger, errc <-chan error) error {
	logger.Info("shutting down", "timeout", cfg.ShutdownTimeout.String())
	if a.Drain != nil {
		a.Drain()
	}
	ctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
	defer cancel()
	err := srv.Shutdown(ctx)
	if serveErr := <-errc; serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		err = errors.Join(err, serveErr)
	}
	// Emails and activity records still in flight finish before the
	// connections they need are closed.
	derr := errors.Join(a.Accounts.Drain(ctx), a.Catalogue.Drain(ctx), a.Planner.Drain(ctx), a.Shopping.Drain(ctx))
	if a.AI != nil {
		derr = errors.Join(derr, a.AI.Drain(ctx))
	}
	if derr != nil {
		logger.Warn("background work did not finish before the deadline", "err", derr)
	}
	logger.Info("stopped")
	return err
}

// seedFirstStart loads the seed recipes when the embedded catalogue is empty,
// so that `make run` on a fresh clone shows real recipes.
func seedFirstStart(ctx context.Context, env Env, cfg Config, logger *slog.Logger, a *App) error {
	empty, err := a.Catalogue.IsEmpty(ctx)
	if err != nil || !empty {
		return err
	}
	written, err := ReadRecipes(cfg.SeedDir)
	if err != nil {
		logger.Warn("catalogue is empty and there is nothing to seed it with", "seed_dir", cfg.SeedDir, "err", err)
		return nil
	}
	start := time.Now()
	report, err := a.Catalogue.Seed(ctx, written)
	if err != nil {
		return fmt.Errorf("seeding the catalogue: %w", err)
	}
	logger.Info("catalogue seeded on first start", "recipes", report.Recipes, "lines", report.Lines,
		"counted_lines", report.CountedLines, "took", time.Since(start).String())
	return nil
}
