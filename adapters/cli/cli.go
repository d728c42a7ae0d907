// Package cli is the command-line adapter: it parses the command line, reads
// the configuration and runs the server or a batch command on an assembly
// built by the composition root.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"

	"github.com/mealplanner/backend/app"
)

// App is an assembled program: what the commands drive. The composition root
// (wire.go) builds it for the configured adapters.
type App struct {
	Handler   http.Handler
	Accounts  *app.Accounts
	Catalogue *app.Catalogue
	Planner   *app.Planner
	Shopping  *app.Shopping
	AI        *app.AI
	// Migrate brings the database schema up to date and names what it applied.
	Migrate func(ctx context.Context) ([]string, error)
	// Drain marks the service as going away, so /ready fails before shutdown.
	Drain func()
}

// Assembler builds the App for a configuration; cleanup releases what it opened.
type Assembler func(ctx context.Context, cfg Config, logger *slog.Logger) (a *App, cleanup func(), err error)

// Env is the process environment, passed in so tests can run the real program.
type Env struct {
	Args    []string // without the program name
	Getenv  func(string) string
	Stdin   io.Reader
	Stdout  io.Writer
	Stderr  io.Writer
	Version string
	// Listening, when set, is told the address the server listens on (tests use ADDR=127.0.0.1:0).
	Listening func(addr string)
}

const usage = `usage: mealplanner <command> [flags]

commands:
  serve                     run the HTTP API (migrates the database first)
  migrate                   apply database migrations and exit
  seed [--dir D]            load the seed recipes (idempotent); --synthetic N makes N more for scale tests
  admin create --email E    create an administrator; the password is read from stdin
  eval recommend            score suggestions offline on the seed recipes (no database needed)
  eval plans                check generated plans on the seed and a synthetic catalogue (no database)
  version                   print the version

Configuration comes from the environment; see README.md.
`

// Run executes one command and returns the process exit code.
func Run(ctx context.Context, env Env, assemble Assembler) int {
	if len(env.Args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return 2
	}
	cmd, args := env.Args[0], env.Args[1:]
	if cmd == "version" {
		fmt.Fprintln(env.Stdout, "mealplanner", env.Version)
		return 0
	}
	if cmd == "help" || cmd == "-h" || cmd == "--help" {
		fmt.Fprint(env.Stdout, usage)
		return 0
	}
	cfg, err := LoadConfig(env.Getenv)
	if err != nil {
		fmt.Fprintln(env.Stderr, err)
		return 2
	}
	logger := newLogger(cfg, env.Stderr)
	switch cmd {
	case "serve":
		err = serve(ctx, env, cfg, logger, assemble)
	case "migrate":
		err = migrate(ctx, env, cfg, logger, assemble)
	case "seed":
		err = seed(ctx, env, args, cfg, logger, assemble)
	case "admin":
		err = admin(ctx, env, args, cfg, logger, assemble)
	case "eval":
		err = eval(env, args, cfg, logger)
	default:
		fmt.Fprintf(env.Stderr, "unknown command %q\n\n%s", cmd, usage)
		return 2
	}
	var usageErr *usageError
	switch {
	case errors.As(err, &usageErr):
		fmt.Fprintln(env.Stderr, err)
		return 2
	case errors.Is(err, flag.ErrHelp):
		return 0
	case err != nil:
		logger.Error("command failed", "command", cmd, "err", err)
		fmt.Fprintln(env.Stderr, "error:", err)
		return 1
	}
	return 0
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func newLogger(cfg Config, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	if cfg.LogFormat == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

func migrate(ctx context.Context, env Env, cfg Config, logger *slog.Logger, assemble Assembler) error {
	a, cleanup, err := assemble(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer cleanup()
	applied, err := a.Migrate(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "applied %d migration(s)\n", len(applied))
	for _, m := range applied {
		fmt.Fprintln(env.Stdout, "  ", m)
	}
	return nil
}
