//go:build wireinject

package backend

import (
	"context"
	"log/slog"

	"github.com/google/wire"

	"github.com/mealplanner/backend/adapters/cli"
)

// InitializeEmbedded assembles the default program: SQLite in DATA_DIR and,
// unless configured otherwise, in-process cache, limiter and an email outbox.
func InitializeEmbedded(ctx context.Context, cfg cli.Config, logger *slog.Logger) (*cli.App, func(), error) {
	wire.Build(serviceSet, openEmbeddedDB, embeddedJWTSecret)
	return nil, nil, nil
}

// InitializeProduction assembles the program on PostgreSQL with a shared JWT
// secret; Redis and SendGrid follow their own settings.
func InitializeProduction(ctx context.Context, cfg cli.Config, logger *slog.Logger) (*cli.App, func(), error) {
	wire.Build(serviceSet, openProductionDB, configuredJWTSecret)
	return nil, nil, nil
}

// InitializeTest assembles the API on in-memory fakes for component tests.
func InitializeTest(opts TestOptions) (*TestApp, func(), error) {
	wire.Build(testSet)
	return nil, nil, nil
}
