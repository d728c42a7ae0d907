// Package backend is the composition root: it assembles the adapters around
// the use cases for each way the program runs. wire.go declares the three
// assemblies; wire_gen.go is generated from it by `make wire`.
package backend

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	stdsql "database/sql"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/wire"

	"github.com/mealplanner/backend/adapters/cli"
	apihttp "github.com/mealplanner/backend/adapters/http"
	"github.com/mealplanner/backend/adapters/imaging"
	"github.com/mealplanner/backend/adapters/jwt"
	"github.com/mealplanner/backend/adapters/localfs"
	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/outbox"
	"github.com/mealplanner/backend/adapters/password"
	"github.com/mealplanner/backend/adapters/personalize"
	"github.com/mealplanner/backend/adapters/redis"
	"github.com/mealplanner/backend/adapters/s3"
	"github.com/mealplanner/backend/adapters/sendgrid"
	"github.com/mealplanner/backend/adapters/sql"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/ports"
)

// Token claims that tie access tokens to this service.
const (
	tokenIssuer   = "meal-planner-api"
	tokenAudience = "meal-planner-web"
)

// Assemble builds the program for a configuration: the embedded default when
// no DATABASE_URL is set, the production assembly otherwise.
func Assemble(ctx context.Context, cfg cli.Config, logger *slog.Logger) (*cli.App, func(), error) {
	if cfg.Embedded() {
		return InitializeEmbedded(ctx, cfg, logger)
	}
	return InitializeProduction(ctx, cfg, logger)
}

// sqlSet stores accounts in a bun database, whichever its dialect.
var sqlSet = wire.NewSet(
	sql.NewUserRepository, wire.Bind(new(ports.UserRepository), new(*sql.UserRepository)),
	sql.NewSessionRepository, wire.Bind(new(ports.SessionRepository), new(*sql.SessionRepository)),
	sql.NewResetRepository, wire.Bind(new(ports.PasswordResetRepository), new(*sql.ResetRepository)),
	sql.NewActivityRepository, wire.Bind(new(ports.ActivityRepository), new(*sql.ActivityRepository)),
	sql.NewRecipeRepository, wire.Bind(new(ports.RecipeRepository), new(*sql.RecipeRepository)),
	sql.NewFavoriteRepository, wire.Bind(new(ports.FavoriteRepository), new(*sql.FavoriteRepository)),
	sql.NewRatingRepository, wire.Bind(new(ports.RatingRepository), new(*sql.RatingRepository)),
	sql.NewPlanRepository, wire.Bind(new(ports.PlanRepository), new(*sql.PlanRepository)),
	sql.NewShoppingListRepository, wire.Bind(new(ports.ShoppingListRepository), new(*sql.ShoppingListRepository)),
)

// serviceSet is what every running assembly shares: infrastructure chosen by
// its own setting, the use cases and the HTTP adapter.
var serviceSet = wire.NewSet(
	sqlSet,
	openRedis, provideRevocations, provideRateLimiter, provideMailer, provideCache,
	provideImages, imageStore, imaging.New, wire.Bind(new(ports.ImageProcessor), new(*imaging.Processor)),
	newHasher, wire.Bind(new(ports.PasswordHasher), new(*password.Hasher)),
	newTokens, wire.Bind(new(ports.AccessTokens), new(*jwt.Tokens)),
	wire.Struct(new(system.Clock)), wire.Bind(new(ports.Clock), new(*system.Clock)),
	wire.Struct(new(system.IDs)), wire.Bind(new(ports.IDGenerator), new(*system.IDs)),
	wire.Struct(new(app.AccountsDeps), "*"), newAccounts,
	wire.Struct(new(app.CatalogueDeps), "*"), app.NewCatalogue,
	wire.Struct(new(app.PlannerDeps), "*"), app.NewPlanner,
	wire.Struct(new(app.ShoppingDeps), "*"), app.NewShopping, publicURL,
	wire.Struct(new(app.AIDeps), "*"), app.NewAI, providePersonalize, provideRecommender, provideEventTracker,
	wire.Struct(new(services), "*"),
	newMetrics, readinessChecks, newServer, newCLIApp,
)

func openDB(ctx context.Context, dsn string) (*sql.DB, func(), error) {
	db, err := sql.Open(ctx, dsn)
	if err != nil {
		return nil, nil, fmt.Errorf("opening the database: %w", err)
	}
	return db, func() { _ = db.Close() }, nil
}

// openEmbeddedDB opens (creating it on first start) the SQLite file in DATA_DIR.
func openEmbeddedDB(ctx context.Context, cfg cli.Config) (*sql.DB, func(), error) {
	if err := os.MkdirAll(cfg.DataDir, 0o750); err != nil {
		return nil, nil, fmt.Errorf("creating DATA_DIR: %w", err)
	}
	return openDB(ctx, cfg.SQLitePath())
}

func openProductionDB(ctx context.Context, cfg cli.Config) (*sql.DB, func(), error) {
	return openDB(ctx, cfg.DatabaseURL)
}

// jwtSecret is the key access tokens are signed with.
type jwtSecret []byte

func configuredJWTSecret(cfg cli.Config) jwtSecret { return jwtSecret(cfg.JWTSecret) }

// embeddedJWTSecret uses JWT_SECRET when given, else a secret generated on
// first start and kept in DATA_DIR, so that sessions survive restarts.
func embeddedJWTSecret(cfg cli.Config) (jwtSecret, error) {
	if cfg.JWTSecret != "" {
		return jwtSecret(cfg.JWTSecret), nil
	}
	path := filepath.Join(cfg.DataDir, "jwt-secret")
	b, err := os.ReadFile(path)
	if err == nil && len(strings.TrimSpace(string(b))) >= jwt.MinSecretLength {
		return jwtSecret(strings.TrimSpace(string(b))), nil
	}
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("reading the JWT secret: %w", err)
	}
	raw := make([]byte, 48)
	if _, err := rand.Read(raw); err != nil {
		return nil, err
	}
	secret := base64.RawURLEncoding.EncodeToString(raw)
	if err := os.WriteFile(path, []byte(secret+"\n"), 0o600); err != nil {
		return nil, fmt.Errorf("writing the JWT secret: %w", err)
	}
	return jwtSecret(secret), nil
}

func newTokens(secret jwtSecret) (*jwt.Tokens, error) {
	return jwt.New(secret, tokenIssuer, tokenAudience)
}

func newHasher(cfg cli.Config) (*password.Hasher, error) { return password.New(cfg.BcryptCost) }

// openRedis connects when REDIS_URL is set; a nil client means "in-process".
func openRedis(ctx context.Context, cfg cli.Config) (*redis.Client, func(), error) {
	if cfg.RedisURL == "" {
		return nil, func() {}, nil
	}
	c, err := redis.Open(ctx, cfg.RedisURL, redis.WithKeyPrefix(cfg.RedisPrefix))
	if err != nil {
		return nil, nil, fmt.Errorf("connecting to Redis: %w", err)
	}
	return c, c.Close, nil
}

func provideCache(c *redis.Client) ports.Cache {
	if c == nil {
		return memory.NewCache(memory.DefaultCacheEntries, nil)
	}
	return redis.NewCache(c)
}

// images is where pictures live, and the handler that serves them when the
// API itself does (the local folder of the embedded default).
type images struct {
	store   ports.ImageStore
	handler http.Handler
}

func imageStore(i images) ports.ImageStore { return i.store }

// provideImages stores pictures in S3 when S3_BUCKET is set, else in
// DATA_DIR/images served by the API under /images/.
func provideImages(ctx context.Context, cfg cli.Config, secret jwtSecret) (images, func(), error) {
	if cfg.S3Bucket != "" {
		store, err := s3.New(ctx, s3.Config{Bucket: cfg.S3Bucket, Region: cfg.S3Region, Endpoint: cfg.S3Endpoint,
			UsePathStyle: cfg.S3PathStyle, PublicBaseURL: cfg.S3PublicBaseURL})
		if err != nil {
			return images{}, nil, fmt.Errorf("connecting to S3: %w", err)
		}
		return images{store: store}, func() {}, nil
	}
	// The upload links are signed with a key derived from the JWT secret, so
	// that no second secret needs configuring and the two never coincide.
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("local image uploads"))
	store, err := localfs.New(filepath.Join(cfg.DataDir, "images"), strings.TrimSuffix(cfg.PublicURL, "/"), mac.Sum(nil))
	if err != nil {
		return images{}, nil, fmt.Errorf("opening the image folder: %w", err)
	}
	return images{store: store, handler: store.Handler()}, func() { _ = store.Close() }, nil
}

func provideRevocations(c *redis.Client, logger *slog.Logger) ports.RevocationList {
	if c == nil {
		return memory.NewRevocationList(nil)
	}
	return redis.NewRevocationList(c, logger)
}

func provideRateLimiter(c *redis.Client, logger *slog.Logger) ports.RateLimiter {
	if c == nil {
		return memory.NewRateLimiter(nil)
	}
	return redis.NewRateLimiter(c, logger)
}

// provideMailer sends through SendGrid when it is configured and otherwise
// writes to the outbox folder, so that no email is lost in development.
func provideMailer(cfg cli.Config, logger *slog.Logger) (ports.Mailer, error) {
	if cfg.SendGridAPIKey != "" {
		return sendgrid.New(sendgrid.Config{APIKey: cfg.SendGridAPIKey, BaseURL: cfg.SendGridBaseURL,
			FromEmail: cfg.MailFrom, FromName: cfg.MailFromName})
	}
	return outbox.New(filepath.Join(cfg.DataDir, "outbox"), logger)
}

func newAccounts(deps app.AccountsDeps, cfg cli.Config) (*app.Accounts, error) {
	appURL := strings.TrimSuffix(cfg.AppURL, "/")
	return app.NewAccounts(deps, app.AccountsConfig{AppURL: appURL, ResetURL: appURL + "/reset-password"})
}

// newMetrics adds the infrastructure's own figures to the HTTP metrics.
func newMetrics(db *sql.DB, limiter ports.RateLimiter) *apihttp.Metrics {
	m := apihttp.NewMetrics()
	pool := func(f func(s stdsql.DBStats) float64) func() float64 { return func() float64 { return f(db.Stats()) } }
	m.GaugeFunc("db_pool_open_connections", "Open database connections.", pool(func(s stdsql.DBStats) float64 { return float64(s.OpenConnections) }))
	m.GaugeFunc("db_pool_in_use_connections", "Database connections in use.", pool(func(s stdsql.DBStats) float64 { return float64(s.InUse) }))
	m.GaugeFunc("db_pool_idle_connections", "Idle database connections.", pool(func(s stdsql.DBStats) float64 { return float64(s.Idle) }))
	m.CounterFunc("db_pool_wait_total", "Times a request waited for a database connection.", pool(func(s stdsql.DBStats) float64 { return float64(s.WaitCount) }))
	if rl, ok := limiter.(*redis.RateLimiter); ok {
		m.CounterFunc("rate_limit_local_fallbacks_total", "Rate-limit decisions made in-process because Redis did not answer.",
			func() float64 { return float64(rl.Fallbacks()) })
	}
	return m
}

func readinessChecks(db *sql.DB, c *redis.Client) []apihttp.Check {
	checks := []apihttp.Check{{Name: "database", Pinger: db}}
	if c != nil {
		checks = append(checks, apihttp.Check{Name: "cache", Pinger: c})
	}
	return checks
}

func httpConfig(cfg cli.Config) apihttp.Config {
	return apihttp.Config{
		CORSOrigins: cfg.CORSOrigins,
		TrustProxy:  cfg.TrustProxy,
		General:     apihttp.RateLimit{Limit: cfg.RateGeneral.Limit, Window: cfg.RateGeneral.Window},
		Auth:        apihttp.RateLimit{Limit: cfg.RateAuth.Limit, Window: cfg.RateAuth.Window},
		AI:          apihttp.RateLimit{Limit: cfg.RateAI.Limit, Window: cfg.RateAI.Window},
	}
}

// services are the use cases, as the driving adapters receive them.
type services struct {
	Accounts  *app.Accounts
	Catalogue *app.Catalogue
	Planner   *app.Planner
	Shopping  *app.Shopping
	AI        *app.AI
}

// providePersonalize is the Personalize client when a campaign or an event
// tracker is configured, else nil. Building it reads the AWS configuration
// but does not call AWS.
func providePersonalize(cfg cli.Config) (*personalize.Client, error) {
	if !cfg.Personalize() {
		return nil, nil
	}
	c, err := personalize.New(personalize.Config{Region: cfg.PersonalizeRegion, CampaignARN: cfg.PersonalizeCampaignARN,
		TrackingID: cfg.PersonalizeTrackingID, Endpoint: cfg.PersonalizeEndpoint,
		EventsEndpoint: cfg.PersonalizeEventsEndpoint, Timeout: cfg.PersonalizeTimeout})
	if err != nil {
		return nil, fmt.Errorf("configuring Personalize: %w", err)
	}
	return c, nil
}

// provideRecommender is the Personalize campaign behind a circuit breaker,
// so that a sick service costs suggestions nothing while the local hybrid
// recommender answers; nil (no campaign) means the local one answers alone.
func provideRecommender(cfg cli.Config, client *personalize.Client, logger *slog.Logger) ports.Recommender {
	if client == nil || cfg.PersonalizeCampaignARN == "" {
		return nil
	}
	return personalize.NewBreaker(client, personalize.BreakerConfig{Logger: logger})
}

// trackerDrainTimeout bounds how long shutdown waits for queued events.
const trackerDrainTimeout = 5 * time.Second

// provideEventTracker sends interaction events to the Personalize event
// tracker in the background when one is configured; otherwise it keeps the
// last few thousand in memory, for the logs and the tests.
func provideEventTracker(cfg cli.Config, client *personalize.Client, logger *slog.Logger) (ports.EventTracker, func()) {
	if client == nil || cfg.PersonalizeTrackingID == "" {
		return memory.NewEventLog(0), func() {}
	}
	t := personalize.NewTracker(client, personalize.TrackerConfig{Logger: logger})
	return t, func() {
		ctx, cancel := context.WithTimeout(context.Background(), trackerDrainTimeout)
		defer cancel()
		if err := t.Close(ctx); err != nil {
			logger.Warn("interaction events not all delivered before shutdown", "err", err, "stats", t.Stats())
		}
	}
}

func publicURL(cfg cli.Config) app.PublicURL {
	return app.PublicURL(strings.TrimSuffix(cfg.PublicURL, "/"))
}

func newServer(cfg cli.Config, svc services, limiter ports.RateLimiter, checks []apihttp.Check,
	metrics *apihttp.Metrics, img images, rec ports.Recommender, events ports.EventTracker, logger *slog.Logger) *apihttp.Server {
	registerCatalogueMetrics(metrics, svc.Catalogue)
	registerAIMetrics(metrics, svc.AI, rec, events)
	return apihttp.NewServer(httpConfig(cfg), apihttp.Deps{Accounts: svc.Accounts, Catalogue: svc.Catalogue,
		Planner: svc.Planner, Shopping: svc.Shopping, AI: svc.AI, Limiter: limiter,
		Checks: checks, Metrics: metrics, Images: img.handler, Logger: logger})
}

func registerCatalogueMetrics(m *apihttp.Metrics, cat *app.Catalogue) {
	m.CounterFunc("cache_hits_total", "Catalogue reads answered from the cache.", func() float64 { return float64(cat.CacheStats().Hits) })
	m.CounterFunc("cache_misses_total", "Catalogue reads that had to go to the database.", func() float64 { return float64(cat.CacheStats().Misses) })
}

// registerAIMetrics exports which recommender answered suggestions, how
// often the local one stood in for a failing remote, the circuit's state and
// what became of the interaction events.
func registerAIMetrics(m *apihttp.Metrics, ai *app.AI, rec ports.Recommender, events ports.EventTracker) {
	m.CounterFunc("suggestions_personalize_total", "Suggestion answers computed with the remote recommender.",
		func() float64 { return float64(ai.SuggestionStats().Personalize) })
	m.CounterFunc("suggestions_rules_total", "Suggestion answers computed by the local hybrid recommender alone.",
		func() float64 { return float64(ai.SuggestionStats().Rules) })
	m.CounterFunc("suggestions_fallbacks_total", "Suggestion answers where the remote recommender failed or had nothing usable and the local one answered.",
		func() float64 { return float64(ai.SuggestionStats().Fallbacks) })
	if b, ok := rec.(*personalize.Breaker); ok {
		m.GaugeFunc("personalize_circuit_open", "1 while the Personalize circuit is open or half-open, else 0.", func() float64 {
			if b.State() == personalize.BreakerClosed {
				return 0
			}
			return 1
		})
	}
	if t, ok := events.(*personalize.Tracker); ok {
		m.CounterFunc("personalize_events_sent_total", "Interaction events accepted by Personalize.", func() float64 { return float64(t.Stats().Sent) })
		m.CounterFunc("personalize_events_failed_total", "Interaction events refused or not delivered in time.", func() float64 { return float64(t.Stats().Failed) })
		m.CounterFunc("personalize_events_dropped_total", "Interaction events never sent: the queue was full or closed.", func() float64 { return float64(t.Stats().Dropped) })
	}
}

func newCLIApp(server *apihttp.Server, svc services, db *sql.DB) *cli.App {
	return &cli.App{Handler: server, Accounts: svc.Accounts, Catalogue: svc.Catalogue, Planner: svc.Planner,
		Shopping: svc.Shopping, AI: svc.AI, Migrate: db.Migrate, Drain: server.Drain}
}
