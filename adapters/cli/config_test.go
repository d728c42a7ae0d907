package cli

import (
	"log/slog"
	"strings"
	"testing"
	"time"
)

func env(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }

func TestLoadConfigDefaults(t *testing.T) {
	t.Parallel()
	c, err := LoadConfig(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Addr != ":3001" || c.DataDir != "./data" || !c.Embedded() || c.SQLitePath() != "data/mealplanner.db" ||
		c.BcryptCost != 12 || c.LogLevel != slog.LevelInfo || c.RedisPrefix != "mp:" {
		t.Errorf("defaults: %+v", c)
	}
	if c.RateGeneral != (RateSetting{100, time.Minute}) || c.RateAuth != (RateSetting{20, 15 * time.Minute}) || c.RateAI != (RateSetting{10, time.Minute}) {
		t.Errorf("rate defaults: %+v %+v %+v", c.RateGeneral, c.RateAuth, c.RateAI)
	}
	if strings.Join(c.CORSOrigins, ",") != "http://localhost:3000,http://localhost:5173" {
		t.Errorf("CORS origins: %v", c.CORSOrigins)
	}
}

func TestLoadConfigParsesEverySetting(t *testing.T) {
	t.Parallel()
	c, err := LoadConfig(env(map[string]string{
		"ADDR": "127.0.0.1:8080", "DATABASE_URL": "postgres://u@db/app", "JWT_SECRET": strings.Repeat("s", 32),
		"REDIS_URL": "redis://cache:6379/1", "CORS_ORIGINS": "https://app.example.com/, http://localhost:3000",
		"LOG_LEVEL": "debug", "LOG_FORMAT": "text", "TRUST_PROXY": "true", "BCRYPT_COST": "13",
		"RATE_LIMIT_GENERAL": "500/1m", "RATE_LIMIT_AUTH": "5/10m", "SHUTDOWN_TIMEOUT": "3s",
	}))
	if err != nil {
		t.Fatal(err)
	}
	if c.Embedded() || c.LogLevel != slog.LevelDebug || !c.TrustProxy || c.BcryptCost != 13 ||
		c.RateGeneral != (RateSetting{500, time.Minute}) || c.RateAuth != (RateSetting{5, 10 * time.Minute}) ||
		c.ShutdownTimeout != 3*time.Second || c.CORSOrigins[0] != "https://app.example.com" {
		t.Errorf("parsed: %+v", c)
	}
}

func TestLoadConfigNamesEveryBadSetting(t *testing.T) {
	t.Parallel()
	_, err := LoadConfig(env(map[string]string{
		"DATABASE_URL": "mysql://x", "REDIS_URL": "localhost:6379", "LOG_LEVEL": "loud", "LOG_FORMAT": "xml",
		"BCRYPT_COST": "ten", "TRUST_PROXY": "maybe", "SHUTDOWN_TIMEOUT": "-1s", "CORS_ORIGINS": "localhost:3000",
		"RATE_LIMIT_AI": "10", "JWT_SECRET": "short", "S3_BUCKET": "images",
	}))
	if err == nil {
		t.Fatal("bad configuration accepted")
	}
	for _, want := range []string{"DATABASE_URL", "REDIS_URL", "LOG_LEVEL", "LOG_FORMAT", "BCRYPT_COST", "TRUST_PROXY",
		"SHUTDOWN_TIMEOUT", "CORS_ORIGINS", "RATE_LIMIT_AI", "JWT_SECRET must be at least 32 bytes", "S3_PUBLIC_BASE_URL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %s:\n%v", want, err)
		}
	}
}

func TestProductionNeedsASharedSecret(t *testing.T) {
	t.Parallel()
	_, err := LoadConfig(env(map[string]string{"DATABASE_URL": "postgres://u@db/app"}))
	if err == nil || !strings.Contains(err.Error(), "JWT_SECRET is required") {
		t.Errorf("err = %v", err)
	}
}

func TestPersonalizeSettings(t *testing.T) {
	t.Parallel()
	c, err := LoadConfig(env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if c.Personalize() || c.PersonalizeTimeout != 300*time.Millisecond {
		t.Errorf("without settings Personalize() = %v, timeout %v; want off and 300ms", c.Personalize(), c.PersonalizeTimeout)
	}
	c, err = LoadConfig(env(map[string]string{"PERSONALIZE_TRACKING_ID": "tid-1", "PERSONALIZE_REGION": "eu-west-1",
		"PERSONALIZE_EVENTS_ENDPOINT": "http://127.0.0.1:9", "PERSONALIZE_TIMEOUT": "150ms"}))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Personalize() || c.PersonalizeTrackingID != "tid-1" || c.PersonalizeRegion != "eu-west-1" ||
		c.PersonalizeEventsEndpoint != "http://127.0.0.1:9" || c.PersonalizeTimeout != 150*time.Millisecond {
		t.Errorf("settings not read: %+v", c)
	}
	_, err = LoadConfig(env(map[string]string{"PERSONALIZE_CAMPAIGN_ARN": "arn:x", "PERSONALIZE_TIMEOUT": "5s"}))
	if err == nil || !strings.Contains(err.Error(), "PERSONALIZE_TIMEOUT") {
		t.Errorf("a 5s timeout was accepted: %v", err)
	}
}
