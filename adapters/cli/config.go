package cli

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Config is every setting the program reads, from the environment, once.
type Config struct {
	Addr        string
	DataDir     string
	DatabaseURL string // "" = SQLite in DataDir
	RedisURL    string // "" = in-process cache, limiter and revocation list
	RedisPrefix string // namespace of every key, so deployments can share a server
	JWTSecret   string // required with DatabaseURL; otherwise generated into DataDir
	CORSOrigins []string
	LogLevel    slog.Level
	LogFormat   string // json or text
	TrustProxy  bool
	AppURL      string // the frontend, for links in emails
	SeedDir     string // seed recipes, loaded by `seed` and on the first start of the embedded default
	PublicURL   string // this API's own address, for links to locally stored images
	BcryptCost  int

	RateGeneral RateSetting
	RateAuth    RateSetting
	RateAI      RateSetting

	SendGridAPIKey  string
	SendGridBaseURL string
	MailFrom        string
	MailFromName    string

	S3Bucket        string
	S3Region        string
	S3Endpoint      string
	S3PublicBaseURL string
	S3PathStyle     bool

	// Personalize is tried before the local recommender when a campaign is
	// set; a tracking id sends interaction events to its event tracker.
	PersonalizeCampaignARN    string
	PersonalizeTrackingID     string
	PersonalizeRegion         string
	PersonalizeEndpoint       string
	PersonalizeEventsEndpoint string
	PersonalizeTimeout        time.Duration

	ShutdownTimeout time.Duration
}

// RateSetting is a limit of Limit requests per Window.
type RateSetting struct {
	Limit  int
	Window time.Duration
}

// Embedded reports whether the program runs on its embedded default storage.
func (c Config) Embedded() bool { return c.DatabaseURL == "" }

// SQLitePath is the database file of the embedded default.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "mealplanner.db") }

// LoadConfig reads the settings through getenv, applies defaults and validates
// them, naming every bad setting in one error.
func LoadConfig(getenv func(string) string) (Config, error) {
	r := envReader{getenv: getenv}
	c := Config{
		Addr:            r.str("ADDR", ":3001"),
		DataDir:         r.str("DATA_DIR", "./data"),
		DatabaseURL:     r.str("DATABASE_URL", ""),
		RedisURL:        r.str("REDIS_URL", ""),
		RedisPrefix:     r.str("REDIS_PREFIX", "mp:"),
		JWTSecret:       r.str("JWT_SECRET", ""),
		CORSOrigins:     r.list("CORS_ORIGINS", "http://localhost:3000,http://localhost:5173"),
		LogLevel:        r.level("LOG_LEVEL", slog.LevelInfo),
		LogFormat:       r.str("LOG_FORMAT", "json"),
		TrustProxy:      r.boolean("TRUST_PROXY", false),
		AppURL:          r.str("APP_URL", "http://localhost:3000"),
		SeedDir:         r.str("SEED_DIR", "./testdata/recipes"),
		PublicURL:       r.str("PUBLIC_URL", "http://localhost:3001"),
		BcryptCost:      r.integer("BCRYPT_COST", 12),
		RateGeneral:     r.rate("RATE_LIMIT_GENERAL", RateSetting{100, time.Minute}),
		RateAuth:        r.rate("RATE_LIMIT_AUTH", RateSetting{20, 15 * time.Minute}),
		RateAI:          r.rate("RATE_LIMIT_AI", RateSetting{10, time.Minute}),
		SendGridAPIKey:  r.str("SENDGRID_API_KEY", ""),
		SendGridBaseURL: r.str("SENDGRID_BASE_URL", "https://api.sendgrid.com"),
		MailFrom:        r.str("MAIL_FROM", "no-reply@mealplanner.local"),
		MailFromName:    r.str("MAIL_FROM_NAME", "Meal Planner"),
		S3Bucket:        r.str("S3_BUCKET", ""),
		S3Region:        r.str("S3_REGION", "us-east-1"),
		S3Endpoint:      r.str("S3_ENDPOINT", ""),
		S3PublicBaseURL: r.str("S3_PUBLIC_BASE_URL", ""),
		S3PathStyle:     r.boolean("S3_PATH_STYLE", false),

		PersonalizeCampaignARN:    r.str("PERSONALIZE_CAMPAIGN_ARN", ""),
		PersonalizeTrackingID:     r.str("PERSONALIZE_TRACKING_ID", ""),
		PersonalizeRegion:         r.str("PERSONALIZE_REGION", ""),
		PersonalizeEndpoint:       r.str("PERSONALIZE_ENDPOINT", ""),
		PersonalizeEventsEndpoint: r.str("PERSONALIZE_EVENTS_ENDPOINT", ""),
		PersonalizeTimeout:        r.duration("PERSONALIZE_TIMEOUT", 300*time.Millisecond),

		ShutdownTimeout: r.duration("SHUTDOWN_TIMEOUT", 15*time.Second),
	}
	if err := errors.Join(append(r.errs, c.Validate())...); err != nil {
		return Config{}, fmt.Errorf("configuration: %w", err)
	}
	return c, nil
}

// Validate checks combinations and ranges that a single variable cannot.
func (c Config) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	if c.Addr == "" {
		bad("ADDR must not be empty")
	}
	if c.DataDir == "" {
		bad("DATA_DIR must not be empty")
	}
	if c.DatabaseURL != "" && !strings.HasPrefix(c.DatabaseURL, "postgres://") && !strings.HasPrefix(c.DatabaseURL, "postgresql://") {
		bad("DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)")
	}
	if c.DatabaseURL != "" && c.JWTSecret == "" {
		bad("JWT_SECRET is required when DATABASE_URL is set (every instance must share it)")
	}
	if c.JWTSecret != "" && len(c.JWTSecret) < 32 {
		bad("JWT_SECRET must be at least 32 bytes")
	}
	if c.RedisURL != "" && !strings.HasPrefix(c.RedisURL, "redis://") && !strings.HasPrefix(c.RedisURL, "rediss://") {
		bad("REDIS_URL must be a redis:// or rediss:// URL")
	}
	if c.BcryptCost < 12 || c.BcryptCost > 31 {
		bad("BCRYPT_COST must be between 12 and 31")
	}
	if c.LogFormat != "json" && c.LogFormat != "text" {
		bad("LOG_FORMAT must be json or text")
	}
	for _, o := range c.CORSOrigins {
		if u, err := url.Parse(o); err != nil || u.Scheme == "" || u.Host == "" || u.Path != "" {
			bad("CORS_ORIGINS entry %q must be an origin such as http://localhost:3000", o)
		}
	}
	if c.S3Bucket != "" && c.S3PublicBaseURL == "" && c.S3Endpoint == "" {
		bad("S3_PUBLIC_BASE_URL is required with S3_BUCKET when S3_ENDPOINT is unset")
	}
	if c.PersonalizeTimeout > 2*time.Second {
		bad("PERSONALIZE_TIMEOUT must be at most 2s: suggestions must answer within the contract's 2 s")
	}
	return errors.Join(errs...)
}

// Personalize reports whether any Personalize feature is configured.
func (c Config) Personalize() bool {
	return c.PersonalizeCampaignARN != "" || c.PersonalizeTrackingID != ""
}

type envReader struct {
	getenv func(string) string
	errs   []error
}

func (r *envReader) str(name, def string) string {
	if v := strings.TrimSpace(r.getenv(name)); v != "" {
		return v
	}
	return def
}

func (r *envReader) list(name, def string) []string {
	var out []string
	for _, part := range strings.Split(r.str(name, def), ",") {
		if p := strings.TrimSpace(part); p != "" {
			out = append(out, strings.TrimSuffix(p, "/"))
		}
	}
	return out
}

func (r *envReader) integer(name string, def int) int {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s must be an integer, got %q", name, v))
	}
	return n
}

func (r *envReader) boolean(name string, def bool) bool {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s must be true or false, got %q", name, v))
	}
	return b
}

func (r *envReader) duration(name string, def time.Duration) time.Duration {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		r.errs = append(r.errs, fmt.Errorf("%s must be a positive duration such as 30s, got %q", name, v))
	}
	return d
}

func (r *envReader) level(name string, def slog.Level) slog.Level {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	var l slog.Level
	if err := l.UnmarshalText([]byte(v)); err != nil {
		r.errs = append(r.errs, fmt.Errorf("%s must be debug, info, warn or error, got %q", name, v))
	}
	return l
}

// rate parses "LIMIT/WINDOW", e.g. "100/1m" or "20/15m".
func (r *envReader) rate(name string, def RateSetting) RateSetting {
	v := r.str(name, "")
	if v == "" {
		return def
	}
	limit, window, ok := strings.Cut(v, "/")
	n, err1 := strconv.Atoi(limit)
	d, err2 := time.ParseDuration(window)
	if !ok || err1 != nil || err2 != nil || n < 1 || d <= 0 {
		r.errs = append(r.errs, fmt.Errorf("%s must look like 100/1m (requests per window), got %q", name, v))
		return def
	}
	return RateSetting{Limit: n, Window: d}
}
