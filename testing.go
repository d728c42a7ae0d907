package backend

import (
	"io"
	"log/slog"
	"time"

	"github.com/google/wire"

	apihttp "github.com/mealplanner/backend/adapters/http"
	"github.com/mealplanner/backend/adapters/imaging"
	"github.com/mealplanner/backend/adapters/jwt"
	"github.com/mealplanner/backend/adapters/memory"
	"github.com/mealplanner/backend/adapters/password"
	"github.com/mealplanner/backend/adapters/system"
	"github.com/mealplanner/backend/app"
	"github.com/mealplanner/backend/ports"
)

// TestOptions adjust the test assembly.
type TestOptions struct {
	AuthLimit    int       // requests per 15 minutes on public /auth routes; 0 = effectively unlimited
	GeneralLimit int       // requests per minute; 0 = effectively unlimited
	AILimit      int       // AI requests per minute; 0 = effectively unlimited
	Now          time.Time // the clock's start; zero = a fixed date
	// Recommender is the remote recommender tried before the local one; nil
	// means the local one answers every suggestion request.
	Recommender ports.Recommender
}

// TestApp is the API on in-memory fakes, with the fakes a test drives exposed.
type TestApp struct {
	Server    *apihttp.Server
	Accounts  *app.Accounts
	Catalogue *app.Catalogue
	Planner   *app.Planner
	Shopping  *app.Shopping
	AI        *app.AI
	Events    *memory.EventLog
	Images    *memory.ImageStore
	Clock     *memory.Clock
	Mailer    *memory.Mailer
	Store     *memory.Store
}

// testSet is the test assembly: everything in memory, bcrypt at its minimum
// cost so that a test signs in in microseconds, and a clock tests can move.
var testSet = wire.NewSet(
	memory.NewStore, storeUsers, storeSessions, storeResets, storeActivities,
	wire.Bind(new(ports.UserRepository), new(*memory.UserRepository)),
	wire.Bind(new(ports.SessionRepository), new(*memory.SessionRepository)),
	wire.Bind(new(ports.PasswordResetRepository), new(*memory.ResetRepository)),
	wire.Bind(new(ports.ActivityRepository), new(*memory.ActivityRepository)),
	storeRecipes, storeFavorites, storeRatings, storePlans, storeLists,
	wire.Bind(new(ports.PlanRepository), new(*memory.PlanRepository)),
	wire.Bind(new(ports.ShoppingListRepository), new(*memory.ShoppingListRepository)),
	wire.Bind(new(ports.RecipeRepository), new(*memory.RecipeRepository)),
	wire.Bind(new(ports.FavoriteRepository), new(*memory.FavoriteRepository)),
	wire.Bind(new(ports.RatingRepository), new(*memory.RatingRepository)),
	testCache, wire.Bind(new(ports.Cache), new(*memory.Cache)),
	testImages, wire.Bind(new(ports.ImageStore), new(*memory.ImageStore)),
	imaging.New, wire.Bind(new(ports.ImageProcessor), new(*imaging.Processor)),
	wire.Struct(new(app.CatalogueDeps), "*"), app.NewCatalogue,
	wire.Struct(new(app.PlannerDeps), "*"), app.NewPlanner,
	wire.Struct(new(app.ShoppingDeps), "*"), app.NewShopping, testPublicURL,
	wire.Struct(new(app.AIDeps), "*"), app.NewAI, testRecommender, testEvents,
	wire.Bind(new(ports.EventTracker), new(*memory.EventLog)),
	wire.Struct(new(services), "*"),
	testClock, wire.Bind(new(ports.Clock), new(*memory.Clock)),
	memory.NewMailer, wire.Bind(new(ports.Mailer), new(*memory.Mailer)),
	testRevocations, wire.Bind(new(ports.RevocationList), new(*memory.RevocationList)),
	testRateLimiter, wire.Bind(new(ports.RateLimiter), new(*memory.RateLimiter)),
	testHasher, wire.Bind(new(ports.PasswordHasher), new(*password.Hasher)),
	testTokens, wire.Bind(new(ports.AccessTokens), new(*jwt.Tokens)),
	wire.Struct(new(system.IDs)), wire.Bind(new(ports.IDGenerator), new(*system.IDs)),
	testLogger, wire.Struct(new(app.AccountsDeps), "*"), testAccounts,
	apihttp.NewMetrics, testServer,
	wire.Struct(new(TestApp), "*"),
)

func storeUsers(s *memory.Store) *memory.UserRepository          { return s.Users() }
func storeSessions(s *memory.Store) *memory.SessionRepository    { return s.Sessions() }
func storeResets(s *memory.Store) *memory.ResetRepository        { return s.Resets() }
func storeActivities(s *memory.Store) *memory.ActivityRepository { return s.Activities() }
func storeRecipes(s *memory.Store) *memory.RecipeRepository      { return s.Recipes() }
func storeFavorites(s *memory.Store) *memory.FavoriteRepository  { return s.Favorites() }
func storeRatings(s *memory.Store) *memory.RatingRepository      { return s.Ratings() }
func storePlans(s *memory.Store) *memory.PlanRepository          { return s.Plans() }
func storeLists(s *memory.Store) *memory.ShoppingListRepository  { return s.ShoppingLists() }

func testPublicURL() app.PublicURL { return "http://localhost:3001" }

// testRecommender is the options' remote recommender, usually none.
func testRecommender(o TestOptions) ports.Recommender { return o.Recommender }
func testEvents() *memory.EventLog                    { return memory.NewEventLog(0) }

func testCache(c *memory.Clock) *memory.Cache {
	return memory.NewCache(memory.DefaultCacheEntries, c.Now)
}
func testImages(c *memory.Clock) *memory.ImageStore {
	return memory.NewImageStore("http://localhost:3001", c.Now)
}

func testClock(o TestOptions) *memory.Clock {
	if o.Now.IsZero() {
		return memory.NewClock(time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	}
	return memory.NewClock(o.Now)
}

func testRevocations(c *memory.Clock) *memory.RevocationList { return memory.NewRevocationList(c.Now) }
func testRateLimiter(c *memory.Clock) *memory.RateLimiter    { return memory.NewRateLimiter(c.Now) }

// testLogger keeps test output quiet; a test that wants logs builds its own server.
func testLogger() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func testHasher() (*password.Hasher, error) { return password.New(4) }

func testTokens() (*jwt.Tokens, error) {
	return jwt.New([]byte("test-secret-test-secret-test-secret!"), tokenIssuer, tokenAudience)
}

func testAccounts(deps app.AccountsDeps) (*app.Accounts, error) {
	return app.NewAccounts(deps, app.AccountsConfig{AppURL: "http://localhost:3000", ResetURL: "http://localhost:3000/reset-password"})
}

func orUnlimited(n int) int {
	if n <= 0 {
		return 1_000_000
	}
	return n
}

func testServer(o TestOptions, svc services, limiter ports.RateLimiter, metrics *apihttp.Metrics, logger *slog.Logger) *apihttp.Server {
	registerAIMetrics(metrics, svc.AI, o.Recommender, nil)
	cfg := apihttp.Config{
		CORSOrigins: []string{"http://localhost:3000", "http://localhost:5173"},
		General:     apihttp.RateLimit{Limit: orUnlimited(o.GeneralLimit), Window: time.Minute},
		Auth:        apihttp.RateLimit{Limit: orUnlimited(o.AuthLimit), Window: 15 * time.Minute},
		AI:          apihttp.RateLimit{Limit: orUnlimited(o.AILimit), Window: time.Minute},
	}
	return apihttp.NewServer(cfg, apihttp.Deps{Accounts: svc.Accounts, Catalogue: svc.Catalogue,
		Planner: svc.Planner, Shopping: svc.Shopping, AI: svc.AI, Limiter: limiter, Metrics: metrics, Logger: logger})
}
