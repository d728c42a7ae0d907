package cli

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"
)

// admin runs the admin subcommands; today only "create".
func admin(ctx context.Context, env Env, args []string, cfg Config, logger *slog.Logger, assemble Assembler) error {
	if len(args) == 0 || args[0] != "create" {
		return &usageError{"usage: mealplanner admin create --email E [--name N] (password on stdin)"}
	}
	fs := flag.NewFlagSet("admin create", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	email := fs.String("email", "", "email of the new administrator")
	name := fs.String("name", "", "display name")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *email == "" {
		return &usageError{"admin create: --email is required"}
	}
	fmt.Fprint(env.Stderr, "Password (read from stdin): ")
	password, err := readLine(env.Stdin)
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return fmt.Errorf("reading the password: %w", err)
	}
	a, cleanup, err := assemble(ctx, cfg, logger)
	if err != nil {
		return err
	}
	defer cleanup()
	if _, err := a.Migrate(ctx); err != nil {
		return err
	}
	u, err := a.Accounts.CreateAdmin(ctx, *email, password, *name)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "created admin %s (%s)\n", u.Email, u.ID)
	return nil
}

// readLine reads one line, without its line ending. The password is not echoed
// back by us; on a terminal, pipe it in (for example from a password manager).
func readLine(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}
